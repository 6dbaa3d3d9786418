/**
 * The deploy engine against a scripted awsJson1_1 / awsQuery server on 127.0.0.1 (the real SDK signs, retries
 * and decodes), with a recording fake container CLI. One test per scenario of issue 8; every one checks the
 * true final state: what was called, what was not (no UpdateService after a failed step, never a deregistration).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { rollback } from '../../server/src/deploy/engine';
import { HOST, NEW, OLD, service, steady, useScenario, watchSequence, WRITE_OPS } from './helpers/scenario';
import type { Handler } from './helpers/scriptedAws';
import { ACCOUNT, REGISTRY_PASSWORD, useAwsEnv } from './helpers/workspace';

const s = useScenario();

describe('deploy against a scripted AWS', () => {
  test('happy path: every step, the rendered image by digest, completed rollout, history written', async () => {
    (s.aws.handlers as Record<string, Handler>).DescribeServices = watchSequence([
      service([{ id: 'ecs-svc/2', status: 'PRIMARY', taskDefinition: NEW, desiredCount: 2, runningCount: 1, rolloutState: 'IN_PROGRESS' }], [{ id: 'ev1', createdAt: 2, message: '(service web) has started 2 tasks.' }, ...steady.events]),
      service([{ id: 'ecs-svc/2', status: 'PRIMARY', taskDefinition: NEW, desiredCount: 2, runningCount: 2, rolloutState: 'COMPLETED' }], [{ id: 'ev2', createdAt: 3, message: '(service web) deployment ecs-svc/2 completed.' }, { id: 'ev1', createdAt: 2, message: '(service web) has started 2 tasks.' }, ...steady.events]),
    ]);
    const { result, runner } = s.run();
    const r = await result;
    assert.equal(r.outcome, 'completed', r.message);
    s.checkInvariants(r);
    assert.deepEqual(s.aws.ops(), ['GetCallerIdentity', 'DescribeServices', 'DescribeRepositories', 'DescribeImages', 'GetAuthorizationToken', 'RegisterTaskDefinition', 'DescribeServices', 'UpdateService', 'DescribeServices', 'ListServiceDeployments', 'DescribeServices']);
    const registered = s.aws.calls.find((c) => c.op === 'RegisterTaskDefinition')!.body as { containerDefinitions: { image: string; environment: unknown }[] };
    assert.equal(registered.containerDefinitions[0]!.image, `${HOST}/web@sha256:${'d'.repeat(64)}`);
    assert.deepEqual(registered.containerDefinitions[0]!.environment, [{ name: 'EMPTY', value: '' }]);
    const update = s.aws.calls.find((c) => c.op === 'UpdateService')!.body;
    assert.deepEqual(update, { cluster: 'prod', service: 'web', taskDefinition: NEW, forceNewDeployment: false });
    // container CLI: login on stdin, build with the task definition's platform, push
    const cli = runner.runs.filter((x) => x.command === 'podman');
    assert.deepEqual(cli.map((x) => x.args.slice(0, 2).join(' ')), ['login --username', 'build --platform', 'image inspect', 'push --digestfile']);
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
    assert.deepEqual(s.events.filter((e) => e.type === 'service-event').map((e) => e.message), ['(service web) has started 2 tasks.', '(service web) deployment ecs-svc/2 completed.']);
    assert.match(r.consoleUrl!, /^https:\/\/eu-west-1\.console\.aws\.amazon\.com\/ecs\/v2\/clusters\/prod\/services\/web\/health/);
    const history = JSON.parse(readFileSync(join(s.ws.dir, '.berth', 'deploy-history.json'), 'utf8'));
    assert.equal(history.targets.web.length, 1);
    assert.deepEqual(
      { td: history.targets.web[0].taskDefinitionArn, prev: history.targets.web[0].previousTaskDefinitionArn, outcome: history.targets.web[0].outcome },
      { td: NEW, prev: OLD, outcome: 'completed' },
    );
    // the user's file is untouched
    assert.equal(JSON.parse(readFileSync(join(s.ws.dir, 'td.json'), 'utf8')).containerDefinitions[0].image, 'placeholder');

    // and Roll back returns to web:7 from the history
    s.aws.calls.length = 0;
    let described = 0;
    (s.aws.handlers as Record<string, Handler>).DescribeServices = () => ({
      body: { services: [described++ === 0 ? service([{ id: 'ecs-svc/2', status: 'PRIMARY', taskDefinition: NEW, desiredCount: 2, runningCount: 2, rolloutState: 'COMPLETED' }], [], { taskDefinition: NEW }) : service([{ id: 'ecs-svc/3', status: 'PRIMARY', taskDefinition: OLD, desiredCount: 2, runningCount: 2, rolloutState: 'COMPLETED' }])] },
    });
    const back = await rollback('web', { workspace: s.ws.dir, endpoint: s.aws.endpoint, pollIntervalMs: 5, maxAttempts: 1 });
    assert.equal(back.outcome, 'completed', back.message);
    assert.deepEqual(s.aws.calls.find((c) => c.op === 'UpdateService')!.body, { cluster: 'prod', service: 'web', taskDefinition: OLD });
    assert.ok(!s.aws.ops().includes('DeregisterTaskDefinition'));
  });

  test('dry run: the plan and the rendered task definition, read calls only, no build', async () => {
    const { result, runner } = s.run({ dryRun: true });
    const r = await result;
    assert.equal(r.outcome, 'planned', r.message);
    s.checkInvariants(r);
    assert.deepEqual(s.aws.ops().filter((op) => WRITE_OPS.includes(op) || op === 'GetAuthorizationToken'), []);
    assert.deepEqual(runner.runs.filter((x) => x.command !== 'git'), []);
    assert.equal((r.rendered!.containerDefinitions as { image: string }[])[0]!.image, `${HOST}/web@<digest after push>`);
    assert.deepEqual(r.plan!.filter((s) => s.write).map((s) => s.id), ['push', 'register', 'update']);
  });

  test('1. no credentials: a clear message, no AWS call reaches the server, nothing built', async () => {
    useAwsEnv({ AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined }); // the harness restores the environment
    const { result, runner } = s.run();
    const r = await result;
    assert.equal(r.outcome, 'failed');
    assert.match(r.message, /No AWS credentials were found/);
    assert.deepEqual(s.aws.ops(), []);
    assert.deepEqual(runner.runs, []);
    s.checkInvariants(r);
  });

  test('2. expired token: STS says ExpiredToken; the message says to refresh', async () => {
    (s.aws.handlers as Record<string, Handler>).GetCallerIdentity = () => ({ error: 'ExpiredToken', message: 'The security token included in the request is expired', status: 403 });
    const { result } = s.run();
    const r = await result;
    assert.equal(r.outcome, 'failed');
    assert.match(r.message, /credentials have expired \(ExpiredToken/);
    assert.deepEqual(s.aws.ops(), ['GetCallerIdentity']);
    s.checkInvariants(r);
  });

  test('3. repository missing and creation declined: asked once, nothing created or pushed', async () => {
    (s.aws.handlers as Record<string, Handler>).DescribeRepositories = () => ({ error: 'RepositoryNotFoundException', message: "The repository with name 'web' does not exist" });
    const questions: string[] = [];
    const { result, runner } = s.run({ confirm: async (q) => (questions.push(q.kind), false) });
    const r = await result;
    assert.equal(r.outcome, 'declined');
    assert.deepEqual(questions, ['create-repository']);
    assert.match(r.message, /does not exist and was not created\. Nothing was done\./);
    assert.ok(!s.aws.ops().includes('CreateRepository'));
    assert.deepEqual(runner.runs.filter((x) => x.command !== 'git'), []);
    s.checkInvariants(r);
  });

  test('3b. repository missing and creation accepted: IMMUTABLE tags and scan on push', async () => {
    (s.aws.handlers as Record<string, Handler>).DescribeRepositories = () => ({ error: 'RepositoryNotFoundException', message: 'missing' });
    (s.aws.handlers as Record<string, Handler>).CreateRepository = (b) => ({ body: { repository: { repositoryName: b.repositoryName, registryId: ACCOUNT, repositoryUri: `${HOST}/web`, imageTagMutability: b.imageTagMutability } } });
    const { result } = s.run({ confirm: async () => true, wait: false });
    const r = await result;
    assert.equal(r.outcome, 'not-watched', r.message);
    assert.deepEqual(s.aws.calls.find((c) => c.op === 'CreateRepository')!.body, { repositoryName: 'web', imageTagMutability: 'IMMUTABLE', imageScanningConfiguration: { scanOnPush: true } });
    s.checkInvariants(r);
  });

  test('4. push denied: failed with the reason; nothing registered, service untouched, auth file deleted', async () => {
    const { result, runner } = s.run({ behaviour: (_c, args) => (args[0] === 'push' ? { code: 125, stderr: 'Error: writing blob: denied: User is not authorized to perform ecr:InitiateLayerUpload' } : undefined) });
    const r = await result;
    assert.equal(r.outcome, 'failed');
    assert.match(r.message, /registry denied the push .*Nothing was registered and the service was not changed\./);
    assert.ok(!s.aws.ops().includes('RegisterTaskDefinition'));
    assert.ok(!existsSync(runner.runs.find((x) => x.args[0] === 'push')!.env!.DOCKER_CONFIG!));
    s.checkInvariants(r);
  });

  test('5. immutable tag already exists: stops before login and build', async () => {
    (s.aws.handlers as Record<string, Handler>).DescribeImages = () => ({ body: { imageDetails: [{ imageDigest: `sha256:${'e'.repeat(64)}`, imageTags: ['abc1234'] }] } });
    const { result, runner } = s.run({ behaviour: (c, args) => (c === 'git' ? { stdout: args[0] === 'rev-parse' ? 'abc1234\n' : '' } : undefined) });
    const r = await result;
    assert.equal(r.outcome, 'failed');
    assert.match(r.message, /The tag abc1234 already exists in web, whose tags are immutable/);
    assert.deepEqual(s.aws.calls.find((c) => c.op === 'DescribeImages')!.body, { repositoryName: 'web', imageIds: [{ imageTag: 'abc1234' }] });
    assert.deepEqual(runner.runs.filter((x) => x.command !== 'git'), []);
    s.checkInvariants(r);
  });

  test('6. register rejected (ClientException): the API message, no UpdateService', async () => {
    (s.aws.handlers as Record<string, Handler>).RegisterTaskDefinition = () => ({ error: 'ClientException', message: 'Invalid setting for container app: memory must be greater than 6 MiB.' });
    const { result } = s.run();
    const r = await result;
    assert.equal(r.outcome, 'failed');
    assert.equal(r.message, 'ClientException: Invalid setting for container app: memory must be greater than 6 MiB.');
    assert.deepEqual(r.done, [`Pushed ${r.image} (sha256:${'d'.repeat(64)}).`]);
    s.checkInvariants(r);
  });

  test('7. service missing: stops before building anything', async () => {
    (s.aws.handlers as Record<string, Handler>).DescribeServices = () => ({ body: { services: [], failures: [{ arn: 'arn:aws:ecs:eu-west-1:1:service/prod/web', reason: 'MISSING' }] } });
    const { result, runner } = s.run();
    const r = await result;
    assert.equal(r.outcome, 'failed');
    assert.equal(r.message, 'The service "web" was not found in cluster "prod" (MISSING). Nothing was done.');
    assert.deepEqual(runner.runs, []);
    s.checkInvariants(r);
  });

  test('CODE_DEPLOY and EXTERNAL are refused with why and what to use, before any build', async () => {
    for (const type of ['CODE_DEPLOY', 'EXTERNAL']) {
      s.aws.calls.length = 0;
      (s.aws.handlers as Record<string, Handler>).DescribeServices = () => ({ body: { services: [service([], [], { deploymentController: { type } })] } });
      const { result, runner } = s.run();
      const r = await result;
      assert.equal(r.outcome, 'refused');
      assert.match(r.message, new RegExp(`uses the ${type} deployment controller`));
      assert.match(r.message, type === 'CODE_DEPLOY' ? /ECS rejects an UpdateService .* move it to ECS's own blue\/green deployments .*Nothing was done\.$/ : /UpdateService cannot change its task definition\. .*Nothing was done\.$/);
      assert.ok(!s.aws.ops().includes('UpdateService'));
      assert.deepEqual(runner.runs, []);
      s.checkInvariants(r);
    }
  });

  test('8. UpdateService rejected: the revision stays registered, the hint says so', async () => {
    (s.aws.handlers as Record<string, Handler>).UpdateService = () => ({ error: 'InvalidParameterException', message: 'Task definition does not support launch_type FARGATE.' });
    const { result } = s.run();
    const r = await result;
    assert.equal(r.outcome, 'failed');
    assert.equal(r.message, 'InvalidParameterException: Task definition does not support launch_type FARGATE.');
    assert.deepEqual(r.hints, ['web:8 stays registered (revisions are never deregistered); the service was not changed.']);
    assert.ok(!existsSync(join(s.ws.dir, '.berth', 'deploy-history.json')), 'no history entry for a deploy that did not reach the service');
    s.checkInvariants(r);
  });

  test('9. circuit breaker: FAILED rollout is reported as a failed deploy, with the events that explain it', async () => {
    (s.aws.handlers as Record<string, Handler>).DescribeServices = watchSequence([
      service(
        [
          { id: 'ecs-svc/3', status: 'PRIMARY', taskDefinition: OLD, desiredCount: 2, runningCount: 2, rolloutState: 'IN_PROGRESS' },
          { id: 'ecs-svc/2', status: 'ACTIVE', taskDefinition: NEW, desiredCount: 0, runningCount: 0, failedTasks: 3, rolloutState: 'FAILED', rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.' },
        ],
        [{ id: 'ev9', createdAt: 5, message: '(service web) (deployment ecs-svc/2) deployment failed: tasks failed to start.' }, ...steady.events],
      ),
    ]);
    const { result } = s.run();
    const r = await result;
    assert.equal(r.outcome, 'rolled-back');
    assert.match(r.message, /^The deploy FAILED: Rollout FAILED: ECS deployment circuit breaker: tasks failed to start\. The circuit breaker rolled the service back to web:7\. Latest service events: \(service web\) \(deployment ecs-svc\/2\) deployment failed/);
    assert.ok(s.events.some((e) => e.type === 'service-event' && /deployment failed/.test(e.message)));
    assert.equal(JSON.parse(readFileSync(join(s.ws.dir, '.berth', 'deploy-history.json'), 'utf8')).targets.web[0].outcome, 'failed');
    s.checkInvariants(r);
  });

  test('10. timeout while old tasks drain: timed out, with the deregistration-delay hint', async () => {
    (s.aws.handlers as Record<string, Handler>).DescribeServices = watchSequence([
      service([
        { id: 'ecs-svc/2', status: 'PRIMARY', taskDefinition: NEW, desiredCount: 2, runningCount: 2, rolloutState: 'IN_PROGRESS' },
        { id: 'ecs-svc/1', status: 'ACTIVE', taskDefinition: OLD, desiredCount: 0, runningCount: 2, rolloutState: 'COMPLETED' },
      ]),
    ]);
    const { result } = s.run({ timeoutMinutes: 0.002 });
    const r = await result;
    assert.equal(r.outcome, 'timed-out');
    assert.match(r.message, /did not finish within 0\.002 minute\(s\).*deregistration delay \(300 seconds by default\)/);
    const polls = s.aws.ops().filter((o) => o === 'DescribeServices').length;
    assert.ok(polls >= 3 && polls < 100, `bounded polling (${polls})`);
    s.checkInvariants(r);
  });

  test('11a. cancel mid-push: the push is stopped, nothing registered, the auth file deleted', async () => {
    const controller = new AbortController();
    const { result, runner } = s.run({
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
    assert.ok(!s.aws.ops().includes('RegisterTaskDefinition'));
    assert.ok(!existsSync(runner.runs.at(-1)!.env!.DOCKER_CONFIG!));
    s.checkInvariants(r);
  });

  test('11b. cancel mid-watch: says UpdateService was done and ECS goes on', async () => {
    const controller = new AbortController();
    (s.aws.handlers as Record<string, Handler>).DescribeServices = (_b, n) => {
      if (n === 3) controller.abort();
      return { body: { services: [n < 2 ? steady : service([{ id: 'ecs-svc/2', status: 'PRIMARY', taskDefinition: NEW, desiredCount: 2, runningCount: 1, rolloutState: 'IN_PROGRESS' }])] } };
    };
    const { result } = s.run({ signal: controller.signal });
    const r = await result;
    assert.equal(r.outcome, 'cancelled');
    assert.match(r.message, /Stopped watching\. UpdateService was already called: ECS goes on rolling out web:8/);
    assert.deepEqual(r.done.map((d) => d.split(' ')[0]), ['Pushed', 'Registered', 'Updated']);
    s.checkInvariants(r);
  });

  test('throttling during the watch is retried by the SDK; a lasting error says the update was done', async () => {
    let polls = 0;
    const done = service([{ id: 'ecs-svc/2', status: 'PRIMARY', taskDefinition: NEW, desiredCount: 2, runningCount: 2, rolloutState: 'COMPLETED' }]);
    (s.aws.handlers as Record<string, Handler>).DescribeServices = (_b, n) =>
      n < 2 ? { body: { services: [steady] } } : polls++ === 0 ? { error: 'ThrottlingException', message: 'Rate exceeded' } : { body: { services: [done] } };
    const r = await s.run({ maxAttempts: 3 }).result;
    assert.equal(r.outcome, 'completed', r.message);
    assert.equal(polls, 2, 'one throttled poll, retried once by the SDK');
    s.checkInvariants(r);

    s.aws.calls.length = 0;
    let described = 0;
    (s.aws.handlers as Record<string, Handler>).DescribeServices = () => (described++ < 2 ? { body: { services: [steady] } } : { error: 'AccessDeniedException', message: 'User is not authorized to perform: ecs:DescribeServices' });
    const lost = await s.run().result;
    assert.equal(lost.outcome, 'failed');
    assert.match(lost.message, /^Lost track of the rollout: Access denied: .* UpdateService was already called; ECS goes on rolling out web:\d+\./);
    s.checkInvariants(lost);
  });

  test('12. untrusted workspace: refused, nothing called', async () => {
    const { result, runner } = s.run({ trusted: false });
    const r = await result;
    assert.equal(r.outcome, 'refused');
    assert.match(r.message, /untrusted workspace/);
    assert.deepEqual(s.aws.ops(), []);
    assert.deepEqual(runner.runs, []);
  });

  test('lint errors block unless "deploy anyway"; confirm: true targets ask before anything is written', async () => {
    let r = await s.run({ linter: () => ['td.json:3:5: bad (ecs/x)'], confirm: async () => false }).result;
    assert.equal(r.outcome, 'declined');
    assert.match(r.message, /Berth found 1 error\(s\).*first: td\.json:3:5: bad/);
    assert.deepEqual(s.aws.ops(), []);

    s.workspace({ confirm: true });
    const asked: string[] = [];
    r = await s.run({ confirm: async (q) => (asked.push(q.message), false) }).result;
    assert.equal(r.outcome, 'declined');
    assert.deepEqual(asked, [`Deploy "web" to service web in cluster prod, account ${ACCOUNT}, region eu-west-1?`]);
    assert.deepEqual(s.aws.ops(), ['GetCallerIdentity', 'DescribeServices']);
    s.checkInvariants(r);
  });
});

