#!/usr/bin/env node
// `npm run fuzz`: the long property run (100,000 cases by default) over the core, with a printed seed.
//   npm run fuzz -- --seed 123 --runs 200000 --only templates
// Runs test/fuzz/run.ts under tsx (and the .md loader, as the tests do). A failure is shrunk and written to
// test/fuzz/regressions/ as a regression fixture; the exit code is 1.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const result = spawnSync(
  process.execPath,
  ['--max-old-space-size=4096', '--import', './scripts/md-loader.mjs', '--import', 'tsx', 'test/fuzz/run.ts', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
