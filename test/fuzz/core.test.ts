/**
 * Property-based tests of the core (issue 11, §1): a few thousand generated and mutated inputs per run,
 * with a fixed seed per generator so a failure replays. `npm run fuzz` runs the same properties on 100,000+.
 * On failure fast-check prints the shrunk input, the seed and the path.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { generators, loadFixtures } from './generators';
import { checkInput } from './properties';
import { loadHclParser } from '../../server/src/io/hclGrammar';

/** Cases in `npm test`, shared by weight; override with BERTH_FUZZ_RUNS. */
const TOTAL = Number(process.env.BERTH_FUZZ_RUNS ?? 2500);
const SEED = Number(process.env.BERTH_FUZZ_SEED ?? 20251);

const fixtures = loadFixtures();
const all = generators(fixtures);
const totalWeight = all.reduce((n, g) => n + g.weight, 0);

describe('fuzz: properties of analyze() on generated input', () => {
  // Terraform files are parsed with tree-sitter, whose grammar an edge loads first.
  before(() => loadHclParser());
  it('loads every fixture of test/fixtures/kinds and examples/, and each satisfies the properties unmutated', () => {
    assert.ok(fixtures.length >= 60, `only ${fixtures.length} fixtures`);
    assert.ok(fixtures.some((f) => f.path.startsWith('examples/')));
    for (const f of fixtures) checkInput({ uri: f.uri, text: f.text });
  });

  for (const [i, g] of all.entries()) {
    const numRuns = Math.max(20, Math.round((TOTAL * g.weight) / totalWeight));
    it(`${g.name}: ${numRuns} cases`, () => {
      fc.assert(
        fc.property(g.arbitrary, (input) => {
          checkInput(input, { probes: 1 });
        }),
        { seed: SEED + i, numRuns },
      );
    });
  }
});
