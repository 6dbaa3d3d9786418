#!/usr/bin/env node
// The test command (`npm test`): builds, runs the unit, protocol and CLI tests with node's test runner,
// then the real-editor suites (VS Code in code-server, the packaged .vsix in a browser, neovim).
// Prints one closing line that sums every suite: "tests: N passed, M failed".
//   --unit   unit, protocol and CLI tests only (no editors)
//   --e2e    the real-editor suites only
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = new Set(process.argv.slice(2));
const runUnit = !args.has('--e2e');
const runE2e = !args.has('--unit');

function findTests(dir, pattern) {
  const out = [];
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (entry === 'fixtures' || entry === 'e2e' || entry === 'node_modules') continue;
    if (statSync(full).isDirectory()) out.push(...findTests(full, pattern));
    else if (pattern.test(entry)) out.push(full);
  }
  return out.sort();
}

const totals = { passed: 0, failed: 0 };
const failures = [];

/** Runs a step, echoing its output, and adds the counts it reports to the totals. */
function step(name, command, commandArgs, { counts = true, env } = {}) {
  return new Promise((resolve) => {
    process.stdout.write(`\n=== ${name}\n`);
    const child = spawn(command, commandArgs, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let output = '';
    const relay = (stream, target) =>
      stream.on('data', (chunk) => {
        output += chunk;
        target.write(chunk);
      });
    relay(child.stdout, process.stdout);
    relay(child.stderr, process.stderr);
    child.on('close', (code) => {
      if (counts) {
        // node's test runner: "# pass N" / "# fail N"; our editor suites: "N passed, M failed".
        const pass = [...output.matchAll(/^(?:#|ℹ) pass (\d+)$/gm)].map((m) => Number(m[1]));
        const fail = [...output.matchAll(/^(?:#|ℹ) fail (\d+)$/gm)].map((m) => Number(m[1]));
        const plain = [...output.matchAll(/^(\d+) passed, (\d+) failed$/gm)];
        if (pass.length) {
          totals.passed += pass.at(-1);
          totals.failed += fail.at(-1) ?? 0;
        } else if (plain.length) {
          totals.passed += Number(plain.at(-1)[1]);
          totals.failed += Number(plain.at(-1)[2]);
        }
      }
      if (code !== 0) failures.push(`${name} (exit ${code})`);
      resolve(code === 0);
    });
  });
}

const node = process.execPath;
const loader = ['--import', './scripts/md-loader.mjs', '--import', 'tsx'];

if (!(await step('build', 'npm', ['run', '--silent', 'build'], { counts: false }))) {
  console.log('\ntests: 0 passed, 1 failed (the build failed)');
  process.exit(1);
}
// Test files that need dist/ (CLI, protocol) use this build instead of making their own.
process.env.BERTH_BUILT = '1';

if (runUnit) {
  await step('type-check (tsc --noEmit, strict)', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit'], { counts: false });
  await step('lint (typescript-eslint; architecture invariants)', 'npx', ['eslint', '.'], { counts: false });
  // The hand-kept AWS fact tables against the AWS models npm delivers (README, "Keeping up with AWS").
  await step('facts:check (fact tables against the AWS models on npm)', 'npm', ['run', '--silent', 'facts:check'], { counts: false });
  const files = [...findTests('test', /\.test\.ts$/)];
  await step('grammar snapshots (vscode-tmgrammar-test)', node, ['test/grammar/run.mjs']);
  // Timings are never asserted; the smoke run only proves every measurement still produces a number.
  await step('benchmark smoke run (bench/run.mjs --smoke)', node, ['bench/run.mjs', '--smoke', '--no-build'], { counts: false });
  await step('unit, protocol and CLI tests', node, [...loader, '--test', '--test-timeout=300000', '--test-reporter=spec', ...files]);
}

if (runE2e) {
  if (await step('editor setup (code-server, chromium, neovim)', 'bash', ['test/e2e/setup.sh'], { counts: false })) {
    await step('VS Code extension host (code-server)', node, ['test/e2e/runExtensionTests.mjs']);
    await step('VS Code extension host, untrusted workspace (deploy refused)', node, ['test/e2e/runExtensionTests.mjs'], {
      env: { BERTH_E2E_UNTRUSTED: '1', BERTH_E2E_GREP: 'deploy.test.js' },
    });
    await step('neovim LSP client', node, ['test/e2e/neovim/run.mjs']);
    if (await step('package the .vsix', 'npm', ['run', '--silent', 'package'], { counts: false })) {
      await step('VS Code UI (playwright + chromium)', node, ['--test', 'test/e2e/ui/ui.test.mjs']);
      await step('VS Code UI: Deploy to ECS against moto and a local registry', node, ['--test', 'test/e2e/ui/deploy.test.mjs']);
    }
  }
}

console.log(`\n${failures.length ? `failed steps: ${failures.join('; ')}\n` : ''}tests: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(failures.length || totals.failed ? 1 : 0);
