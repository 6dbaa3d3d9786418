import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ValidateFunction } from 'ajv';
import fc from 'fast-check';
import { parse } from 'yaml';
import { compiledValidator } from '../../../server/src/core/schema/compiled';
import { schemaFor } from '../../../server/src/core/schema/registry';
import { SCHEMA_KINDS, type SchemaKind } from '../../../server/src/core/schema/kinds';

const ROOT = join(__dirname, '..', '..', '..');

interface Generator {
  OUT_DIR: string;
  standaloneSource(kind: SchemaKind): { source: string; replaced: number; kept: number };
}

async function generator(): Promise<Generator> {
  return (await import(join(ROOT, 'scripts', 'generate-validators.mjs'))) as Generator;
}

/** Evaluates generated standalone code as if it were a file in the generated folder. */
function load(gen: Generator, kind: SchemaKind): ValidateFunction {
  const { source } = gen.standaloneSource(kind);
  const module = { exports: {} as unknown };
  const requireHere = createRequire(join(gen.OUT_DIR, `${kind}.js`));
  new Function('require', 'module', 'exports', source)(requireHere, module, module.exports);
  return module.exports as ValidateFunction;
}

function fixtures(kind: SchemaKind): unknown[] {
  const dir = join(ROOT, 'test', 'fixtures', 'kinds', kind);
  return readdirSync(dir).map((name) => parse(readFileSync(join(dir, name), 'utf8')) as unknown);
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value inside `value`. */
function paths(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}

type Mutation = { op: 'set'; value: Json } | { op: 'delete' } | { op: 'addKey'; key: string; value: Json };

function mutate(doc: unknown, path: (string | number)[], mutation: Mutation): unknown {
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  if (!path.length) return mutation.op === 'set' ? mutation.value : copy;
  let parent = copy;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (mutation.op === 'set') parent[last] = mutation.value;
  else if (mutation.op === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else {
    const target = parent[last];
    if (target && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, unknown>)[mutation.key] = mutation.value;
  }
  return copy;
}

const value: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>('', 'x', 'FARGATE', 'awsvpc', -1, 0, 1.5, 65536, 1e12, true, null, [], {}),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('set' as const), value }),
  fc.constant({ op: 'delete' as const }),
  fc.record({ op: fc.constant('addKey' as const), key: fc.constantFrom('name', 'image', 'foo', 'Name', 'cpu'), value }),
);

describe('precompiled validators (scripts/generate-validators.mjs)', () => {
  it('reference the schema JSON instead of inlining copies of it', async () => {
    const gen = await generator();
    for (const kind of SCHEMA_KINDS) {
      const { source, replaced, kept } = gen.standaloneSource(kind);
      assert.equal(kept, 0, `${kind}: every schema literal became a reference`);
      assert.ok(replaced >= 1, kind);
      assert.ok(!source.includes('"$comment":'), `${kind}: no inlined schema`);
    }
  });

  for (const kind of SCHEMA_KINDS) {
    it(`${kind}: give the same verdict and the same errors as run-time compilation`, async () => {
      const precompiled = load(await generator(), kind);
      const runtime = compiledValidator(kind, schemaFor(kind));
      const docs = fixtures(kind);
      const same = (doc: unknown) => {
        const expected = runtime(doc);
        const expectedErrors = structuredClone(runtime.errors);
        assert.equal(precompiled(doc), expected);
        assert.deepEqual(precompiled.errors, expectedErrors);
        return expected;
      };
      for (const doc of docs) same(doc);
      let invalid = 0;
      fc.assert(
        fc.property(
          fc.nat({ max: docs.length - 1 }).chain((i) =>
            fc.tuple(fc.constant(docs[i]), fc.constantFrom(...paths(docs[i])), mutation),
          ),
          ([doc, path, change]) => {
            if (!same(mutate(doc, path, change))) invalid++;
          },
        ),
        { numRuns: 300, seed: 10 },
      );
      assert.ok(invalid > 50, `${kind}: the mutations produced ${invalid} invalid documents`);
    });
  }

  it('are what the built bundles contain, with no ajv compiler', { skip: process.env['BERTH_BUILT'] !== '1' }, () => {
    for (const bundle of ['server', 'cli-main']) {
      const map = join(ROOT, 'dist', `${bundle}.js.map`);
      assert.ok(existsSync(map), map);
      const sources = (JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] }).sources;
      for (const kind of SCHEMA_KINDS) {
        assert.ok(sources.some((s) => s.endsWith(`core/schema/generated/${kind}.js`)), `${bundle}: ${kind}`);
      }
      assert.ok(!sources.some((s) => /ajv\/(lib|dist)\/(compile|core)/.test(s)), `${bundle} bundles ajv's compiler`);
      assert.ok(!sources.some((s) => s.endsWith('core/schema/compiled.ts')), `${bundle} bundles the run-time compiler`);
    }
  });
});
