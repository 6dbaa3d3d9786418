#!/usr/bin/env node
// A stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }).
//
// runTests spawns the executable with VS Code's CLI arguments and judges the run by its exit code.
// This script serves the workspace with code-server (VS Code 1.100.3 in the browser), opens the
// workbench in headless Debian chromium with the development/test paths in the `payload` URL
// parameter, waits for the workbench to call window.codeAutomationExit(code) when the tests end,
// stops everything and exits with that code. See test/e2e/README.md.
//
// Env:
//   BERTH_CODE_SERVER      path to code-server's out/node/entry.js
//                          (default: $BERTH_E2E_CACHE/code-server-4.100.3/..., see setup.sh)
//   BERTH_E2E_CACHE        cache folder of setup.sh (default ~/.cache/berth-e2e)
//   BERTH_CHROMIUM         browser executable (default /usr/bin/chromium)
//   BERTH_E2E_TIMEOUT_MS   hard limit for the whole run (default 300000)
//   BERTH_E2E_VERBOSE=1    echo code-server's own log and all browser console lines
//   BERTH_E2E_UNTRUSTED=1  keep workspace trust on, so the folder opens untrusted (restricted mode)

import { spawn } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';

const CODE_SERVER_VERSION = '4.100.3';
const TIMEOUT_MS = Number(process.env.BERTH_E2E_TIMEOUT_MS ?? 300_000);
const VERBOSE = process.env.BERTH_E2E_VERBOSE === '1';

const log = (msg) => process.stderr.write(`[e2e-launcher] ${msg}\n`);

export function parseArgs(argv) {
  const out = { extensionDevelopmentPaths: [], extensionTestsPath: undefined, userDataDir: undefined, extensionsDir: undefined, folder: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = (name) => (arg.startsWith(`--${name}=`) ? arg.slice(name.length + 3) : arg === `--${name}` ? argv[++i] : undefined);
    let v;
    if ((v = eq('extensionDevelopmentPath')) !== undefined) out.extensionDevelopmentPaths.push(path.resolve(v));
    else if ((v = eq('extensionTestsPath')) !== undefined) out.extensionTestsPath = path.resolve(v);
    else if ((v = eq('user-data-dir')) !== undefined) out.userDataDir = path.resolve(v);
    else if ((v = eq('extensions-dir')) !== undefined) out.extensionsDir = path.resolve(v);
    else if (arg.startsWith('-')) continue; // --no-sandbox, --disable-updates, ...: desktop-only flags
    else out.folder = path.resolve(arg);
  }
  return out;
}

export function codeServerEntry() {
  if (process.env.BERTH_CODE_SERVER) return process.env.BERTH_CODE_SERVER;
  const cache = process.env.BERTH_E2E_CACHE ?? path.join(homedir(), '.cache', 'berth-e2e');
  return path.join(cache, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// The user settings that keep the workbench quiet and offline.
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false, // no "open the parent repository?" prompt over the UI
  'git.openRepositoryInParentFolders': 'never',
};

/**
 * Starts code-server in its own process group on a free loopback port and waits for /healthz.
 * Returns { url, port, stop(), output(), exited }.
 */
export async function startCodeServer({ userDataDir, extensionsDir, folder, extraArgs = [], verbose = VERBOSE, untrusted = process.env.BERTH_E2E_UNTRUSTED === '1', env = process.env, settings: extraSettings = {} }) {
  const entry = codeServerEntry();
  if (!existsSync(entry)) throw new Error(`code-server not found at ${entry}; run test/e2e/setup.sh first (or set BERTH_CODE_SERVER)`);
  await mkdir(path.join(userDataDir, 'User'), { recursive: true });
  await mkdir(extensionsDir, { recursive: true });
  const settings = untrusted ? { ...QUIET_SETTINGS, 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' } : QUIET_SETTINGS;
  await writeFile(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...settings, ...extraSettings }, null, 2));
  const config = path.join(userDataDir, 'code-server.yaml');
  await writeFile(config, 'auth: none\ncert: false\n');
  const port = await freePort();
  const args = [
    entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(untrusted ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--config', config,
    ...extraArgs,
  ];
  if (folder) args.push(folder);
  const child = spawn(process.execPath, args, {
    detached: true, // own process group: stop() kills the file watcher and extension host too
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...env, EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery' }) },
  });
  const lines = [];
  const collect = (stream) => stream.on('data', (d) => {
    const text = d.toString();
    lines.push(text);
    if (verbose) process.stderr.write(text.replace(/^/gm, '[code-server] '));
  });
  collect(child.stdout);
  collect(child.stderr);
  let exitInfo;
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => { exitInfo = { code, signal }; resolve(exitInfo); }));

  const stop = async () => {
    if (exitInfo) return;
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    const done = await Promise.race([exited.then(() => true), delay(3000).then(() => false)]);
    if (!done) try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exitInfo) throw new Error(`code-server exited early (${JSON.stringify(exitInfo)}):\n${lines.join('')}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { await stop(); throw new Error(`code-server did not answer ${url}/healthz within 30 s:\n${lines.join('')}`); }
    await delay(100); // polling interval, not a wait for an outcome
  }
  return { url, port, child, stop, exited, output: () => lines.join('') };
}

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage',
];

export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  const executablePath = process.env.BERTH_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`${executablePath} not found; run .ci/install-deps.sh (or set BERTH_CHROMIUM)`);
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

// In a test run from the CLI, VS Code routes the extension host's console through the workbench's
// log service, so test output arrives as page console lines such as "%c INFO color: #33f ✓ ...",
// mixed with the workbench's own chatter. Strip the styling, and drop the chatter we know.
const WORKBENCH_NOISE = [
  /^(Resolving|Resolved) connection token/,
  /^Creating a socket \(/,
  /^\[Service Worker\]/,
  /^Updating additional builtin extensions cache/,
  /^ChatSessionStore:/,
  /^Overwriting extension <</,
  /^Failed to load resource: the server responded with a status of 404/,
  /^The web worker extension host is started in a same-origin iframe/,
  /^An iframe which has both allow-scripts and allow-same-origin/,
  /127\.0\.0\.1:9\b/, // the disabled extension gallery
  /^\[File Watcher/,
];

export function consoleText(raw) {
  return raw.replace(/^%c\s*(TRACE|DEBUG|INFO|WARN|ERR)\s+color:\s*#[0-9a-f]+\s?/i, '');
}

export function isWorkbenchNoise(text) {
  return WORKBENCH_NOISE.some((re) => re.test(text));
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!opts.extensionTestsPath || opts.extensionDevelopmentPaths.length === 0) {
    log('usage: launcher.mjs --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [--user-data-dir=DIR] [--extensions-dir=DIR] [FOLDER]');
    process.exit(2);
  }
  const scratch = await mkdtemp(path.join(tmpdir(), 'berth-e2e-'));
  const userDataDir = opts.userDataDir ?? path.join(scratch, 'user-data');
  const extensionsDir = opts.extensionsDir ?? path.join(scratch, 'extensions');

  let server;
  let browser;
  let finished = false;
  const cleanup = async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    await rm(scratch, { recursive: true, force: true });
  };
  const finish = async (code, why) => {
    if (finished) return;
    finished = true;
    if (why) log(why);
    if (code !== 0 && server && !VERBOSE) process.stderr.write(`--- code-server log ---\n${server.output()}\n--- end ---\n`);
    await cleanup();
    process.exit(code);
  };
  const hardTimer = setTimeout(() => finish(1, `timed out after ${TIMEOUT_MS} ms; stopping`), TIMEOUT_MS);
  hardTimer.unref?.();
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => finish(130, `received ${sig}`));
  // Whatever goes wrong, never leave code-server or chromium behind.
  process.on('uncaughtException', (err) => finish(1, `uncaught: ${err?.stack ?? err}`));
  process.on('unhandledRejection', (err) => finish(1, `unhandled rejection: ${err?.stack ?? err}`));

  try {
    const started = Date.now();
    server = await startCodeServer({ userDataDir, extensionsDir, folder: opts.folder });
    log(`code-server ready at ${server.url} in ${Date.now() - started} ms`);
    server.exited.then((info) => finish(1, `code-server exited during the run: ${JSON.stringify(info)}`));

    const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload = [
      ...opts.extensionDevelopmentPaths.map((p) => ['extensionDevelopmentPath', remote(p)]),
      ['extensionTestsPath', remote(opts.extensionTestsPath)],
    ];
    const params = new URLSearchParams();
    if (opts.folder) params.set('folder', opts.folder);
    params.set('payload', JSON.stringify(payload));
    const url = `${server.url}/?${params}`;

    browser = await launchChromium();
    const page = await browser.newPage();
    let resolveExit;
    const exitCode = new Promise((resolve) => { resolveExit = resolve; });
    // The workbench calls this with the test run's exit code (VS Code's smoke-test/automation hook).
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code) || 0));
    page.on('console', (msg) => {
      const text = consoleText(msg.text());
      if (VERBOSE || !isWorkbenchNoise(text)) process.stdout.write(`${text}\n`);
    });
    page.on('pageerror', (err) => log(`page error: ${err.message}`));
    page.on('crash', () => finish(1, 'the browser page crashed'));
    await page.goto(url);
    const code = await exitCode;
    log(`tests finished with exit code ${code} after ${Date.now() - started} ms`);
    await finish(code);
  } catch (err) {
    await finish(1, `failed: ${err?.stack ?? err}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) main();
