#!/usr/bin/env node
// @ts-check
// `npm run screenshots`: regenerates docs/screenshots/ (the README's "What it looks like") from the UI tests.
//   node scripts/screenshots.mjs [--no-package] [test/e2e/ui/x.test.mjs ...]
// 1. packages berth.vsix (skip with --no-package), 2. runs every test/e2e/ui/*.test.mjs, which save
// screenshots into test-results/ named after the test file (ui.test.mjs -> ui-*.png), 3. when all of them
// pass, copies the PNGs those tests wrote during this run (not *-failure.png) into docs/screenshots/ and,
// when all tests ran, removes the PNGs there that this run did not produce.
// Needs test/e2e/setup.sh once (code-server, chromium).
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(repo, 'test-results');
const target = path.join(repo, 'docs', 'screenshots');
const uiDir = path.join(repo, 'test', 'e2e', 'ui');

/** @param {string} cmd @param {string[]} args @returns {Promise<number>} */
function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: repo, stdio: 'inherit' });
    child.on('error', (err) => { console.error(err.message); resolve(1); });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

const started = Date.now();
if (!process.argv.includes('--no-package')) {
  if (await run('npm', ['run', '--silent', 'package']) !== 0) {
    console.error('screenshots: `npm run package` failed');
    process.exit(1);
  }
}
// Arguments name UI test files to run (default: all); with a subset, screenshots from other tests are kept.
const named = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const tests = named.length ? named : readdirSync(uiDir).filter((f) => f.endsWith('.test.mjs')).sort().map((f) => path.join('test', 'e2e', 'ui', f));
if (await run(process.execPath, ['--test', '--test-concurrency=1', ...tests]) !== 0) {
  console.error('screenshots: a UI test failed; docs/screenshots/ is unchanged (see test-results/ for what was captured)');
  process.exit(1);
}

// A test file's screenshots are named after it: ui.test.mjs writes ui-*.png, deploy.test.mjs deploy-*.png.
const prefixes = tests.map((t) => `${path.basename(t).replace(/\.test\.mjs$/, '')}-`);
const fresh = readdirSync(results)
  .filter((f) => f.endsWith('.png') && prefixes.some((p) => f.startsWith(p)) && !f.includes('failure'))
  .filter((f) => statSync(path.join(results, f)).mtimeMs >= started)
  .sort();
if (!fresh.length) {
  console.error('screenshots: the UI tests passed but wrote no screenshots into test-results/');
  process.exit(1);
}
mkdirSync(target, { recursive: true });
for (const f of named.length ? [] : readdirSync(target)) {
  if (f.endsWith('.png') && !fresh.includes(f)) {
    rmSync(path.join(target, f));
    console.log(`removed docs/screenshots/${f} (no longer produced)`);
  }
}
for (const f of fresh) copyFileSync(path.join(results, f), path.join(target, f));
console.log(`docs/screenshots/: ${fresh.join(', ')}`);
