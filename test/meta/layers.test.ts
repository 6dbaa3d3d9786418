/**
 * The core's folders are its layers (ARCHITECTURE.md, "Layers of the core"): a file may import from its own
 * folder and from the layers before it, never from a layer after it or beside it. Value and type imports,
 * re-exports, `import()` and `require()` all count.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { importsOf, ROOT, sourceFiles, type ImportEdge } from '../helpers/importGraph';

const CORE = 'server/src/core';
/** Data the core may import from outside itself (bundled JSON schemas). */
const DATA_OUTSIDE_CORE = ['schemas/'];

/** The layer line in ARCHITECTURE.md: groups separated by `→`, peers within a group by `|`. */
function documentedLayers(): string[][] {
  const text = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8');
  const marker = text.indexOf('<!-- layers: checked by test/meta/layers.test.ts -->');
  assert.ok(marker >= 0, 'ARCHITECTURE.md has the layers marker');
  const line = text.slice(marker).split('\n').find((l) => l.includes('→'));
  assert.ok(line, 'ARCHITECTURE.md has a layer line after the marker');
  return line.split('→').map((group) => group.split('|').map((unit) => unit.trim()));
}

/** The unit a core file belongs to: its first folder under core, or the file itself at the top. */
function unitOf(file: string): string {
  const rest = file.slice(CORE.length + 1);
  return rest.includes('/') ? rest.slice(0, rest.indexOf('/')) : rest;
}

/** Imports that break the layer order, each as one readable line. */
export function layerViolations(edges: readonly ImportEdge[], layers: readonly (readonly string[])[]): string[] {
  const rank = new Map<string, number>();
  layers.forEach((group, i) => group.forEach((unit) => rank.set(unit, i)));
  const order = layers.map((g) => g.join(' | ')).join(' → ');
  const out: string[] = [];
  for (const edge of edges) {
    if (!edge.from.startsWith(`${CORE}/`)) continue;
    const where = `${edge.from}:${edge.line} imports '${edge.specifier}'`;
    if (edge.to === undefined) {
      if (edge.specifier.startsWith('.')) out.push(`${where}, which does not resolve to a file`);
      continue;
    }
    if (!edge.to.startsWith(`${CORE}/`)) {
      if (!DATA_OUTSIDE_CORE.some((prefix) => edge.to!.startsWith(prefix))) out.push(`${where} (${edge.to}): the core imports nothing outside itself but data in ${DATA_OUTSIDE_CORE.join(', ')}`);
      continue;
    }
    const from = unitOf(edge.from);
    const to = unitOf(edge.to);
    if (from === to) continue;
    const fromRank = rank.get(from);
    const toRank = rank.get(to);
    if (fromRank === undefined || toRank === undefined) continue; // reported by the "every folder has a layer" test
    if (toRank < fromRank) continue;
    const below = layers.slice(0, fromRank).flat();
    const rule = toRank === fromRank ? `${to} is beside ${from}, not below it` : `${to} is above ${from}`;
    out.push(`${where} (${to}): ${rule}; ${from} may import only from ${below.length ? below.join(', ') : 'nothing else in the core'} (layer order: ${order})`);
  }
  return out;
}

describe('core layers', () => {
  const layers = documentedLayers();
  const files = sourceFiles(CORE);

  it('every folder and top-level file of the core has exactly one layer, and every layer exists', () => {
    const listed = layers.flat();
    assert.equal(new Set(listed).size, listed.length, `a unit is listed twice: ${listed.join(', ')}`);
    assert.deepEqual([...new Set(files.map(unitOf))].filter((u) => !listed.includes(u)), [], 'units of the core missing from the layer line in ARCHITECTURE.md');
    assert.deepEqual(listed.filter((u) => !existsSync(join(ROOT, CORE, u))), [], 'layers named in ARCHITECTURE.md that do not exist');
  });

  it('no import climbs the layer order', () => {
    assert.deepEqual(files.flatMap((f) => layerViolations(importsOf(f), layers)), []);
  });

  it('the check names a climbing import, a sideways one and one leaving the core', () => {
    const edge = (from: string, specifier: string, to: string | undefined, typeOnly = false): ImportEdge => ({ from: `${CORE}/${from}`, specifier, to: to && `${CORE}/${to}`, line: 3, typeOnly });
    const sample = [['text', 'facts'], ['parse'], ['model'], ['template', 'workspace']];
    assert.deepEqual(
      layerViolations(
        [
          edge('model/ecs.ts', '../workspace/index', 'workspace/index.ts', true),
          edge('template/graph.ts', '../workspace/index', 'workspace/index.ts'),
          edge('model/ecs.ts', '../parse/tree', 'parse/tree.ts'),
          edge('model/ecs.ts', './located', 'model/located.ts'),
          { from: `${CORE}/parse/tree.ts`, specifier: '../../lsp/server', to: 'server/src/lsp/server.ts', line: 1, typeOnly: false },
          { from: `${CORE}/facts/cfnResources.ts`, specifier: '../../../../schemas/cfn/resources.json', to: 'schemas/cfn/resources.json', line: 1, typeOnly: false },
        ],
        sample,
      ),
      [
        `${CORE}/model/ecs.ts:3 imports '../workspace/index' (workspace): workspace is above model; model may import only from text, facts, parse (layer order: text | facts → parse → model → template | workspace)`,
        `${CORE}/template/graph.ts:3 imports '../workspace/index' (workspace): workspace is beside template, not below it; template may import only from text, facts, parse, model (layer order: text | facts → parse → model → template | workspace)`,
        `${CORE}/parse/tree.ts:1 imports '../../lsp/server' (server/src/lsp/server.ts): the core imports nothing outside itself but data in schemas/`,
      ],
    );
  });
});
