// A minimal test runner for the extension host (mocha is not a dependency).
// Test files call test(name, fn, { timeout }) at load time; run(files) loads them, runs every test in
// order, prints one line per test and "N passed, M failed" alone on the last line, and rejects when
// anything failed, which makes VS Code (and so runTests) exit with code 1.
'use strict';

const path = require('node:path');

const DEFAULT_TIMEOUT_MS = 30_000;
let registered = [];

/** Registers a test. fn may be async. options.timeout (ms) fails the test when exceeded. */
function test(name, fn, options = {}) {
  registered.push({ name, fn, timeout: options.timeout ?? DEFAULT_TIMEOUT_MS });
}

function withTimeout(promise, ms, name) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`test "${name}" timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Loads and runs the given test files (absolute paths). Filter by substring with BERTH_E2E_GREP. */
async function run(files) {
  const grep = process.env.BERTH_E2E_GREP;
  let passed = 0;
  let failed = 0;
  for (const file of files) {
    registered = [];
    try {
      require(file);
    } catch (err) {
      failed++;
      console.log(`✗ ${path.basename(file)}: could not load: ${err && err.stack ? err.stack : err}`);
      continue;
    }
    for (const t of registered) {
      const title = `${path.basename(file)} › ${t.name}`;
      if (grep && !title.includes(grep)) continue;
      const started = Date.now();
      try {
        await withTimeout(Promise.resolve().then(() => t.fn()), t.timeout, t.name);
        passed++;
        console.log(`✓ ${title} (${Date.now() - started} ms)`);
      } catch (err) {
        failed++;
        console.log(`✗ ${title} (${Date.now() - started} ms)\n${indent(err && err.stack ? err.stack : String(err))}`);
      }
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  if (failed > 0 || passed === 0) {
    const err = new Error(passed === 0 && failed === 0 ? 'no tests ran' : `${failed} test(s) failed`);
    err.stack = err.message; // the per-test lines above already say where
    throw err;
  }
}

function indent(text) {
  return text.split('\n').map((l) => `    ${l}`).join('\n');
}

module.exports = { test, run };
