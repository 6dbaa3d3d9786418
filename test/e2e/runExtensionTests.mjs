#!/usr/bin/env node
// Runs the extension-host suite (test/e2e/suite) with @vscode/test-electron's runTests.
// VS Code itself cannot be downloaded here, so by default the "VS Code executable" is
// test/e2e/launcher.sh (code-server + headless chromium); set BERTH_VSCODE_PATH to a desktop
// VS Code executable to run the same suite there instead.
//
// Usage: node test/e2e/runExtensionTests.mjs [--dev=DIR] [--tests=FILE] [--workspace=DIR]
//   (the options exist to exercise the harness with another extension; defaults are Berth's)
// Needs: test/e2e/setup.sh done once, and `npm run build` (dist/client.js, dist/server.js).
import { runTests } from '@vscode/test-electron';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');

const opt = (name, fallback) => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? path.resolve(hit.slice(name.length + 3)) : fallback;
};
const extensionDevelopmentPath = opt('dev', repo);
const extensionTestsPath = opt('tests', path.join(here, 'suite', 'index.js'));
const workspace = opt('workspace', path.join(here, 'workspace'));
const vscodeExecutablePath = process.env.BERTH_VSCODE_PATH || path.join(here, 'launcher.sh');

if (extensionDevelopmentPath === repo && !existsSync(path.join(repo, 'dist', 'client.js'))) {
  console.error('dist/client.js is missing: run `npm run build` first');
  process.exit(1);
}

// Keep the profile out of the repo (runTests would default to ./.vscode-test).
const profile = await mkdtemp(path.join(tmpdir(), 'berth-e2e-profile-'));
const started = Date.now();
let code = 0;
try {
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath,
    extensionTestsPath,
    launchArgs: [
      workspace,
      '--disable-extensions', // only the extension under development (desktop VS Code)
      `--user-data-dir=${path.join(profile, 'user-data')}`,
      `--extensions-dir=${path.join(profile, 'extensions')}`,
    ],
  });
} catch (err) {
  console.error(`extension tests failed: ${err.message}`);
  code = 1;
} finally {
  await rm(profile, { recursive: true, force: true });
}
console.error(`extension tests took ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(code);
