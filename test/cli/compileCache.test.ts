/**
 * dist/cli.js runs the CLI bundle through V8's code cache (server/src/cli/launch.ts): the cache file is written by
 * a run that had none, reused by the next, replaced when V8 rejects it, and never changes what `berth` prints.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildCli, fixture, runCli } from './cliHarness';

const folder = fixture('project');
let root: string;

before(async () => {
  await buildCli();
  root = mkdtempSync(join(tmpdir(), 'berth-compile-cache-'));
});

after(() => rmSync(root, { recursive: true, force: true }));

function lintWith(cache: string) {
  return runCli(['lint', '--format', 'json'], folder, { env: { ...process.env, BERTH_COMPILE_CACHE: cache } });
}

const cacheFiles = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.bin'));

describe('berth: the code cache of the CLI bundle', () => {
  it('a first run writes one cache file, the next reuses it as it is, and both print the same findings', () => {
    const dir = join(root, 'reuse');
    const first = lintWith(dir);
    const files = cacheFiles(dir);
    assert.equal(files.length, 1);
    assert.match(files[0]!, /^cli-[0-9a-f]{16}-[0-9a-f]{16}\.bin$/);
    const written = statSync(join(dir, files[0]!)).mtimeMs;
    const second = lintWith(dir);
    assert.deepEqual(cacheFiles(dir), files);
    assert.equal(statSync(join(dir, files[0]!)).mtimeMs, written);
    assert.equal(second.code, first.code);
    assert.equal(second.stdout, first.stdout);
    assert.ok((JSON.parse(first.stdout) as { findings: unknown[] }).findings.length > 0);
  });

  it('a cache file V8 rejects (here: garbage) is replaced, and the run is not affected', () => {
    const dir = join(root, 'garbage');
    const expected = lintWith(dir);
    const [file] = cacheFiles(dir);
    writeFileSync(join(dir, file!), 'not a code cache');
    const r = lintWith(dir);
    assert.equal(r.stdout, expected.stdout);
    assert.equal(r.stderr, '');
    assert.ok(readFileSync(join(dir, file!)).length > 1000, 'the rejected file is written anew');
  });

  it('BERTH_COMPILE_CACHE=off writes nothing; a folder that cannot be made only means no cache', () => {
    const expected = lintWith(join(root, 'expected'));
    const cwdBefore = readdirSync(folder);
    assert.equal(lintWith('off').stdout, expected.stdout);
    assert.deepEqual(readdirSync(folder), cwdBefore);
    const blocked = join(root, 'a-file');
    writeFileSync(blocked, '');
    const r = lintWith(join(blocked, 'cache'));
    assert.equal(r.stdout, expected.stdout);
    assert.equal(r.stderr, '');
  });
});
