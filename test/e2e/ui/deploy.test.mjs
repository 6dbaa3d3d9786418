// UI test of the deploy: the packaged extension (berth.vsix) in code-server, driven through headless chromium
// with the keyboard. F1 → "Berth: Deploy to ECS" → target "web" deploys test/e2e/workspace-deploy end to end, on
// loopback only:
// - moto (python3 -m moto.server) is AWS: STS, ECR (repository, auth token) and ECS (cluster, service,
//   RegisterTaskDefinition, UpdateService), reached through AWS_ENDPOINT_URL;
// - in front of it, a scripted server (suite/deployScriptedAws.js) forwards every call to moto, except the
//   DescribeServices calls after UpdateService: moto's tasks never start, so it scripts the rollout there
//   (IN_PROGRESS with service events, then COMPLETED) on top of moto's real answer;
// - podman (vfs storage, chroot isolation) builds the image and pushes it to Debian's docker-registry on
//   127.0.0.1, whose htpasswd user/password are the ones moto's ECR token decodes to (BERTH_REGISTRY_HOST).
// The test waits for the success notification, then checks moto and the registry: the service runs the new
// revision, whose image is the digest the registry holds. A second test deploys target "green", a blue/green
// service (moto keeps no deploymentConfiguration, so the scripted server adds the strategy and answers the
// service deployment API with a stage sequence): the stages show in the progress notification, the status bar
// and the log, and "Roll back" is offered when the bake time starts. Screenshots go to test-results/deploy-*.png.
//
// Run: npm run package && node --test test/e2e/ui/deploy.test.mjs
// Env: BERTH_VSIX (default <repo>/berth.vsix), plus the launcher's BERTH_CODE_SERVER / BERTH_CHROMIUM.
// Needs: test/e2e/setup.sh (chromium, code-server, podman, docker-registry, apache2-utils) and moto in python3;
// fails with a clear message, never skips, when one is missing.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { codeServerEntry, launchChromium, startCodeServer } from '../launcher.mjs';

const require = createRequire(import.meta.url);
const { startScriptedAws } = require('../suite/deployScriptedAws.js');
const { CreateRepositoryCommand, ECRClient, GetAuthorizationTokenCommand } = require('@aws-sdk/client-ecr');
const { CreateClusterCommand, CreateServiceCommand, DescribeServicesCommand, DescribeTaskDefinitionCommand, ECSClient, RegisterTaskDefinitionCommand } = require('@aws-sdk/client-ecs');

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..', '..');
const workspace = path.join(repo, 'test', 'e2e', 'workspace-deploy');
const vsix = path.resolve(process.env.BERTH_VSIX ?? path.join(repo, 'berth.vsix'));
const results = path.join(repo, 'test-results');
const STEP_TIMEOUT = 30_000;
const REGION = 'us-east-1';

let scratch;
let moto;
let registry;
let aws;
let server;
let browser;
let page;
let registryUser;
let registryPassword;
const savedEnv = {};

// ---- local services --------------------------------------------------------------------------------

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function startProcess(command, args, env = process.env) {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (c) => { output += c; });
  child.stderr.setEncoding('utf8').on('data', (c) => { output += c; });
  child.on('error', (e) => { output += `spawn error: ${e.message}\n`; });
  const close = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  return { child, log: () => output, close };
}

/** Polls `probe` every 100 ms (a readiness poll, not a wait for an outcome), at most `attempts` times. */
async function waitReady(what, probe, proc, attempts = 150) {
  for (let i = 0; i < attempts; i++) {
    if (proc.child.exitCode !== null) throw new Error(`${what} exited with code ${proc.child.exitCode}:\n${proc.log()}`);
    if (await probe().catch(() => false)) return;
    await delay(100);
  }
  throw new Error(`${what} was not ready after ${attempts / 10} s:\n${proc.log()}`);
}

function requireTools() {
  const moto = spawnSync('python3', ['-c', 'import moto'], { encoding: 'utf8' });
  if (moto.status !== 0) {
    throw new Error(`moto is missing: "python3 -c 'import moto'" failed (${(moto.stderr || moto.error?.message || '').trim()}). The deploy UI test needs moto (with Flask) in python3. Failing instead of skipping.`);
  }
  for (const tool of ['podman', 'docker-registry', 'htpasswd']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) throw new Error(`${tool} is missing: run .ci/install-deps.sh (test/e2e/setup.sh). Failing instead of skipping.`);
  }
}

async function startMoto() {
  const port = await freePort();
  const proc = startProcess('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)]);
  const url = `http://127.0.0.1:${port}`;
  await waitReady('moto', async () => (await fetch(`${url}/moto-api/`)).status < 500, proc);
  return { url, ...proc };
}

async function startRegistry(user, password) {
  const dir = await mkdtemp(path.join(tmpdir(), 'berth-ui-registry-'));
  const port = await freePort();
  const htpasswd = spawnSync('htpasswd', ['-Bbn', user, password], { encoding: 'utf8' });
  if (htpasswd.status !== 0) throw new Error(`htpasswd failed: ${htpasswd.stderr}`);
  await writeFile(path.join(dir, 'htpasswd'), htpasswd.stdout);
  await mkdir(path.join(dir, 'data'));
  await writeFile(path.join(dir, 'config.yml'), [
    'version: 0.1', 'log:', '  level: info', 'storage:', '  filesystem:', `    rootdirectory: ${path.join(dir, 'data')}`,
    'http:', `  addr: 127.0.0.1:${port}`, 'auth:', '  htpasswd:', '    realm: berth-test', `    path: ${path.join(dir, 'htpasswd')}`, '',
  ].join('\n'));
  const proc = startProcess('docker-registry', ['serve', path.join(dir, 'config.yml')]);
  const url = `http://127.0.0.1:${port}`;
  await waitReady('docker-registry', async () => (await fetch(`${url}/v2/`)).status === 401, proc);
  return { url, port, dir, ...proc };
}

async function manifestDigest(repository, reference) {
  const res = await fetch(`${registry.url}/v2/${repository}/manifests/${reference}`, {
    method: 'HEAD',
    headers: {
      authorization: `Basic ${btoa(`${registryUser}:${registryPassword}`)}`,
      accept: 'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.index.v1+json',
    },
  });
  return res.ok ? res.headers.get('docker-content-digest') : undefined;
}

/** Sets an environment variable for this process and for code-server (its extension host inherits it). */
function setEnv(vars) {
  for (const [k, v] of Object.entries(vars)) {
    if (!(k in savedEnv)) savedEnv[k] = process.env[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

/**
 * The rollout script: after UpdateService, DescribeServices answers with moto's service (real task definition,
 * real deployment id) but the deployments and events of a rollout: first IN_PROGRESS (new tasks starting, the
 * old one still running), then COMPLETED.
 */
function scriptRollout(awsServer) {
  let watchPolls = 0;
  awsServer.handlers.DescribeServices = async (body, _n, ctx) => {
    const out = await ctx.forward();
    if (body.services?.[0] === 'green') return blueGreenService(awsServer, out);
    const updated = awsServer.calls.some((c) => c.op === 'UpdateService' && c.body.service === 'web');
    const svc = out.body.services?.[0];
    if (!updated || !svc) return { status: out.status, body: out.body };
    const primary = (svc.deployments ?? []).find((d) => d.status === 'PRIMARY') ?? { id: 'ecs-svc/berth-e2e' };
    const now = Date.now() / 1000;
    const poll = watchPolls++;
    const base = { ...primary, taskDefinition: svc.taskDefinition, desiredCount: 1 };
    const events = [
      { id: 'e2e-1', createdAt: now - 2, message: `(service web) has started 1 tasks: (task 0123456789abcdef).` },
      ...(poll >= 1 ? [{ id: 'e2e-2', createdAt: now - 1, message: '(service web) has reached a steady state.' }] : []),
    ].reverse();
    svc.deployments = poll === 0
      ? [
        { ...base, runningCount: 0, pendingCount: 1, rolloutState: 'IN_PROGRESS', rolloutStateReason: 'ECS deployment in progress.' },
        { id: 'ecs-svc/old', status: 'ACTIVE', taskDefinition: svc.deployments?.at(-1)?.taskDefinition ?? 'web:1', desiredCount: 1, runningCount: 1, pendingCount: 0 },
      ]
      : [{ ...base, runningCount: 1, pendingCount: 0, rolloutState: 'COMPLETED', rolloutStateReason: `ECS deployment ${primary.id} completed.` }];
    svc.runningCount = 1;
    svc.events = events;
    return { status: out.status, body: out.body };
  };
}

const BLUE_GREEN = { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 1 };
const TARGET_GROUP = (name) => `arn:aws:elasticloadbalancing:${REGION}:123456789012:targetgroup/${name}/0123456789abcdef`;
const GREEN_DEPLOYMENT = `arn:aws:ecs:${REGION}:123456789012:service-deployment/prod/green/UiTest`;

/** moto's green service, with the blue/green strategy moto does not keep. */
function blueGreenService(awsServer, out) {
  const svc = out.body.services?.[0];
  if (svc) svc.deploymentConfiguration = { ...svc.deploymentConfiguration, ...BLUE_GREEN };
  return { status: out.status, body: out.body };
}

/**
 * The service deployment API for green: one stage per poll (the bake time over three), hook results and traffic
 * weights as ECS reports them, then SUCCESSFUL; and the target groups' type for the preflight.
 */
function scriptBlueGreen(awsServer) {
  const target = { requestedTaskCount: 1, runningTaskCount: 1, pendingTaskCount: 0 };
  const stages = [
    { status: 'PENDING' },
    { status: 'IN_PROGRESS', lifecycleStage: 'SCALE_UP', targetServiceRevision: { requestedTaskCount: 1, runningTaskCount: 0, pendingTaskCount: 1 } },
    { status: 'IN_PROGRESS', lifecycleStage: 'TEST_TRAFFIC_SHIFT', targetServiceRevision: { ...target, requestedTestTrafficWeight: 100, requestedProductionTrafficWeight: 0 } },
    { status: 'IN_PROGRESS', lifecycleStage: 'POST_TEST_TRAFFIC_SHIFT', targetServiceRevision: target, lifecycleHookDetails: [{ targetType: 'AWS_LAMBDA', targetArn: `arn:aws:lambda:${REGION}:123456789012:function:smoke-test`, status: 'SUCCEEDED' }] },
    { status: 'IN_PROGRESS', lifecycleStage: 'PRODUCTION_TRAFFIC_SHIFT', targetServiceRevision: { ...target, requestedProductionTrafficWeight: 100 } },
    ...Array.from({ length: 4 }, () => ({ status: 'IN_PROGRESS', lifecycleStage: 'BAKE_TIME', targetServiceRevision: { ...target, requestedProductionTrafficWeight: 100 } })),
    { status: 'IN_PROGRESS', lifecycleStage: 'CLEAN_UP', targetServiceRevision: target },
    { status: 'SUCCESSFUL', targetServiceRevision: target },
  ];
  let poll = 0;
  awsServer.handlers.ListServiceDeployments = (body) => (body.service === 'green'
    ? { body: { serviceDeployments: [{ serviceDeploymentArn: GREEN_DEPLOYMENT, status: 'IN_PROGRESS', createdAt: Date.now() / 1000 }] } }
    : { error: 'UnknownOperationException', message: 'moto has no service deployment API' });
  awsServer.handlers.DescribeServiceDeployments = () => ({
    body: { serviceDeployments: [{ serviceDeploymentArn: GREEN_DEPLOYMENT, deploymentConfiguration: BLUE_GREEN, ...stages[Math.min(poll++, stages.length - 1)] }], failures: [] },
  });
  awsServer.handlers.DescribeTargetGroups = () => ({
    body: { TargetGroups: [{ TargetGroupArn: TARGET_GROUP('blue'), TargetGroupName: 'blue', TargetType: 'ip' }, { TargetGroupArn: TARGET_GROUP('green'), TargetGroupName: 'green', TargetType: 'ip' }] },
  });
}

// ---- the editor ---------------------------------------------------------------------------------

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

/** A subtest that saves test-results/deploy-failure-<n>.png when it fails (a failing subtest does not throw here). */
let stepNo = 0;
let failedStep;
function step(t, name, fn) {
  const n = ++stepNo;
  return t.test(name, async () => {
    if (failedStep) throw new Error(`not run: step "${failedStep}" failed`);
    try {
      await fn();
    } catch (err) {
      failedStep = name;
      await screenshot(`failure-${n}`);
      throw err;
    }
  });
}

async function screenshot(name) {
  await page?.screenshot({ path: path.join(results, `deploy-${name}.png`) }).catch(() => {});
}

before(async () => {
  requireTools();
  assert.ok(existsSync(vsix), `${vsix} is missing: run \`npm run package\` first (or set BERTH_VSIX)`);
  await mkdir(results, { recursive: true });
  scratch = await mkdtemp(path.join(tmpdir(), 'berth-ui-deploy-'));

  // AWS: moto behind the scripted server; static fake credentials; no files, no instance metadata.
  moto = await startMoto();
  aws = await startScriptedAws({ upstream: moto.url });
  scriptRollout(aws);
  scriptBlueGreen(aws);
  setEnv({
    AWS_ENDPOINT_URL: aws.endpoint,
    AWS_ACCESS_KEY_ID: 'AKIDBERTHUITEST',
    AWS_SECRET_ACCESS_KEY: 'berth-ui-secret-never-logged',
    AWS_SESSION_TOKEN: undefined,
    AWS_PROFILE: undefined,
    AWS_REGION: REGION,
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/berth/credentials',
    AWS_CONFIG_FILE: '/nonexistent/berth/config',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });
  const ecs = new ECSClient({ endpoint: moto.url });
  const ecr = new ECRClient({ endpoint: moto.url });
  const td = JSON.parse(await readFile(path.join(workspace, 'task-definition.json'), 'utf8'));
  await ecs.send(new CreateClusterCommand({ clusterName: 'prod' }));
  await ecs.send(new RegisterTaskDefinitionCommand(td));
  await ecs.send(new CreateServiceCommand({ cluster: 'prod', serviceName: 'web', taskDefinition: 'web', desiredCount: 1 }));
  await ecr.send(new CreateRepositoryCommand({ repositoryName: 'web', imageTagMutability: 'IMMUTABLE', imageScanningConfiguration: { scanOnPush: true } }));
  // green: a blue/green service behind two target groups, routing to app:8080.
  await ecs.send(new RegisterTaskDefinitionCommand(JSON.parse(await readFile(path.join(workspace, 'green-task-definition.json'), 'utf8'))));
  await ecs.send(new CreateServiceCommand({
    cluster: 'prod', serviceName: 'green', taskDefinition: 'green', desiredCount: 1,
    loadBalancers: [{ targetGroupArn: TARGET_GROUP('blue'), containerName: 'app', containerPort: 8080, advancedConfiguration: { alternateTargetGroupArn: TARGET_GROUP('green'), productionListenerRule: `arn:aws:elasticloadbalancing:${REGION}:123456789012:listener-rule/app/prod/1/2/3`, roleArn: 'arn:aws:iam::123456789012:role/ecsInfrastructureRole' } }],
  }));
  await ecr.send(new CreateRepositoryCommand({ repositoryName: 'green', imageTagMutability: 'IMMUTABLE' }));
  const token = await ecr.send(new GetAuthorizationTokenCommand({}));
  [registryUser, registryPassword] = Buffer.from(token.authorizationData[0].authorizationToken, 'base64').toString('utf8').split(':');
  ecs.destroy();
  ecr.destroy();

  // The registry ECR stands for, and podman's isolated storage.
  registry = await startRegistry(registryUser, registryPassword);
  const storage = path.join(scratch, 'storage');
  await mkdir(storage);
  await writeFile(path.join(storage, 'storage.conf'), `[storage]\ndriver = "vfs"\ngraphroot = "${path.join(storage, 'graph')}"\nrunroot = "${path.join(storage, 'run')}"\n`);
  await writeFile(path.join(storage, 'registries.conf'), `[[registry]]\nlocation = "localhost:${registry.port}"\ninsecure = true\n`);
  setEnv({
    BERTH_REGISTRY_HOST: `localhost:${registry.port}`,
    BERTH_DEPLOY_POLL_MS: '1000',
    CONTAINERS_STORAGE_CONF: path.join(storage, 'storage.conf'),
    CONTAINERS_REGISTRIES_CONF: path.join(storage, 'registries.conf'),
    BUILDAH_ISOLATION: 'chroot',
    STORAGE_DRIVER: 'vfs',
  });

  // code-server with the packaged extension, on the deploy workspace.
  const userDataDir = path.join(scratch, 'user-data');
  const extensionsDir = path.join(scratch, 'extensions');
  const install = await run(process.execPath, [codeServerEntry(), '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix]);
  assert.equal(install.code, 0, `installing ${vsix} failed:\n${install.out}`);
  server = await startCodeServer({ userDataDir, extensionsDir, folder: workspace });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(STEP_TIMEOUT);
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'task-definition.json' }).first().waitFor();
});

after(async () => {
  await browser?.close().catch(() => {});
  await server?.stop();
  await aws?.close();
  await registry?.close();
  if (registry) await rm(registry.dir, { recursive: true, force: true });
  await moto?.close();
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  if (scratch) await rm(scratch, { recursive: true, force: true });
  await rm(path.join(workspace, '.berth'), { recursive: true, force: true }); // the deploy history the run wrote
});

test('F1 → Berth: Deploy to ECS builds, pushes, registers, updates and watches the rollout to success', { timeout: 240_000 }, async (t) => {
  const quickInput = page.locator('.quick-input-widget');
  await step(t, 'open the task definition: the Deploy CodeLens is above it', async () => {
    await page.locator('.monaco-workbench').click({ position: { x: 700, y: 450 } });
    await page.keyboard.press('Control+P');
    await quickInput.locator('input').waitFor({ state: 'visible' });
    await page.keyboard.type('task-definition.json');
    await quickInput.locator('.monaco-list-row', { hasText: 'task-definition.json' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: 'task-definition.json' }).waitFor();
    await page.locator('.editor-instance .contentWidgets .codelens-decoration', { hasText: 'Deploy "web"' }).first().waitFor();
    await screenshot('1-codelens');
  });

  await step(t, 'F1, "Berth: Deploy to ECS", target web', async () => {
    await page.keyboard.press('F1');
    await quickInput.locator('input').waitFor({ state: 'visible' });
    await page.keyboard.type('Berth: Deploy to ECS');
    await quickInput.locator('.monaco-list-row', { hasText: 'Berth: Deploy to ECS' }).first().waitFor();
    await screenshot('2-palette');
    await page.keyboard.press('Enter');
    const row = quickInput.locator('.monaco-list-row', { hasText: 'prod/web' });
    await row.first().waitFor();
    assert.match(await row.first().innerText(), /web/);
    await screenshot('3-target');
    await page.keyboard.press('Enter');
  });

  await step(t, 'progress notification and status bar item while it runs', async () => {
    await page.locator('.notifications-toasts .notification-toast', { hasText: 'Berth: Deploying "web"' }).first().waitFor();
    await page.locator('.statusbar-item', { hasText: 'Berth: web' }).first().waitFor();
    await screenshot('4-progress');
  });

  await step(t, 'the success notification names the new revision and links to the console', async () => {
    const done = page.locator('.notifications-toasts .notification-fade-in-done', { hasText: 'runs web:2' });
    await done.first().waitFor({ timeout: 180_000 });
    const text = await done.first().innerText();
    assert.match(text, /Berth: web runs web:2: Rollout COMPLETED \(1\/1 running\)\./, text);
    await done.first().locator('.monaco-button', { hasText: 'Open in AWS Console' }).waitFor();
    await page.locator('.statusbar-item', { hasText: 'Berth: web' }).first().waitFor({ state: 'hidden' });
    await screenshot('5-success');
    await done.first().locator('.monaco-button', { hasText: 'Show Log' }).click();
  });

  await step(t, '"Show Log": the Berth Deploy output channel, timestamped, with the steps and service events', async () => {
    const output = page.locator('.part.panel .output-view, .part.panel [id="workbench.panel.output"]').first();
    await output.waitFor({ state: 'visible' });
    const lines = output.locator('.view-lines');
    await lines.filter({ hasText: 'COMPLETED: web runs web:2' }).first().waitFor();
    const text = (await lines.first().innerText()).replace(/\u00a0/g, ' '); // the editor renders spaces as no-break spaces
    // The output view renders only the lines in sight: the end of the run.
    assert.match(text, /\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}\] ✓ UpdateService: web → web:2 \(ROLLING deployment\)\./, text);
    assert.match(text, /\[rollout\] IN_PROGRESS: 0\/1 running, 1 pending; old tasks still running: 1/, text);
    assert.match(text, /\[service event\] \S+ \(service web\) has reached a steady state\./, text);
    assert.doesNotMatch(text, new RegExp(registryPassword), 'no registry password in the log');
    await screenshot('6-log');
  });

  assert.equal(failedStep, undefined, 'every UI step passed');

  // What really happened on the AWS side and in the registry.
  assert.equal(aws.ops().filter((op) => op === 'UpdateService').length, 1, 'one UpdateService');
  assert.ok(aws.ops().filter((op) => op === 'DescribeServices').length >= 4, 'identity, update and at least two watch polls');
  const ecs = new ECSClient({ endpoint: moto.url });
  try {
    const svc = (await ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['web'] }))).services[0];
    assert.match(svc.taskDefinition, /task-definition\/web:2$/);
    const td = (await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: svc.taskDefinition }))).taskDefinition;
    const image = td.containerDefinitions[0].image;
    const m = /^localhost:(\d+)\/web@(sha256:[0-9a-f]{64})$/.exec(image);
    assert.ok(m, `the registered image is repository@digest: ${image}`);
    const history = JSON.parse(await readFile(path.join(workspace, '.berth', 'deploy-history.json'), 'utf8'));
    const tags = await fetch(`${registry.url}/v2/web/tags/list`, { headers: { authorization: `Basic ${btoa(`${registryUser}:${registryPassword}`)}` } }).then((r) => r.json());
    assert.equal(tags.tags.length, 1, `one tag pushed: ${JSON.stringify(tags)}`);
    assert.equal(await manifestDigest('web', tags.tags[0]), m[2], 'the registry holds the digest the task definition names');
    assert.equal(history.targets.web.at(-1).outcome, 'completed');
  } finally {
    ecs.destroy();
  }
});

test('a blue/green service: the stages in the notification, the status bar and the log; "Roll back" offered in the bake time', { timeout: 180_000 }, async (t) => {
  const quickInput = page.locator('.quick-input-widget');
  const toasts = page.locator('.notifications-toasts .notification-toast');
  await step(t, 'F1, "Berth: Deploy to ECS", target green', async () => {
    await page.locator('.monaco-workbench').click({ position: { x: 700, y: 450 } });
    await page.keyboard.press('F1');
    await quickInput.locator('input').waitFor({ state: 'visible' });
    await page.keyboard.type('Berth: Deploy to ECS');
    await quickInput.locator('.monaco-list-row', { hasText: 'Berth: Deploy to ECS' }).first().waitFor();
    await page.keyboard.press('Enter');
    await quickInput.locator('.monaco-list-row', { hasText: 'prod/web' }).first().waitFor();
    await page.keyboard.type('green');
    await quickInput.locator('.monaco-list-row.focused', { hasText: 'prod/green' }).first().waitFor();
    await page.keyboard.press('Enter');
  });

  await step(t, 'the progress notification shows the stage, the traffic and the bake timer', async () => {
    const bake = toasts.filter({ hasText: 'Berth: Deploying "green"' }).filter({ hasText: 'stage bake time' });
    await bake.first().waitFor({ timeout: 120_000 });
    assert.match(await bake.first().innerText(), /BLUE_GREEN IN_PROGRESS · stage bake time · production traffic 100% new \/ 0% old/);
    await page.locator('.statusbar-item', { hasText: /Berth: green: BLUE_GREEN · bake time: about \d+ of 1 min left/ }).first().waitFor();
    await screenshot('7-bluegreen-stage');
  });

  await step(t, '"Roll back" is offered when the bake time starts', async () => {
    const offer = toasts.filter({ hasText: 'is in its bake time' });
    await offer.first().waitFor();
    assert.match(await offer.first().innerText(), /Berth: "green" is in its bake time \(.*\)\. Roll back to the previous revision\?/s);
    await offer.first().locator('.monaco-button', { hasText: 'Roll back' }).waitFor();
    await screenshot('8-bluegreen-rollback-offer');
  });

  await step(t, 'the deployment ends SUCCESSFUL; the log shows every stage and the hook', async () => {
    const done = page.locator('.notifications-toasts .notification-fade-in-done', { hasText: 'runs green:2' });
    await done.first().waitFor({ timeout: 120_000 });
    assert.match(await done.first().innerText(), /Berth: green runs green:2: BLUE_GREEN deployment SUCCESSFUL \(new revision: 1\/1 running\)\./);
    await screenshot('9-bluegreen-success');
    await done.first().locator('.monaco-button', { hasText: 'Show Log' }).click();
    const output = page.locator('.part.panel .output-view, .part.panel [id="workbench.panel.output"]').first();
    await output.waitFor({ state: 'visible' });
    const lines = output.locator('.view-lines');
    await lines.filter({ hasText: 'COMPLETED: green runs green:2' }).first().waitFor();
    const text = (await lines.first().innerText()).replace(/\u00a0/g, ' ');
    assert.match(text, /\[deployment\] BLUE_GREEN IN_PROGRESS · stage clean-up/, text);
    await screenshot('10-bluegreen-log');
  });

  assert.equal(failedStep, undefined, 'every UI step passed');
  const described = aws.calls.filter((c) => c.op === 'DescribeServiceDeployments');
  assert.ok(described.length >= 11, `one poll per stage (${described.length})`);
  assert.deepEqual(aws.calls.find((c) => c.op === 'DescribeTargetGroups')?.body?.Action, 'DescribeTargetGroups', 'the preflight read the target groups');
  assert.ok(!aws.ops().includes('StopServiceDeployment'), 'the offer was not taken');
  const ecs = new ECSClient({ endpoint: moto.url });
  try {
    const svc = (await ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['green'] }))).services[0];
    assert.match(svc.taskDefinition, /task-definition\/green:2$/);
  } finally {
    ecs.destroy();
  }
});
