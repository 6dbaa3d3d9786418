// UI test: the packaged extension (berth.vsix) in code-server, driven through headless chromium
// with the keyboard, as a user would: Ctrl+P opens the task definition, Ctrl+Shift+M shows Problems,
// and the Fargate cpu/memory finding must appear there. Screenshots go to test-results/.
//
// Run: npm run package && node --test test/e2e/ui/ui.test.mjs
// Env: BERTH_VSIX (default <repo>/berth.vsix), plus the launcher's BERTH_CODE_SERVER / BERTH_CHROMIUM.
// Needs: test/e2e/setup.sh done once.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { codeServerEntry, launchChromium, startCodeServer } from '../launcher.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..', '..');
const workspace = path.join(repo, 'test', 'e2e', 'workspace');
const vsix = path.resolve(process.env.BERTH_VSIX ?? path.join(repo, 'berth.vsix'));
const results = path.join(repo, 'test-results');
const RULE = 'ecs/fargate-valid-cpu-memory';
const STEP_TIMEOUT = 30_000;

let scratch;
let server;
let browser;
let page;

function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, out }));
  });
}

async function screenshot(name) {
  await page?.screenshot({ path: path.join(results, `ui-${name}.png`) }).catch(() => {});
}

before(async () => {
  assert.ok(existsSync(vsix), `${vsix} is missing: run \`npm run package\` first (or set BERTH_VSIX)`);
  await mkdir(results, { recursive: true });
  scratch = await mkdtemp(path.join(tmpdir(), 'berth-ui-'));
  const userDataDir = path.join(scratch, 'user-data');
  const extensionsDir = path.join(scratch, 'extensions');

  const install = await run(process.execPath, [codeServerEntry(),
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix]);
  assert.equal(install.code, 0, `installing ${vsix} failed:\n${install.out}`);
  assert.match(install.out, /successfully installed/i, install.out);

  server = await startCodeServer({ userDataDir, extensionsDir, folder: workspace });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(STEP_TIMEOUT);
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
  // The workbench is ready for keys once the explorer shows the workspace's files.
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'task-definition.json' }).first().waitFor();
});

after(async () => {
  await browser?.close().catch(() => {});
  await server?.stop();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

test('Ctrl+P opens the task definition; Problems lists the Fargate cpu/memory finding', { timeout: 120_000 }, async (t) => {
  try {
    await t.test('open the file with Ctrl+P', async () => {
      await page.locator('.monaco-workbench').click({ position: { x: 700, y: 450 } }); // focus the workbench
      await page.keyboard.press('Control+P');
      const quickInput = page.locator('.quick-input-widget');
      await quickInput.locator('input').waitFor({ state: 'visible' });
      await page.keyboard.type('task-definition.json');
      await quickInput.locator('.monaco-list-row', { hasText: 'task-definition.json' }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.tab.active', { hasText: 'task-definition.json' }).waitFor();
      await page.locator('.editor-instance .view-lines', { hasText: '"4096"' }).waitFor();
      await screenshot('1-editor');
    });

    await t.test('Ctrl+Shift+M shows the finding in Problems', async () => {
      await page.keyboard.press('Control+Shift+M');
      const problems = page.locator('.markers-panel');
      await problems.waitFor({ state: 'visible' });
      const row = problems.locator('.monaco-list-row', { hasText: RULE });
      await row.first().waitFor();
      const text = await row.first().innerText();
      assert.match(text, /berth/, `the row names its source: ${text}`);
      assert.match(text, /4096/, `the message names the memory value: ${text}`);
      await screenshot('2-problems');
    });
  } catch (err) {
    await screenshot('failure');
    throw err;
  }
});
