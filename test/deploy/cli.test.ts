/** `berth deploy`: arguments, exit codes, progress on stderr, the JSON summary. The engine runs against the scripted AWS server. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { parseDeployArgs, runDeploy, type DeployCliIo } from '../../server/src/cli/deploy';
import * as engine from '../../server/src/deploy/main';
import { buildCli, ROOT } from '../cli/cliHarness';
import { startScriptedAws, type ScriptedAws } from './helpers/scriptedAws';
import { ACCOUNT, fakeRunner, makeWorkspace, useAwsEnv } from './helpers/workspace';

const OLD = `arn:aws:ecs:eu-west-1:${ACCOUNT}:task-definition/web:7`;
let aws: ScriptedAws;
let ws: ReturnType<typeof makeWorkspace>;
let restore: () => void;

beforeEach(async () => {
  restore = useAwsEnv();
  ws = makeWorkspace();
  aws = await startScriptedAws({
    GetCallerIdentity: () => ({ body: { Account: ACCOUNT, Arn: 'arn:aws:iam::1:user/u', UserId: 'U' } }),
    DescribeServices: () => ({ body: { services: [{ serviceName: 'web', status: 'ACTIVE', taskDefinition: OLD, deployments: [{ id: 'd1', status: 'PRIMARY', taskDefinition: OLD, rolloutState: 'COMPLETED' }] }] } }),
    DescribeRepositories: () => ({ body: { repositories: [{ repositoryName: 'web', repositoryUri: `${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com/web`, imageTagMutability: 'MUTABLE' }] } }),
    GetAuthorizationToken: () => ({ body: { authorizationData: [{ authorizationToken: btoa('AWS:pw'), proxyEndpoint: `https://${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com` }] } }),
    RegisterTaskDefinition: () => ({ body: { taskDefinition: { taskDefinitionArn: OLD.replace(':7', ':8') } } }),
    UpdateService: () => ({ body: { service: { deployments: [{ id: 'd2', status: 'PRIMARY' }] } } }),
  });
});
afterEach(async () => {
  await aws.close();
  ws.cleanup();
  restore();
});

async function cli(argv: string[], extra: Partial<DeployCliIo> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runDeploy(argv, {
    cwd: ws.dir,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    engine,
    engineOptions: { endpoint: aws.endpoint, linter: () => [], runner: fakeRunner(), containerCli: 'podman', env: { ...process.env, PATH: '/usr/bin:/bin' }, maxAttempts: 1, pollIntervalMs: 5 },
    ...extra,
  });
  return { code, stdout, stderr };
}

describe('berth deploy', () => {
  test('usage errors exit 2 and name the problem', async () => {
    for (const [argv, message] of [
      [[], /missing the target name/],
      [['web', '--timeout', 'soon'], /--timeout must be a number of minutes/],
      [['web', '--format', 'sarif'], /--format must be text or json/],
      [['web', '--fast'], /unknown option "--fast"/],
      [['web', 'api'], /only one target/],
    ] as const) {
      const r = await cli([...argv]);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.stderr, message);
      assert.match(r.stderr, /Usage: berth deploy <target>/);
    }
    assert.deepEqual(aws.ops(), []);
    assert.deepEqual(parseDeployArgs(['web', '--dry-run', '--yes', '--no-wait', '--timeout=45', '--format', 'json']), {
      target: 'web',
      dryRun: true,
      yes: true,
      wait: false,
      timeout: 45,
      format: 'json',
      imageOnly: false,
      rollback: false,
    });
  });

  test('--dry-run --format json: exit 0, a JSON summary on stdout, progress on stderr, no writes', async () => {
    const r = await cli(['web', '--dry-run', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const summary = JSON.parse(r.stdout);
    assert.equal(summary.outcome, 'planned');
    assert.equal(summary.account, ACCOUNT);
    assert.equal(summary.rendered.family, 'web');
    assert.match(r.stderr, /✓ Account 123456789012/);
    assert.match(r.stderr, /PLANNED: Plan for "web"/);
    assert.ok(!aws.ops().some((op) => ['RegisterTaskDefinition', 'UpdateService', 'CreateRepository'].includes(op)));
  });

  test('--no-wait: exit 0 after UpdateService; a missing target or failure exits 1', async () => {
    const ok = await cli(['web', '--no-wait']);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stderr, /NOT-WATCHED: Deployed web:8 to web/);
    assert.match(ok.stderr, /Console: https:\/\/eu-west-1\.console\.aws\.amazon\.com/);

    const missing = await cli(['nope']);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /No deploy target "nope" in \.berthrc\.yaml; the targets are web\./);

    (aws.handlers as Record<string, unknown>).UpdateService = () => ({ error: 'AccessDeniedException', message: 'User is not authorized to perform: ecs:UpdateService' });
    const denied = await cli(['web', '--format', 'json']);
    assert.equal(denied.code, 1);
    assert.equal(JSON.parse(denied.stdout).outcome, 'failed');
    assert.match(denied.stderr, /Access denied: User is not authorized to perform: ecs:UpdateService/);
    assert.match(denied.stderr, /Done so far:\n {2}- Pushed /);
  });

  test('a confirm: true target without a terminal is not deployed unless --yes', async () => {
    ws.cleanup();
    ws = makeWorkspace({ confirm: true });
    const no = await cli(['web', '--no-wait']);
    assert.equal(no.code, 1);
    assert.match(no.stderr, /\? Deploy "web" to service web in cluster prod, account 123456789012, region eu-west-1\? \(no terminal to ask; pass --yes/);
    assert.ok(!aws.ops().includes('UpdateService'));
    const yes = await cli(['web', '--no-wait', '--yes']);
    assert.equal(yes.code, 0, yes.stderr);
    assert.ok(aws.ops().includes('UpdateService'));
  });
});

describe('the built CLI, offline', () => {
  test('berth deploy --dry-run without credentials: the plan from the files, AWS steps marked, exit 0, no request', async () => {
    const cliJs = await buildCli();
    const dir = dirname(cliJs);
    copyFileSync(join(ROOT, 'dist', 'deploy.js'), join(dir, 'deploy.js'));
    ws.cleanup();
    ws = makeWorkspace({ region: 'eu-west-1' });
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: ws.dir, AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/berth/credentials', AWS_CONFIG_FILE: '/nonexistent/berth/config', AWS_EC2_METADATA_DISABLED: 'true', AWS_ENDPOINT_URL: aws.endpoint };
    const r = spawnSync(process.execPath, [cliJs, 'deploy', 'web', '--dry-run'], { cwd: ws.dir, env, encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(aws.ops(), [], 'no request reached the endpoint');
    assert.match(r.stderr, /PLANNED: Plan for "web": build <account>\.dkr\.ecr\.eu-west-1\.amazonaws\.com\/web:build-\d{8}-\d{6}z for linux\/arm64, register web, update prod\/web\. Planned without AWS \(the steps that need it are listed, not run\): No AWS credentials were found/);
    assert.match(r.stderr, /^ {2}2\. Check the AWS identity: sts:GetCallerIdentity, ecs:DescribeServices \[needs AWS\]$/m);
    assert.match(r.stderr, /^ {2}8\. Push the image: registry push \[writes, needs AWS\]$/m);
    assert.match(r.stderr, /^ {2}9\. Render the task definition$/m);
    assert.match(r.stderr, /^ {2}PENDING Roles exist, trust the service and can be passed: Needs AWS\.$/m);
    assert.match(r.stderr, /^ {2}PASSED {2}Build platform against where it runs: Builds for linux\/arm64, as the task definition's runtimePlatform needs\.$/m);
    const rendered = JSON.parse(r.stdout);
    assert.equal(rendered.containerDefinitions[0].image, '<account>.dkr.ecr.eu-west-1.amazonaws.com/web@<digest after push>');
  });
});
