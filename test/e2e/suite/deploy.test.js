// Deploy in a real VS Code extension host: "Berth: Show deploy plan" on the target of
// test/e2e/workspace-deploy/.berthrc.yaml against a scripted AWS endpoint on 127.0.0.1, the Deploy CodeLens,
// the manifest's trust settings and the untrusted-workspace refusal.
//
// The extension runs in this same process (the extension host), so the AWS environment the engine's SDK reads is
// set here, on process.env, and restored afterwards: AWS_ENDPOINT_URL → the scripted server, static fake
// credentials, no credential files, no instance metadata. Nothing can reach AWS.
//
// Two runs: the default one (workspace trusted, as launcher.mjs sets it) runs every test but the last; with
// BERTH_E2E_UNTRUSTED=1 the launcher keeps workspace trust on, the folder opens in restricted mode, and only the
// untrusted-workspace test runs:
//   BERTH_E2E_UNTRUSTED=1 BERTH_E2E_GREP=deploy.test.js node test/e2e/runExtensionTests.mjs
'use strict';

const assert = require('node:assert/strict');
const path = require('node:path');
const vscode = require('vscode');
const { test } = require('./runner');
const { EXTENSION_ID } = require('./helpers');
const { startScriptedAws, WRITE_OPS } = require('./deployScriptedAws');

const WORKSPACE = path.resolve(__dirname, '..', 'workspace-deploy');
const ACCOUNT = '123456789012';
const ACCESS_KEY = 'AKIDBERTHE2ETEST';
const TD_ARN = `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/web:7`;

const AWS_VARS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_PROFILE',
  'AWS_SHARED_CREDENTIALS_FILE', 'AWS_CONFIG_FILE', 'AWS_EC2_METADATA_DISABLED', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_ECS',
  'AWS_ENDPOINT_URL_ECR', 'AWS_ENDPOINT_URL_STS', 'AWS_MAX_ATTEMPTS', 'BERTH_REGISTRY_HOST', 'BERTH_DEPLOY_POLL_MS'];

function useAwsEnv(endpoint) {
  const saved = Object.fromEntries(AWS_VARS.map((k) => [k, process.env[k]]));
  for (const k of AWS_VARS) delete process.env[k];
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: endpoint,
    AWS_ACCESS_KEY_ID: ACCESS_KEY,
    AWS_SECRET_ACCESS_KEY: 'berth-e2e-secret-never-sent',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/berth/credentials',
    AWS_CONFIG_FILE: '/nonexistent/berth/config',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_MAX_ATTEMPTS: '1',
  });
  return () => {
    for (const k of AWS_VARS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  };
}

/** The read-only answers of a live service "web" in cluster "prod" on web:7, with an IMMUTABLE repository. */
const READS = {
  GetCallerIdentity: () => ({ body: { Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:user/e2e`, UserId: 'AIDAE2E' } }),
  DescribeServices: () => ({
    body: {
      services: [{
        serviceName: 'web', status: 'ACTIVE', desiredCount: 1, runningCount: 1, taskDefinition: TD_ARN,
        deploymentController: { type: 'ECS' },
        deployments: [{ id: 'ecs-svc/1', status: 'PRIMARY', taskDefinition: TD_ARN, desiredCount: 1, runningCount: 1, rolloutState: 'COMPLETED' }],
        events: [],
      }],
      failures: [],
    },
  }),
  DescribeRepositories: () => ({
    body: { repositories: [{ repositoryName: 'web', registryId: ACCOUNT, repositoryUri: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/web`, imageTagMutability: 'IMMUTABLE' }] },
  }),
  DescribeImages: () => ({ error: 'ImageNotFoundException', message: 'The image with imageId {imageTag:x} does not exist' }),
};

const UNTRUSTED_RUN = process.env.BERTH_E2E_UNTRUSTED === '1';
/** Tests of the trusted run; each checks that the workspace really is trusted. */
const trustedTest = (name, fn, options) => {
  if (UNTRUSTED_RUN) return;
  test(name, async () => {
    assert.equal(vscode.workspace.isTrusted, true, 'the default run opens the workspace trusted');
    await fn();
  }, options);
};

const engineLoaded = () => Object.keys(require.cache).some((k) => k.endsWith(`${path.sep}dist${path.sep}deploy.js`));

async function activate() {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed`);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(path.join(WORKSPACE, 'task-definition.json')));
  await ext.activate();
  return ext;
}

trustedTest('deploy commands are contributed, enabled only in trusted workspaces; trust support stays "limited"', async () => {
  const ext = await activate();
  const pkg = ext.packageJSON;
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
  const titles = {
    'berth.deployToEcs': 'Deploy to ECS',
    'berth.pushImageToEcr': 'Build and push image to ECR',
    'berth.rollbackService': 'Roll back service',
    'berth.showDeployPlan': 'Show deploy plan',
  };
  const all = await vscode.commands.getCommands(true);
  for (const [id, title] of Object.entries(titles)) {
    const c = pkg.contributes.commands.find((x) => x.command === id);
    assert.ok(c, `${id} is contributed`);
    assert.equal(`${c.category}: ${c.title}`, `Berth: ${title}`);
    assert.equal(c.enablement, 'isWorkspaceTrusted', `${id} enablement`);
    const palette = pkg.contributes.menus.commandPalette.find((m) => m.command === id);
    assert.equal(palette && palette.when, 'isWorkspaceTrusted', `${id} palette when`);
    assert.ok(all.includes(id), `${id} is registered by activate()`);
  }
  // Activation (and opening a task definition) never loads the engine and its AWS SDK.
  assert.equal(engineLoaded(), false, 'dist/deploy.js is not loaded before a deploy command runs');
});

trustedTest('the Deploy CodeLens sits above the target\'s task definition and its service, and nowhere else', async () => {
  await activate();
  const lensesOf = async (file) => {
    const uri = vscode.Uri.file(file);
    await vscode.workspace.openTextDocument(uri);
    return (await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri, 10)) || [];
  };
  const deployLenses = (lenses) => lenses.filter((l) => l.command && l.command.command === 'berth.deployToEcs');

  const td = deployLenses(await lensesOf(path.join(WORKSPACE, 'task-definition.json')));
  assert.equal(td.length, 1, 'one Deploy lens on the task definition');
  assert.match(td[0].command.title, /Deploy "web"/);
  assert.equal(td[0].range.start.line, 0);
  assert.deepEqual(td[0].command.arguments, [{ folder: WORKSPACE, target: 'web' }]);

  const svcLenses = await lensesOf(path.join(WORKSPACE, 'service.json'));
  const svc = deployLenses(svcLenses);
  assert.equal(svc.length, 1, 'one Deploy lens on the service');
  const svcDoc = await vscode.workspace.openTextDocument(path.join(WORKSPACE, 'service.json'));
  assert.match(svcDoc.lineAt(svc[0].range.start.line).text, /"serviceName": "web"/);
  assert.ok(svcLenses.some((l) => l.command && l.command.command === 'berth.showDeployPlan'), 'a Show plan lens next to it');

  // A task definition no target names (the other fixture workspace) has none.
  const other = path.resolve(__dirname, '..', 'workspace', 'task-definition.json');
  assert.deepEqual(deployLenses(await lensesOf(other)), []);
});

trustedTest('Berth: Show deploy plan renders the steps and the task definition, with read calls only', async () => {
  await activate();
  const aws = await startScriptedAws({ handlers: { ...READS } });
  const restore = useAwsEnv(aws.endpoint);
  try {
    const result = await vscode.commands.executeCommand('berth.showDeployPlan', { folder: WORKSPACE, target: 'web' });
    assert.equal(result.outcome, 'planned', `${result.outcome}: ${result.message}`);
    assert.ok(engineLoaded(), 'the first deploy command loaded dist/deploy.js');

    // What AWS saw: read calls only, signed with the environment's credentials.
    assert.deepEqual([...new Set(aws.ops())].sort(), ['DescribeImages', 'DescribeRepositories', 'DescribeServices', 'GetCallerIdentity']);
    assert.deepEqual(aws.ops().filter((op) => WRITE_OPS.test(op)), [], 'no AWS write call');
    for (const c of aws.calls) assert.match(c.authorization, new RegExp(`^AWS4-HMAC-SHA256 Credential=${ACCESS_KEY}/\\d{8}/us-east-1/`), `${c.op} signed`);

    // The plan document the command opened.
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor is open');
    const doc = editor.document;
    assert.equal(doc.uri.scheme, 'berth-deploy-plan');
    assert.equal(doc.languageId, 'markdown');
    const text = doc.getText();
    assert.match(text, /^# Deploy plan: web$/m);
    assert.match(text, new RegExp(`- Account: ${ACCOUNT}`));
    assert.match(text, /- Region: us-east-1/);
    assert.match(text, /- Service: prod\/web/);
    assert.match(text, /- Running now: `arn:aws:ecs:us-east-1:123456789012:task-definition\/web:7`/);
    const rows = text.split('\n').filter((l) => /^\| \d+ \|/.test(l));
    assert.deepEqual(rows.map((r) => r.split('|')[2].trim()), [
      'Lint the target files', 'Check the AWS identity', 'Check the ECR repository', 'Preflight checks', 'Log in to the registry', 'Build the image',
      'Check the built image', 'Push the image', 'Render the task definition', 'Register the task definition', 'Update the service', 'Watch the deployment',
    ]);
    const row = (title) => rows.find((r) => r.includes(`| ${title} |`));
    assert.match(row('Register the task definition'), /`ecs:RegisterTaskDefinition` \| yes \| not run in a dry run/);
    assert.match(row('Update the service'), /`ecs:UpdateService` \| yes \|/);
    assert.match(row('Check the AWS identity'), /\| no \| ✓ Account 123456789012 .*Service web runs web:7/);
    assert.match(row('Check the ECR repository'), /IMMUTABLE tags\); the image tag will be /);
    assert.match(row('Lint the target files'), /✓ No errors in Dockerfile, task-definition\.json/);
    assert.match(text, /- Deployment strategy: ROLLING/);
    assert.match(text, /^\| Image tag against the repository \| ✓ passed \| \S+ is new in web \(IMMUTABLE tags\)\. \|$/m);
    assert.match(text, /^\| Built image's architecture \| … pending \| Runs after the build\. \|$/m);

    // The rendered RegisterTaskDefinition input: the container's image is the pushed digest; empty env kept.
    const json = /```json\n([\s\S]*?)\n```/.exec(text);
    assert.ok(json, 'a json block with the rendered task definition');
    const rendered = JSON.parse(json[1]);
    assert.equal(rendered.family, 'web');
    assert.equal(rendered.containerDefinitions[0].name, 'app');
    assert.equal(rendered.containerDefinitions[0].image, `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/web@<digest after push>`);
    assert.deepEqual(rendered.containerDefinitions[0].environment, [{ name: 'GREETING', value: '' }]);
    assert.deepEqual(result.rendered, rendered);
  } finally {
    restore();
    await aws.close();
  }
}, { timeout: 60_000 });

trustedTest('Show deploy plan without credentials: planned from the files, the AWS steps marked, nothing asked, no request', async () => {
  await activate();
  const aws = await startScriptedAws({ handlers: { ...READS } });
  const restore = useAwsEnv(aws.endpoint);
  delete process.env.AWS_ACCESS_KEY_ID;
  delete process.env.AWS_SECRET_ACCESS_KEY;
  try {
    const result = await vscode.commands.executeCommand('berth.showDeployPlan', { folder: WORKSPACE, target: 'web' });
    assert.equal(result.outcome, 'planned', `${result.outcome}: ${result.message}`);
    assert.deepEqual(aws.ops(), [], 'no request reached the endpoint');
    const text = vscode.window.activeTextEditor.document.getText();
    assert.match(text, /^> Planned without AWS: No AWS credentials were found/m);
    assert.match(text, /- Region: us-east-1/, "the target's region, not a default");
    assert.match(text, /^\| 2 \| Check the AWS identity \| .* \| no \| - Not checked without AWS: /m);
    assert.match(text, /^\| 8 \| Push the image \| `registry push` \| yes \| needs AWS \|$/m);
    assert.match(text, /^\| Roles exist, trust the service and can be passed \| … pending \| Needs AWS\. \|$/m);
    assert.equal(JSON.parse(/```json\n([\s\S]*?)\n```/.exec(text)[1]).containerDefinitions[0].image, '<account>.dkr.ecr.us-east-1.amazonaws.com/web@<digest after push>');
  } finally {
    restore();
    await aws.close();
  }
}, { timeout: 60_000 });

trustedTest('Show deploy plan for a missing service: a clear failure, no plan, no write call', async () => {
  await activate();
  const aws = await startScriptedAws({
    handlers: { ...READS, DescribeServices: () => ({ body: { services: [], failures: [{ arn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/web', reason: 'MISSING' }] } }) },
  });
  const restore = useAwsEnv(aws.endpoint);
  try {
    const result = await vscode.commands.executeCommand('berth.showDeployPlan', { folder: WORKSPACE, target: 'web' });
    assert.equal(result.outcome, 'failed');
    assert.equal(result.message, 'The service "web" was not found in cluster "prod" (MISSING). Nothing was done.');
    assert.deepEqual(result.done, []);
    assert.deepEqual(aws.ops().filter((op) => WRITE_OPS.test(op)), []);
  } finally {
    restore();
    await aws.close();
  }
}, { timeout: 60_000 });

trustedTest('an unknown target is refused with the names of the real ones', async () => {
  await activate();
  const result = await vscode.commands.executeCommand('berth.deployToEcs', { folder: WORKSPACE, target: 'nope' });
  assert.equal(result.outcome, 'refused');
  assert.match(result.message, /No deploy target "nope" in .*workspace-deploy\/\.berthrc\.yaml; the targets are web, green\./);
});

if (UNTRUSTED_RUN) test('in an untrusted workspace every deploy command refuses before doing anything', async () => {
  await activate();
  assert.equal(vscode.workspace.isTrusted, false, 'BERTH_E2E_UNTRUSTED=1 opens the workspace untrusted');
  const aws = await startScriptedAws({ handlers: { ...READS } });
  const restore = useAwsEnv(aws.endpoint);
  try {
    for (const id of ['berth.deployToEcs', 'berth.pushImageToEcr', 'berth.rollbackService', 'berth.showDeployPlan']) {
      const result = await vscode.commands.executeCommand(id, { folder: WORKSPACE, target: 'web' });
      assert.equal(result.outcome, 'refused', id);
      assert.match(result.message, /disabled in an untrusted workspace.*Nothing was done\./, id);
    }
    assert.deepEqual(aws.ops(), [], 'no AWS call at all');
    assert.equal(engineLoaded(), false, 'the engine (and the AWS SDK) was not even loaded');
    const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', vscode.Uri.file(path.join(WORKSPACE, 'task-definition.json')));
    assert.deepEqual((lenses || []).filter((l) => l.command && l.command.command.startsWith('berth.')), [], 'no Deploy lens');
  } finally {
    restore();
    await aws.close();
  }
});
