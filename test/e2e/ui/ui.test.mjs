// UI test: the packaged extension (berth.vsix) in code-server, driven through headless chromium
// with the keyboard, as a user would: Ctrl+P opens the task definition, Ctrl+Shift+M shows Problems,
// and the Fargate cpu/memory finding must appear there; Ctrl+G then Ctrl+K Ctrl+I shows the hover on
// hostPort; Ctrl+. offers the quick fix, which clears the finding. Then it types into a 4,200-line
// template while sampling the status bar's problem counts and the editor's squiggles: a finding that is
// still true never disappears, in that file or another open one. A key completed after a typed quote leaves
// the file parsing. Last, with no AWS credentials anywhere,
// F1 "Berth: Show deploy plan" opens the offline plan. Screenshots go to test-results/
// (`npm run screenshots` copies them to docs/screenshots/ for the README).
//
// Run: npm run package && node --test test/e2e/ui/ui.test.mjs
// Env: BERTH_VSIX (default <repo>/berth.vsix), plus the launcher's BERTH_CODE_SERVER / BERTH_CHROMIUM.
// Needs: test/e2e/setup.sh done once.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { codeServerEntry, launchChromium, startCodeServer } from '../launcher.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..', '..');
const fixtures = path.join(repo, 'test', 'e2e', 'workspace');
const vsix = path.resolve(process.env.BERTH_VSIX ?? path.join(repo, 'berth.vsix'));
const results = path.join(repo, 'test-results');
const RULE = 'ecs/fargate-valid-cpu-memory';
const STEP_TIMEOUT = 30_000;

let scratch;
/** A copy of the fixtures, plus a large template generated for the typing test. */
let workspace;
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

/**
 * Moves the cursor like a user: focus the editor (Ctrl+1), Ctrl+G, type "line:column" (1-based) and Enter.
 * The line is the file's first line matching `pattern`; the column is `offset` characters after the match.
 */
async function goTo(file, pattern, offset) {
  const lines = (await readFile(path.join(workspace, file), 'utf8')).split('\n');
  const line = lines.findIndex((l) => pattern.test(l));
  assert.ok(line >= 0, `no line matches ${pattern}`);
  const column = lines[line].search(pattern) + offset + 1;
  await page.keyboard.press('Control+1');
  await page.locator('.editor-instance .monaco-editor.focused').waitFor();
  await page.keyboard.press('Control+G');
  const quickInput = page.locator('.quick-input-widget');
  await quickInput.locator('input').waitFor({ state: 'visible' });
  await page.keyboard.type(`${line + 1}:${column}`);
  await page.keyboard.press('Enter');
  await quickInput.waitFor({ state: 'hidden' });
  await page.locator('.statusbar', { hasText: `Ln ${line + 1}, Col ${column}` }).waitFor();
}

/**
 * A CloudFormation template of about 4,200 lines: a Fargate task definition whose cpu/memory pair Fargate
 * rejects (one error, on line 11), then `queues` SQS queues with tags (no findings).
 */
function largeTemplate(queues) {
  const lines = [
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Description: Orders service',
    'Resources:',
    '  Task:',
    '    Type: AWS::ECS::TaskDefinition',
    '    Properties:',
    '      Family: orders',
    '      RequiresCompatibilities: [FARGATE]',
    '      NetworkMode: awsvpc',
    '      Cpu: "256"',
    '      Memory: "4096"',
    '      ContainerDefinitions:',
    '        - Name: app',
    '          Image: public.ecr.aws/nginx/nginx:1.27',
    '          Essential: true',
  ];
  for (let i = 0; i < queues; i++) {
    lines.push(`  Queue${i}:`, '    Type: AWS::SQS::Queue', '    Properties:', `      QueueName: orders-${i}`, '      VisibilityTimeout: 60', '      Tags:');
    for (const [key, value] of [['team', 'orders'], ['index', `"${i}"`], ['owner', 'platform'], ['cost-centre', '"1234"'], ['purpose', 'buffering'], ['tier', 'backend'], ['env', 'test']]) {
      lines.push(`        - Key: ${key}`, `          Value: ${value}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A deploy target for the offline plan: the fixture task definition's container `web`, in eu-west-1. */
const DEPLOY_TARGET = `deploy:
  targets:
    web:
      ecrRepository: shop/web
      containerName: web
      taskDefinition: task-definition.json
      cluster: prod
      service: web
      region: eu-west-1
`;

/** The environment with no way to AWS credentials or a region: the plan must be worked out offline. */
function withoutAws(env) {
  const kept = Object.fromEntries(Object.entries(env).filter(([k]) => !k.startsWith('AWS_')));
  return { ...kept, AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/berth/credentials', AWS_CONFIG_FILE: '/nonexistent/berth/config', AWS_EC2_METADATA_DISABLED: 'true' };
}

async function openWithCtrlP(name) {
  await page.keyboard.press('Control+P');
  const quickInput = page.locator('.quick-input-widget');
  await quickInput.locator('input').waitFor({ state: 'visible' });
  await page.keyboard.type(name);
  // The focused row: the list first shows the history, where the name may already be, before it filters.
  await quickInput.locator('.monaco-list-row.focused', { hasText: name }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name }).waitFor();
}

/** The status bar's problem counts (all open files) and the error squiggles in the active editor, read in the page. */
function readProblems() {
  const label = document.querySelector('#status\\.problems')?.getAttribute('aria-label') ?? '';
  const count = (what) => Number(new RegExp(`${what}: (\\d+)`).exec(label)?.[1] ?? 0);
  const editor = document.querySelector('.editor-instance .monaco-editor');
  return { errors: count('Errors'), warnings: count('Warnings'), squiggles: editor ? editor.querySelectorAll('.squiggly-error').length : 0 };
}

/** Starts sampling readProblems() every 4 ms in the page; stopSampling() returns the samples. */
async function startSampling() {
  // Defined through the debugging protocol (a string expression), so the workbench's CSP does not apply.
  await page.evaluate(`window.berthRead = ${readProblems.toString()}`);
  await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.berthSamples = [];
    w.berthSampler = setInterval(() => w.berthSamples.push(w.berthRead()), 4);
  });
}

async function stopSampling() {
  return page.evaluate(() => {
    const w = /** @type {any} */ (window);
    clearInterval(w.berthSampler);
    return w.berthSamples;
  });
}

async function screenshot(name) {
  // animations: 'disabled' finishes fade-ins (the hover's) so nothing is caught half drawn.
  await page?.screenshot({ path: path.join(results, `ui-${name}.png`), animations: 'disabled' }).catch(() => {});
}

before(async () => {
  assert.ok(existsSync(vsix), `${vsix} is missing: run \`npm run package\` first (or set BERTH_VSIX)`);
  await mkdir(results, { recursive: true });
  scratch = await mkdtemp(path.join(tmpdir(), 'berth-ui-'));
  workspace = path.join(scratch, 'workspace');
  await cp(fixtures, workspace, { recursive: true });
  await writeFile(path.join(workspace, 'orders.yaml'), largeTemplate(200));
  const userDataDir = path.join(scratch, 'user-data');
  const extensionsDir = path.join(scratch, 'extensions');

  const install = await run(process.execPath, [codeServerEntry(),
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix]);
  assert.equal(install.code, 0, `installing ${vsix} failed:\n${install.out}`);
  assert.match(install.out, /successfully installed/i, install.out);

  server = await startCodeServer({ userDataDir, extensionsDir, folder: workspace, env: withoutAws(process.env),
    // The plan document is read from the page: one view line per line of markdown.
    settings: { '[markdown]': { 'editor.wordWrap': 'off' } },
  });
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

test('Ctrl+P opens the task definition; Problems lists the Fargate cpu/memory finding; hover; quick fix', { timeout: 180_000 }, async (t) => {
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

    await t.test('Ctrl+G to hostPort, Ctrl+K Ctrl+I shows the hover', async () => {
      await goTo('task-definition.json', /"hostPort"/, '"hostPort"'.length - 3); // the cursor inside the key
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'dynamic port mapping' });
      await hover.first().waitFor();
      const text = await hover.first().innerText();
      assert.match(text, /hostPort/, text);
      assert.match(text, /Dynamic port mapping with an ALB/, text);
      // Berth's facts and explanation come first, AWS's shortened reference after: Ctrl+K Ctrl+I again focuses
      // the hover, End scrolls it to the bottom, and Berth's paragraph is still inside the hover's box.
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      await page.locator('.monaco-hover:not(.hidden):focus-within').waitFor();
      await page.keyboard.press('End');
      await page.waitForFunction(() => {
        const box = document.querySelector('.monaco-hover:not(.hidden)')?.getBoundingClientRect();
        const berth = [...document.querySelectorAll('.monaco-hover:not(.hidden) p')].find((p) => p.textContent.includes('Dynamic port mapping with an ALB'));
        const r = berth?.getBoundingClientRect();
        return box && r && r.top >= box.top && r.bottom <= box.bottom;
      });
      await screenshot('3-hover');
      await page.keyboard.press('Escape');
      await hover.first().waitFor({ state: 'hidden' });
    });

    await t.test('Ctrl+. on the memory value offers the quick fix; Enter applies it and the finding goes', async () => {
      await goTo('task-definition.json', /"memory"\s*:\s*"4096"/, '"memory": "40'.length);
      await page.keyboard.press('Control+.');
      const menu = page.locator('.action-widget');
      const fix = menu.locator('.monaco-list-row', { hasText: 'Set memory to 2048 MiB' });
      await fix.first().waitFor();
      // The preferred fix comes first and has the focus; Enter applies it, as a user would.
      await menu.locator('.monaco-list-row.focused', { hasText: 'Set memory to 2048 MiB' }).waitFor();
      await screenshot('4-quick-fix');
      await page.keyboard.press('Enter');
      await menu.waitFor({ state: 'hidden' });
      await page.locator('.editor-instance .view-lines', { hasText: '"2048"' }).waitFor();
      await page.locator('.markers-panel .monaco-list-row', { hasText: RULE }).first().waitFor({ state: 'detached' });
      await screenshot('5-fixed');
      // The edit stays in the editor (auto-save is off): the fixture on disk is unchanged.
      assert.match(await readFile(path.join(workspace, 'task-definition.json'), 'utf8'), /"memory": "4096"/);
    });
  } catch (err) {
    await screenshot('failure');
    throw err;
  }
});

test('a Terraform file: Problems lists its finding, hover inside jsonencode(), the quick fix in HCL', { timeout: 120_000 }, async (t) => {
  const file = path.join('terraform', 'main.tf');
  try {
    await t.test('Ctrl+P opens main.tf; Problems shows its Fargate finding', async () => {
      await openWithCtrlP('main.tf');
      await page.locator('.editor-instance .view-lines', { hasText: 'container_definitions' }).waitFor();
      await page.keyboard.press('Control+Shift+M');
      const problems = page.locator('.markers-panel');
      await problems.waitFor({ state: 'visible' });
      await problems.locator('.monaco-list-row', { hasText: 'main.tf' }).first().waitFor();
      const row = problems.locator('.monaco-list-row', { hasText: RULE });
      await row.first().waitFor();
      assert.match(await row.first().innerText(), /4096/);
      await screenshot('tf-1-problems');
    });

    await t.test('Ctrl+K Ctrl+I on hostPort inside jsonencode() shows the API docs and the concept', async () => {
      await goTo(file, /hostPort/, 3);
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'hostPort' });
      await hover.first().waitFor();
      assert.match(await hover.first().innerText(), /The port number on the container instance/);
      await screenshot('tf-2-hover');
      await page.keyboard.press('Escape');
      await hover.first().waitFor({ state: 'hidden' });
    });

    await t.test('Ctrl+. on the memory value: "Set memory to 2048 MiB" writes it in HCL', async () => {
      await goTo(file, /"4096"/, 2);
      await page.keyboard.press('Control+.');
      const menu = page.locator('.action-widget');
      await menu.locator('.monaco-list-row.focused', { hasText: 'Set memory to 2048 MiB' }).waitFor();
      await screenshot('tf-3-quick-fix');
      await page.keyboard.press('Enter');
      await menu.waitFor({ state: 'hidden' });
      await page.locator('.editor-instance .view-lines', { hasText: '"2048"' }).waitFor();
      await page.locator('.markers-panel .monaco-list-row', { hasText: RULE }).first().waitFor({ state: 'detached' });
    });
  } catch (err) {
    await screenshot('tf-failure');
    throw err;
  }
});

test('typing never hides a finding that is still true, in the file typed in or another open one', { timeout: 120_000 }, async () => {
  try {
    // template.yaml (a deprecated-runtime warning) stays open in a tab while the user types in orders.yaml.
    if (!(await page.locator('.markers-panel').isVisible())) await page.keyboard.press('Control+Shift+M');
    await openWithCtrlP('template.yaml');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'lambda/no-deprecated-runtime' }).first().waitFor();
    await openWithCtrlP('orders.yaml');
    await page.locator('.markers-panel .monaco-list-row', { hasText: RULE }).first().waitFor();
    await page.locator('.editor-instance .view-overlays .squiggly-error').first().waitFor();
    await goTo('orders.yaml', /^Description: Orders service$/, 'Description: Orders service'.length);
    await startSampling();
    // At least one tick: on a loaded machine the 4 ms timer may not have fired by the next round trip.
    await page.waitForFunction(() => /** @type {any} */ (window).berthSamples.length > 0);
    const [before] = await stopSampling();
    assert.ok(before.errors >= 1 && before.warnings >= 1 && before.squiggles >= 1, `before typing: ${JSON.stringify(before)}`);
    await startSampling();
    // About 40 ms a key, as a quick typist: faster than the server re-checks a 4,200-line template, so pulls overlap.
    await page.keyboard.type(' and the queues that buffer its orders for the workers', { delay: 40 });
    await page.locator('.editor-instance .view-lines', { hasText: 'buffer its orders for the workers' }).waitFor();
    // The last pull answers after the last key; keep sampling until the counts are back where they started.
    await page.waitForFunction(({ errors, warnings }) => {
      const label = document.querySelector('#status\\.problems')?.getAttribute('aria-label') ?? '';
      return label.includes(`Errors: ${errors}`) && label.includes(`Warnings: ${warnings}`);
    }, before);
    const samples = await stopSampling();
    assert.ok(samples.length > 100, `only ${samples.length} samples were taken`);
    const lost = samples.filter((s) => s.errors < before.errors || s.warnings < before.warnings || s.squiggles === 0);
    assert.equal(lost.length, 0, `findings disappeared while typing in ${lost.length} of ${samples.length} samples, e.g. ${JSON.stringify(lost.slice(0, 3))} (before: ${JSON.stringify(before)})`);
  } catch (err) {
    await screenshot('failure');
    throw err;
  }
});

test('completion after a typed quote (closed by the editor) writes a whole key: the file still parses', { timeout: 120_000 }, async () => {
  try {
    await page.keyboard.press('Escape');
    await openWithCtrlP('completion-task.json');
    await goTo('completion-task.json', /"essential": true \}/, '"essential": true'.length);
    // The editor closes the quote ("") and suggests on it (a trigger character); "memo" narrows the list.
    await page.keyboard.type(', "memo', { delay: 60 });
    const focused = page.locator('.suggest-widget .monaco-list-row.focused .label-name', { hasText: /^memory$/ });
    await focused.waitFor();
    await screenshot('8-completion');
    await page.keyboard.press('Enter');
    await page.locator('.suggest-widget').waitFor({ state: 'hidden' });
    await page.keyboard.type('2048');
    await page.keyboard.press('Control+S');
    // Saving is asynchronous: read the file until the save reached it.
    const file = path.join(workspace, 'completion-task.json');
    let saved = await readFile(file, 'utf8');
    for (const deadline = Date.now() + STEP_TIMEOUT; !saved.includes('2048') && Date.now() < deadline; saved = await readFile(file, 'utf8')) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.match(saved, /"essential": true, "memory": 2048 \}/, saved);
    assert.equal(JSON.parse(saved).containerDefinitions[0].memory, 2048);
  } catch (err) {
    await screenshot('failure');
    throw err;
  }
});

test('F1 "Berth: Show deploy plan" without AWS credentials: the steps, the image tag and the rendered task definition, nothing asked', { timeout: 120_000 }, async () => {
  try {
    // Written now, so the earlier tests run without a Deploy CodeLens; the target picker reads the file when asked.
    await writeFile(path.join(workspace, '.berthrc.yaml'), DEPLOY_TARGET);
    await page.keyboard.press('Escape');
    await page.locator('.monaco-workbench').click({ position: { x: 700, y: 450 } }); // focus the workbench
    // As a user would: the task definition open, its Deploy CodeLens showing the new target.
    await openWithCtrlP('task-definition.json');
    await page.locator('.editor-instance .contentWidgets .codelens-decoration', { hasText: 'Deploy "web"' }).first().waitFor();
    await page.keyboard.press('F1');
    const quickInput = page.locator('.quick-input-widget');
    await quickInput.locator('input').waitFor({ state: 'visible' });
    await page.keyboard.type('Berth: Show deploy plan');
    await quickInput.locator('.monaco-list-row.focused', { hasText: 'Show deploy plan' }).waitFor();
    await page.keyboard.press('Enter');
    // The target picker lists the .berthrc.yaml target first; after it, no region or AWS question comes.
    await quickInput.locator('.monaco-list-row.focused', { hasText: 'web' }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: 'web.md' }).waitFor();
    const lines = page.locator('.editor-instance .view-lines');
    await lines.filter({ hasText: '# Deploy plan: web' }).waitFor();
    await screenshot('6-offline-plan');
    const top = (await lines.innerText()).replace(/\u00a0/g, ' ');
    // The image with the tag a deploy would push (a timestamp outside git) in the target's region, not a default.
    assert.match(top, /Plan for "web": build <account>\.dkr\.ecr\.eu-west-1\.amazonaws\.com\/shop\/web:build-\d{8}-\d{6}z for linux\/amd64, register berth-e2e-web, update prod\/web\. Planned without AWS \(the steps that need it are listed, not run\): No AWS credentials were found/, top);
    assert.match(top, /- Region: eu-west-1/, top);
    assert.match(top, /\| 2 \| Check the AWS identity \| `sts:GetCallerIdentity`, `ecs:DescribeServices` \| no \| - Not checked without AWS: No AWS credentials were found/, top);
    assert.match(top, /\| 8 \| Push the image \| `registry push` \| yes \| needs AWS \|/, top);
    // The rendered task definition is further down: the end of the document.
    await page.locator('.editor-instance .monaco-editor').first().click({ position: { x: 300, y: 100 } });
    await page.keyboard.press('Control+End');
    await lines.filter({ hasText: 'No AWS write calls were made for this plan.' }).waitFor();
    await lines.filter({ hasText: '"image": "<account>.dkr.ecr.eu-west-1.amazonaws.com/shop/web@<digest after push>"' }).waitFor();
    await screenshot('7-offline-plan-task-definition');
  } catch (err) {
    await screenshot('failure');
    throw err;
  }
});
