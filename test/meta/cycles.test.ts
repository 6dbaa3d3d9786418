/**
 * No import cycles in server/src and client/src. Value imports only (`import type` is erased at build time and
 * cannot make a module see another half-initialised); `require()` and `import()` of project files count.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cyclesOf, sourceFiles, valueImportGraph } from '../helpers/importGraph';

describe('import cycles', () => {
  it('server/src and client/src have none (value imports)', () => {
    assert.deepEqual(cyclesOf(valueImportGraph(sourceFiles('server/src', 'client/src'))), []);
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
