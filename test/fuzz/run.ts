/**
 * The long fuzz run behind `npm run fuzz` (scripts/fuzz.mjs starts it under tsx):
 *   --runs N      total cases (default 100000), shared among the generators by weight
 *   --seed N      replay a run (printed at the start)
 *   --only TEXT   only the generators whose name contains TEXT
 * Prints the counts per generator. A failure is shrunk, printed with its seed and path, and written to
 * test/fuzz/regressions/ as a regression fixture (replayed by regressions.test.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { generators, loadFixtures } from './generators';
import { checkInput, PropertyFailure } from './properties';
import { loadHclParser } from '../../server/src/io/hclGrammar';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

const runs = Number(arg('--runs') ?? 100_000);
const seed = Number(arg('--seed') ?? (Date.now() ^ (Math.random() * 0x7fffffff)) >>> 0);
const only = arg('--only');

// Terraform files are parsed with tree-sitter, whose grammar an edge loads first.
void loadHclParser().then(main);

function main(): void {
  const all = generators(loadFixtures()).filter((g) => !only || g.name.includes(only));
  const totalWeight = all.reduce((n, g) => n + g.weight, 0);
  console.log(`berth fuzz: seed ${seed}, ${runs.toLocaleString('en-US')} cases over ${all.length} generators (replay: npm run fuzz -- --seed ${seed} --runs ${runs}${only ? ` --only "${only}"` : ''})`);

  const started = Date.now();
  let total = 0;
  let failed = 0;
  let slowest = 0;
  for (const [i, g] of all.entries()) {
    const numRuns = Math.max(1, Math.round((runs * g.weight) / totalWeight));
    const t0 = Date.now();
    let withFindings = 0;
    const result = fc.check(
      fc.property(g.arbitrary, (input) => {
        const { analysis, ms } = checkInput(input, { probes: 2 });
        if (analysis.findings.length) withFindings++;
        if (ms > slowest) slowest = ms;
      }),
      { seed: seed + i, numRuns },
    );
    total += numRuns;
    const line = `${g.name.padEnd(28)} ${String(numRuns).padStart(7)} cases  ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s  ${withFindings} with findings`;
    if (!result.failed) {
      console.log(`ok    ${line}`);
      continue;
    }
    failed++;
    const input = result.counterexample?.[0] as { uri: string; text: string } | undefined;
    const error = result.errorInstance;
    const property = error instanceof PropertyFailure ? error.property : 'unexpected error';
    console.log(`FAIL  ${line}\n      ${property}: ${String((error as Error | undefined)?.message ?? error).split('\n').slice(0, 8).join('\n      ')}`);
    console.log(`      seed ${seed + i}, path ${result.counterexamplePath}`);
    if (input) {
      const dir = join(__dirname, 'regressions');
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `seed-${seed + i}.json`);
      writeFileSync(
        file,
        `${JSON.stringify(
          {
            description: `Found by npm run fuzz (generator "${g.name}", seed ${seed + i}, path ${result.counterexamplePath}): ${property}.`,
            status: 'open',
            expect: 'every property of test/fuzz/properties.ts holds',
            uri: input.uri,
            text: input.text,
          },
          null,
          2,
        )}\n`,
      );
      console.log(`      regression fixture: ${file}`);
    }
  }
  console.log(
    `berth fuzz: ${total.toLocaleString('en-US')} cases, ${failed} failing generator(s), slowest analysis ${slowest.toFixed(0)} ms of CPU, ${((Date.now() - started) / 1000).toFixed(0)} s (seed ${seed})`,
  );
  process.exit(failed ? 1 : 0);
}
