/**
 * The deploy engine against a scripted awsJson1_1 / awsQuery server on 127.0.0.1 (the real SDK signs, retries
 * and decodes), with a recording fake container CLI. One test per scenario of issue 8; every one checks the
 * true final state: what was called, what was not (no UpdateService after a failed step, never a deregistration).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { deploy, rollback } from '../../server/src/deploy/engine';
import type { DeployOptions, DeployResult, ProgressEvent } from '../../server/src/deploy/types';
import { startScriptedAws, type Handler, type ScriptedAws } from './helpers/scriptedAws';
import { ACCOUNT, fakeRunner, makeWorkspace, REGISTRY_PASSWORD, SECRET_KEY, useAwsEnv, type FakeBehaviour } from './helpers/workspace';

const OLD = `arn:aws:ecs:eu-west-1:${ACCOUNT}:task-definition/web:7`;
const NEW = `arn:aws:ecs:eu-west-1:${ACCOUNT}:task-definition/web:8`;
const HOST = `${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com`;
const WRITE_OPS = ['CreateRepository', 'RegisterTaskDefinition', 'UpdateService', 'DeregisterTaskDefinition', 'PutImage', 'DeleteRepository'];

const service = (deployments: object[], events: object[] = [], extra: object = {}) => ({
  serviceName: 'web',
  status: 'ACTIVE',
  taskDefinition: OLD,
  desiredCount: 2,
  runningCount: 2,
  deploymentController: { type: 'ECS' },
  deployments,
  events,
  ...extra,
});
const steady = service([{ id: 'ecs-svc/1', status: 'PRIMARY', taskDefinition: OLD, desiredCount: 2, runningCount: 2, rolloutState: 'COMPLETED' }], [{ id: 'ev0', createdAt: 1, message: '(service web) has reached a steady state.' }]);

function happyHandlers(): Record<string, Handler> {
  let registered = 7;
  return {
    GetCallerIdentity: () => ({ body: { Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:user/deployer`, UserId: 'AIDA' } }),
    DescribeServices: () => ({ body: { services: [steady], failures: [] } }),
    DescribeRepositories: () => ({ body: { repositories: [{ repositoryName: 'web', registryId: ACCOUNT, repositoryUri: `${HOST}/web`, imageTagMutability: 'IMMUTABLE' }] } }),
    DescribeImages: () => ({ error: 'ImageNotFoundException', message: 'The image requested does not exist' }),
    GetAuthorizationToken: () => ({ body: { authorizationData: [{ authorizationToken: btoa(`AWS:${REGISTRY_PASSWORD}`), proxyEndpoint: `https://${HOST}`, expiresAt: 2e9 }] } }),
    RegisterTaskDefinition: (body) => ({ body: { taskDefinition: { ...body, taskDefinitionArn: `arn:aws:ecs:eu-west-1:${ACCOUNT}:task-definition/web:${++registered}`, revision: registered, status: 'ACTIVE' } } }),
    UpdateService: (body) => ({
      body: {
        service: service(
          [
            { id: 'ecs-svc/2', status: 'PRIMARY', taskDefinition: body.taskDefinition, desiredCount: 2, runningCount: 0, rolloutState: 'IN_PROGRESS' },
            { id: 'ecs-svc/1', status: 'ACTIVE', taskDefinition: OLD, desiredCount: 2, runningCount: 2, rolloutState: 'COMPLETED' },
          ],
          steady.events,
        ),
      },
    }),
  };
}

/** DescribeServices answers: the first (before register) and the one before UpdateService say steady; then `watch` in order (the last repeats). */
function watchSequence(watch: object[]): Handler {
  return (_body, n) => ({ body: { services: [n < 2 ? steady : watch[Math.min(n - 2, watch.length - 1)]], failures: [] } });
}

let aws: ScriptedAws;
let restoreEnv: () => void;
let ws: { dir: string; cleanup(): void };
let events: ProgressEvent[];

beforeEach(async () => {
  restoreEnv = useAwsEnv();
  aws = await startScriptedAws(happyHandlers());
  ws = makeWorkspace();
  events = [];
});
afterEach(async () => {
  await aws.close();
  ws.cleanup();
  restoreEnv();
});

function run(extra: Partial<DeployOptions> & { behaviour?: FakeBehaviour } = {}): { result: Promise<DeployResult>; runner: ReturnType<typeof fakeRunner> } {
  const runner = fakeRunner(extra.behaviour);
  const options: DeployOptions = {
    workspace: ws.dir,
    endpoint: aws.endpoint,
    runner,
    env: { ...process.env, PATH: '/usr/local/bin:/usr/bin:/bin' },
    containerCli: 'podman',
    pollIntervalMs: 5,
    maxAttempts: 1,
    onProgress: (e) => events.push(e),
    // The lint gate passes unless a test says otherwise (test/deploy/gate.test.ts runs the real one).
    linter: () => [],
    ...extra,
  };
  return { result: deploy('web', options), runner };
}

/** The invariants of every deploy. */
function checkInvariants(result: DeployResult): void {
  const ops = aws.ops();
  assert.ok(!ops.includes('DeregisterTaskDefinition'), 'never deregisters');
  if (ops.includes('UpdateService')) {
    // UpdateService only ever follows a push whose digest was read and a successful registration.
    assert.ok(result.digest && result.taskDefinitionArn, `UpdateService after a failed step (${result.outcome}: ${result.message})`);
    assert.ok(ops.indexOf('UpdateService') > ops.indexOf('RegisterTaskDefinition'));
  }
  assert.ok(result.message.length > 0);
  const all = JSON.stringify({ result, events }) + JSON.stringify(aws.calls.map((c) => c.raw));
  assert.ok(!all.includes(SECRET_KEY), 'the secret key never appears');
  assert.ok(!all.includes(REGISTRY_PASSWORD), 'the registry password never appears');
}

describe('deploy against a scripted AWS', () => {
  test('happy path: every step, the rendered image by digest, completed rollout, history written', async () => {
    (aws.handlers as Record<string, Handler>).DescribeServices = watchSequence([
      service([{ id: 'ecs-svc/2', status: 'PRIMARY', taskDefinition: NEW, desiredCount: 2, runningCount: 1, rolloutState: 'IN_PROGRESS' }], [{ id: 'ev1', createdAt: 2, message: '(service web) has started 2 tasks.' }, ...steady.events]),
      service([{ id: 'ecs-svc/2', status: 'PRIMARY', taskDefinition: NEW, desiredCount: 2, runningCount: 2, rolloutState: 'COMPLETED' }], [{ id: 'ev2', createdAt: 3, message: '(service web) deployment ecs-svc/2 completed.' }, { id: 'ev1', createdAt: 2, message: '(service web) has started 2 tasks.' }, ...steady.events]),
    ]);
    const { result, runner } = run();
    const r = await result;
    assert.equal(r.outcome, 'completed', r.message);
    checkInvariants(r);
    assert.deepEqual(aws.ops(), ['GetCallerIdentity', 'DescribeServices', 'DescribeRepositories', 'DescribeImages', 'GetAuthorizationToken', 'RegisterTaskDefinition', 'DescribeServices', 'UpdateService', 'DescribeServices', 'DescribeServices']);
    const registered = aws.calls.find((c) => c.op === 'RegisterTaskDefinition')!.body as { containerDefinitions: { image: string; environment: unknown }[] };
    assert.equal(registered.containerDefinitions[0]!.image, `${HOST}/web@sha256:${'d'.repeat(64)}`);
    assert.deepEqual(registered.containerDefinitions[0]!.environment, [{ name: 'EMPTY', value: '' }]);
    const update = aws.calls.find((c) => c.op === 'UpdateService')!.body;
    assert.deepEqual(update, { cluster: 'prod', service: 'web', taskDefinition: NEW, forceNewDeployment: false });
    // container CLI: login on stdin, build with the task definition's platform, push
    const cli = runner.runs.filter((x) => x.command === 'podman');
    assert.deepEqual(cli.map((x) => x.args[0]), ['login', 'build', 'push']);
    assert.deepEqual(cli[0]!.args, ['login', '--username', 'AWS', '--password-stdin', HOST]);
    assert.equal(cli[0]!.input, `${REGISTRY_PASSWORD}\n`);
    assert.deepEqual(cli[1]!.args.slice(0, 3), ['build', '--platform', 'linux/arm64']);
    assert.ok(cli[1]!.args.includes(`${HOST}/web:${r.image!.split(':').at(-1)}`));
    // credentials stay out of child processes; the auth dir is gone
    for (const x of cli) {
      assert.equal(x.env!.AWS_SECRET_ACCESS_KEY, undefined);
      assert.ok(x.env!.DOCKER_CONFIG && !existsSync(x.env!.DOCKER_CONFIG), 'temporary DOCKER_CONFIG deleted');
      assert.equal(x.env!.REGISTRY_AUTH_FILE, join(x.env!.DOCKER_CONFIG!, 'auth.json'));
    }
    // service events streamed once each, oldest first
    assert.deepEqual(events.filter((e) => e.type === 'service-event').map((e) => e.message), ['(service web) has started 2 tasks.', '(service web) deployment ecs-svc/2 completed.']);
    assert.match(r.consoleUrl!, /^https:\/\/eu-west-1\.console\.aws\.amazon\.com\/ecs\/v2\/clusters\/prod\/services\/web\/health/);
    const history = JSON.parse(readFileSync(join(ws.dir, '.berth', 'deploy-history.json'), 'utf8'));
    assert.equal(history.targets.web.length, 1);
    assert.deepEqual(
      { td: history.targets.web[0].taskDefinitionArn, prev: history.targets.web[0].previousTaskDefinitionArn, outcome: history.targets.web[0].outcome },
      { td: NEW, prev: OLD, outcome: 'completed' },
    );
    // the user's file is untouched
    assert.equal(JSON.parse(readFileSync(join(ws.dir, 'td.json'), 'utf8')).containerDefinitions[0].image, 'placeholder');

    // and Roll back returns to web:7 from the history
    aws.calls.length = 0;
    let described = 0;
    (aws.handlers as Record<string, Handler>).DescribeServices = () => ({
      body: { services: [described++ === 0 ? service([{ id: 'ecs-svc/2', status: 'PRIMARY', taskDefinition: NEW, desiredCount: 2, runningCount: 2, rolloutState: 'COMPLETED' }], [], { taskDefinition: NEW }) : service([{ id: 'ecs-svc/3', status: 'PRIMARY', taskDefinition: OLD, desiredCount: 2, runningCount: 2, rolloutState: 'COMPLETED' }])] },
    });
    const back = await rollback('web', { workspace: ws.dir, endpoint: aws.endpoint, pollIntervalMs: 5, maxAttempts: 1 });
    assert.equal(back.outcome, 'completed', back.message);
    assert.deepEqual(aws.calls.find((c) => c.op === 'UpdateService')!.body, { cluster: 'prod', service: 'web', taskDefinition: OLD });
    assert.ok(!aws.ops().includes('DeregisterTaskDefinition'));
  });

  test('dry run: the plan and the rendered task definition, read calls only, no build', async () => {
    const { result, runner } = run({ dryRun: true });
    const r = await result;
    assert.equal(r.outcome, 'planned', r.message);
    checkInvariants(r);
    assert.deepEqual(aws.ops().filter((op) => WRITE_OPS.includes(op) || op === 'GetAuthorizationToken'), []);
    assert.deepEqual(runner.runs.filter((x) => x.command !== 'git'), []);
    assert.equal((r.rendered!.containerDefinitions as { image: string }[])[0]!.image, `${HOST}/web@<digest after push>`);
    assert.deepEqual(r.plan!.filter((s) => s.write).map((s) => s.id), ['push', 'register', 'update']);
  });

  test('1. no credentials: a clear message, no AWS call reaches the server, nothing built', async () => {
    restoreEnv();
    restoreEnv = useAwsEnv({ AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined });
    const { result, runner } = run();
    const r = await result;
    assert.equal(r.outcome, 'failed');
    assert.match(r.message, /No AWS credentials were found/);
    assert.deepEqual(aws.ops(), []);
    assert.deepEqual(runner.runs, []);
    checkInvariants(r);
  });

  test('2. expired token: STS says ExpiredToken; the message says to refresh', async () => {
    (aws.handlers as Record<string, Handler>).GetCallerIdentity = () => ({ error: 'ExpiredToken', message: 'The security token included in the request is expired', status: 403 });
    const { result } = run();
    const r = await result;
    assert.equal(r.outcome, 'failed');
    assert.match(r.message, /credentials have expired \(ExpiredToken/);
    assert.deepEqual(aws.ops(), ['GetCallerIdentity']);
    checkInvariants(r);
  });

  test('3. repository missing and creation declined: asked once, nothing created or pushed', async () => {
    (aws.handlers as Record<string, Handler>).DescribeRepositories = () => ({ error: 'RepositoryNotFoundException', message: "The repository with name 'web' does not exist" });
    const questions: string[] = [];
    const { result, runner } = run({ confirm: async (q) => (questions.push(q.kind), false) });
    const r = await result;
    assert.equal(r.outcome, 'declined');
    assert.deepEqual(questions, ['create-repository']);
    assert.match(r.message, /does not exist and was not created\. Nothing was done\./);
    assert.ok(!aws.ops().includes('CreateRepository'));
    assert.deepEqual(runner.runs.filter((x) => x.command !== 'git'), []);
    checkInvariants(r);
  });

  test('3b. repository missing and creation accepted: IMMUTABLE tags and scan on push', async () => {
    (aws.handlers as Record<string, Handler>).DescribeRepositories = () => ({ error: 'RepositoryNotFoundException', message: 'missing' });
    (aws.handlers as Record<string, Handler>).CreateRepository = (b) => ({ body: { repository: { repositoryName: b.repositoryName, registryId: ACCOUNT, repositoryUri: `${HOST}/web`, imageTagMutability: b.imageTagMutability } } });
    const { result } = run({ confirm: async () => true, wait: false });
    const r = await result;
    assert.equal(r.outcome, 'not-watched', r.message);
    assert.deepEqual(aws.calls.find((c) => c.op === 'CreateRepository')!.body, { repositoryName: 'web', imageTagMutability: 'IMMUTABLE', imageScanningConfiguration: { scanOnPush: true } });
    checkInvariants(r);
  });

  test('4. push denied: failed with the reason; nothing registered, service untouched, auth file deleted', async () => {
    const { result, runner } = run({ behaviour: (_c, args) => (args[0] === 'push' ? { code: 125, stderr: 'Error: writing blob: denied: User is not authorized to perform ecr:InitiateLayerUpload' } : undefined) });
    const r = await result;
    assert.equal(r.outcome, 'failed');
    assert.match(r.message, /registry denied the push .*Nothing was registered and the service was not changed\./);
    assert.ok(!aws.ops().includes('RegisterTaskDefinition'));
    assert.ok(!existsSync(runner.runs.find((x) => x.args[0] === 'push')!.env!.DOCKER_CONFIG!));
    checkInvariants(r);
  });

  test('5. immutable tag already exists: stops before login and build', async () => {
    (aws.handlers as Record<string, Handler>).DescribeImages = () => ({ body: { imageDetails: [{ imageDigest: `sha256:${'e'.repeat(64)}`, imageTags: ['abc1234'] }] } });
    const { result, runner } = run({ behaviour: (c, args) => (c === 'git' ? { stdout: args[0] === 'rev-parse' ? 'abc1234\n' : '' } : undefined) });
    const r = await result;
    assert.equal(r.outcome, 'failed');
    assert.match(r.message, /The tag abc1234 already exists in web, whose tags are immutable/);
    assert.deepEqual(aws.calls.find((c) => c.op === 'DescribeImages')!.body, { repositoryName: 'web', imageIds: [{ imageTag: 'abc1234' }] });
    assert.deepEqual(runner.runs.filter((x) => x.command !== 'git'), []);
    checkInvariants(r);
  });

  test('6. register rejected (ClientException): the API message, no UpdateService', async () => {
    (aws.handlers as Record<string, Handler>).RegisterTaskDefinition = () => ({ error: 'ClientException', message: 'Invalid setting for container app: memory must be greater than 6 MiB.' });
    const { result } = run();
    const r = await result;
    assert.equal(r.outcome, 'failed');
    assert.equal(r.message, 'ClientException: Invalid setting for container app: memory must be greater than 6 MiB.');
    assert.deepEqual(r.done, [`Pushed ${r.image} (sha256:${'d'.repeat(64)}).`]);
    checkInvariants(r);
  });

  test('7. service missing: stops before building anything', async () => {
    (aws.handlers as Record<string, Handler>).DescribeServices = () => ({ body: { services: [], failures: [{ arn: 'arn:aws:ecs:eu-west-1:1:service/prod/web', reason: 'MISSING' }] } });
    const { result, runner } = run();
    const r = await result;
    assert.equal(r.outcome, 'failed');
    assert.equal(r.message, 'The service "web" was not found in cluster "prod" (MISSING). Nothing was done.');
    assert.deepEqual(runner.runs, []);
    checkInvariants(r);
  });

  test('CODE_DEPLOY is explained and EXTERNAL refused, before any build', async () => {
    for (const type of ['CODE_DEPLOY', 'EXTERNAL']) {
      aws.calls.length = 0;
      (aws.handlers as Record<string, Handler>).DescribeServices = () => ({ body: { services: [service([], [], { deploymentController: { type } })] } });
      const { result, runner } = run();
      const r = await result;
      assert.equal(r.outcome, 'failed');
      assert.match(r.message, new RegExp(`uses the ${type} deployment controller`));
      assert.deepEqual(runner.runs, []);
      checkInvariants(r);
    }
  });

  test('8. UpdateService rejected: the revision stays registered, the hint says so', async () => {
    (aws.handlers as Record<string, Handler>).UpdateService = () => ({ error: 'InvalidParameterException', message: 'Task definition does not support launch_type FARGATE.' });
    const { result } = run();
    const r = await result;
    assert.equal(r.outcome, 'failed');
    assert.equal(r.message, 'InvalidParameterException: Task definition does not support launch_type FARGATE.');
    assert.deepEqual(r.hints, ['web:8 stays registered (revisions are never deregistered); the service was not changed.']);
    assert.ok(!existsSync(join(ws.dir, '.berth', 'deploy-history.json')), 'no history entry for a deploy that did not reach the service');
    checkInvariants(r);
  });

  test('9. circuit breaker: FAILED rollout is reported as a failed deploy, with the events that explain it', async () => {
    (aws.handlers as Record<string, Handler>).DescribeServices = watchSequence([
      service(
        [
          { id: 'ecs-svc/3', status: 'PRIMARY', taskDefinition: OLD, desiredCount: 2, runningCount: 2, rolloutState: 'IN_PROGRESS' },
          { id: 'ecs-svc/2', status: 'ACTIVE', taskDefinition: NEW, desiredCount: 0, runningCount: 0, failedTasks: 3, rolloutState: 'FAILED', rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.' },
        ],
        [{ id: 'ev9', createdAt: 5, message: '(service web) (deployment ecs-svc/2) deployment failed: tasks failed to start.' }, ...steady.events],
      ),
    ]);
    const { result } = run();
    const r = await result;
    assert.equal(r.outcome, 'rolled-back');
    assert.match(r.message, /^The deploy FAILED: Rollout FAILED: ECS deployment circuit breaker: tasks failed to start\. The circuit breaker rolled the service back to web:7\. Latest service events: \(service web\) \(deployment ecs-svc\/2\) deployment failed/);
    assert.ok(events.some((e) => e.type === 'service-event' && /deployment failed/.test(e.message)));
    assert.equal(JSON.parse(readFileSync(join(ws.dir, '.berth', 'deploy-history.json'), 'utf8')).targets.web[0].outcome, 'failed');
    checkInvariants(r);
  });

  test('10. timeout while old tasks drain: timed out, with the deregistration-delay hint', async () => {
    (aws.handlers as Record<string, Handler>).DescribeServices = watchSequence([
      service([
        { id: 'ecs-svc/2', status: 'PRIMARY', taskDefinition: NEW, desiredCount: 2, runningCount: 2, rolloutState: 'IN_PROGRESS' },
        { id: 'ecs-svc/1', status: 'ACTIVE', taskDefinition: OLD, desiredCount: 0, runningCount: 2, rolloutState: 'COMPLETED' },
      ]),
    ]);
    const { result } = run({ timeoutMinutes: 0.002 });
    const r = await result;
    assert.equal(r.outcome, 'timed-out');
    assert.match(r.message, /did not finish within 0\.002 minute\(s\).*deregistration delay \(300 seconds by default\)/);
    const polls = aws.ops().filter((o) => o === 'DescribeServices').length;
    assert.ok(polls >= 3 && polls < 100, `bounded polling (${polls})`);
    checkInvariants(r);
  });

  test('11a. cancel mid-push: the push is stopped, nothing registered, the auth file deleted', async () => {
    const controller = new AbortController();
    const { result, runner } = run({
      signal: controller.signal,
      behaviour: (_c, args, options) => {
        if (args[0] !== 'push') return undefined;
        controller.abort();
        return new Promise((resolve) => (options.signal?.aborted ? resolve({ code: null, aborted: true }) : options.signal?.addEventListener('abort', () => resolve({ code: null, aborted: true }))));
      },
    });
    const r = await result;
    assert.equal(r.outcome, 'cancelled');
    assert.match(r.message, /Cancelled during the push .* nothing was registered and the service was not changed\./);
    assert.ok(!aws.ops().includes('RegisterTaskDefinition'));
    assert.ok(!existsSync(runner.runs.at(-1)!.env!.DOCKER_CONFIG!));
    checkInvariants(r);
  });

  test('11b. cancel mid-watch: says UpdateService was done and ECS goes on', async () => {
    const controller = new AbortController();
    (aws.handlers as Record<string, Handler>).DescribeServices = (_b, n) => {
      if (n === 3) controller.abort();
      return { body: { services: [n < 2 ? steady : service([{ id: 'ecs-svc/2', status: 'PRIMARY', taskDefinition: NEW, desiredCount: 2, runningCount: 1, rolloutState: 'IN_PROGRESS' }])] } };
    };
    const { result } = run({ signal: controller.signal });
    const r = await result;
    assert.equal(r.outcome, 'cancelled');
    assert.match(r.message, /Stopped watching\. UpdateService was already called: ECS goes on rolling out web:8/);
    assert.deepEqual(r.done.map((d) => d.split(' ')[0]), ['Pushed', 'Registered', 'Updated']);
    checkInvariants(r);
  });

  test('throttling during the watch is retried by the SDK; a lasting error says the update was done', async () => {
    let polls = 0;
    const done = service([{ id: 'ecs-svc/2', status: 'PRIMARY', taskDefinition: NEW, desiredCount: 2, runningCount: 2, rolloutState: 'COMPLETED' }]);
    (aws.handlers as Record<string, Handler>).DescribeServices = (_b, n) =>
      n < 2 ? { body: { services: [steady] } } : polls++ === 0 ? { error: 'ThrottlingException', message: 'Rate exceeded' } : { body: { services: [done] } };
    const r = await run({ maxAttempts: 3 }).result;
    assert.equal(r.outcome, 'completed', r.message);
    assert.equal(polls, 2, 'one throttled poll, retried once by the SDK');
    checkInvariants(r);

    aws.calls.length = 0;
    let described = 0;
    (aws.handlers as Record<string, Handler>).DescribeServices = () => (described++ < 2 ? { body: { services: [steady] } } : { error: 'AccessDeniedException', message: 'User is not authorized to perform: ecs:DescribeServices' });
    const lost = await run().result;
    assert.equal(lost.outcome, 'failed');
    assert.match(lost.message, /^Lost track of the rollout: Access denied: .* UpdateService was already called; ECS goes on rolling out web:\d+\./);
    checkInvariants(lost);
  });

  test('12. untrusted workspace: refused, nothing called', async () => {
    const { result, runner } = run({ trusted: false });
    const r = await result;
    assert.equal(r.outcome, 'refused');
    assert.match(r.message, /untrusted workspace/);
    assert.deepEqual(aws.ops(), []);
    assert.deepEqual(runner.runs, []);
  });

  test('lint errors block unless "deploy anyway"; confirm: true targets ask before anything is written', async () => {
    let r = await run({ linter: () => ['td.json:3:5: bad (ecs/x)'], confirm: async () => false }).result;
    assert.equal(r.outcome, 'declined');
    assert.match(r.message, /Berth found 1 error\(s\).*first: td\.json:3:5: bad/);
    assert.deepEqual(aws.ops(), []);

    ws.cleanup();
    ws = makeWorkspace({ confirm: true });
    const asked: string[] = [];
    r = await run({ confirm: async (q) => (asked.push(q.message), false) }).result;
    assert.equal(r.outcome, 'declined');
    assert.deepEqual(asked, [`Deploy "web" to service web in cluster prod, account ${ACCOUNT}, region eu-west-1?`]);
    assert.deepEqual(aws.ops(), ['GetCallerIdentity', 'DescribeServices']);
    checkInvariants(r);
  });
});

