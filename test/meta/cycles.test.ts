/**
 * No import cycles in server/src and client/src. Value imports only (`import type` is erased at build time and
 * cannot make a module see another half-initialised); `require()` and `import()` of project files count.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cyclesOf, sourceFiles, valueImportGraph } from '../helpers/importGraph';

/**
 * Known cycles, each to be broken, never added to. cli/lint.ts ↔ cli/parallel.ts is being replaced by a
 * pipeline module (issue 17, the edges work); delete this entry when that lands.
 */
const ALLOWED: readonly (readonly string[])[] = [['server/src/cli/lint.ts', 'server/src/cli/parallel.ts']];

describe('import cycles', () => {
  it('server/src and client/src have none (value imports)', () => {
    assert.deepEqual(cyclesOf(valueImportGraph(sourceFiles('server/src', 'client/src'))), ALLOWED);
  });

  it('the search finds a cycle through three files, and one file importing itself', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts', 'd.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
    ]);
    assert.deepEqual(cyclesOf(graph), [['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
  });
});
