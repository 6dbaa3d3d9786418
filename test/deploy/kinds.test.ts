/**
 * Express Mode and Lambda targets against the scripted AWS endpoint (awsJson for ECS, restJson for Lambda,
 * awsQuery for IAM), with the fake container CLI: create or update an Express service and watch it to ACTIVE with
 * its URL; update a container-image function by digest, wait, publish a version and move the alias. Every failure
 * ends with its reason and the true final state.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HOST, useScenario } from './helpers/scenario';
import { ACCOUNT } from './helpers/workspace';

const s = useScenario();
const DIGEST = `sha256:${'d'.repeat(64)}`;
const NOT_ECS = { containerName: undefined, taskDefinition: undefined, cluster: undefined };
const EXEC = `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`;
const INFRA = `arn:aws:iam::${ACCOUNT}:role/ecsInfrastructureRoleForExpressServices`;
const EXPRESS_ARN = `arn:aws:ecs:eu-west-1:${ACCOUNT}:service/default/web`;
const SD_ARN = `arn:aws:ecs:eu-west-1:${ACCOUNT}:service-deployment/default/web/Xyz`;
const trust = (service: string) => encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] }));

/** The roles exist, trust their services, and the deployer may pass them. */
function rolesAllowed(trusts: Record<string, string> = { ecsTaskExecutionRole: 'ecs-tasks.amazonaws.com', ecsInfrastructureRoleForExpressServices: 'ecs.amazonaws.com' }): void {
  s.on('GetRole', (b) => ({ body: { Role: { RoleName: b.RoleName, Arn: `arn:aws:iam::${ACCOUNT}:role/${b.RoleName as string}`, Path: '/', RoleId: 'AROA', CreateDate: new Date(0), AssumeRolePolicyDocument: trust(trusts[b.RoleName as string] ?? 'nobody') } } }));
  s.on('SimulatePrincipalPolicy', (b) => ({ body: { EvaluationResults: [{ EvalActionName: 'iam:PassRole', EvalResourceName: b['ResourceArns.member.1'], EvalDecision: 'allowed' }], IsTruncated: false } }));
}

function expressService(image: string, status = 'ACTIVE', extra: object = {}) {
  return {
    serviceName: 'web',
    serviceArn: EXPRESS_ARN,
    cluster: 'default',
    status: { statusCode: status },
    activeConfigurations: [{ createdAt: 1, primaryContainer: { image, containerPort: 8080, environment: [{ name: 'MODE', value: 'prod' }], command: ['serve'] }, ingressPaths: [{ accessType: 'PUBLIC', endpoint: 'web-abc123.ecs.eu-west-1.on.aws' }] }],
    ...extra,
  };
}

describe('Express Mode targets', () => {
  const target = { ...NOT_ECS, kind: 'express', executionRoleArn: EXEC, infrastructureRoleArn: INFRA, containerPort: 8080 };
  const pushed = `${HOST}/web@${DIGEST}`;

  test('first deploy: asks, creates the service with the pushed image, watches its deployment to ACTIVE and shows the URL', async () => {
    s.workspace(target);
    rolesAllowed();
    let created = false;
    s.on('DescribeExpressGatewayService', () => (created ? { body: { service: expressService(pushed) } } : { error: 'ResourceNotFoundException', message: 'The specified resource was not found.' }));
    s.on('CreateExpressGatewayService', (b) => {
      created = true;
      return { body: { service: { serviceName: b.serviceName, serviceArn: EXPRESS_ARN, status: { statusCode: 'ACTIVE' }, currentDeployment: SD_ARN } } };
    });
    let polls = 0;
    s.on('DescribeServiceDeployments', () => ({ body: { serviceDeployments: [{ serviceDeploymentArn: SD_ARN, deploymentConfiguration: { strategy: 'CANARY', canaryConfiguration: { canaryPercent: 5, canaryBakeTimeInMinutes: 3 } }, ...(polls++ < 1 ? { status: 'IN_PROGRESS', lifecycleStage: 'PRODUCTION_TRAFFIC_SHIFT', targetServiceRevision: { requestedProductionTrafficWeight: 5 } } : { status: 'SUCCESSFUL' }) }] } }));
    const asked: string[] = [];
    const r = await s.run({ confirm: async (q) => (asked.push(q.kind), true) }).result;
    assert.equal(r.outcome, 'completed', r.message);
    assert.equal(r.message, 'web is ACTIVE on the new image: https://web-abc123.ecs.eu-west-1.on.aws.');
    assert.equal(r.url, 'https://web-abc123.ecs.eu-west-1.on.aws');
    assert.deepEqual(asked, ['create-service']);
    assert.deepEqual(s.aws.calls.find((c) => c.op === 'CreateExpressGatewayService')!.body, {
      serviceName: 'web',
      executionRoleArn: EXEC,
      infrastructureRoleArn: INFRA,
      primaryContainer: { image: pushed, containerPort: 8080 },
      cpuArchitecture: 'X86_64',
    });
    assert.deepEqual(s.aws.calls.find((c) => c.op === 'DescribeExpressGatewayService')!.body, { serviceArn: EXPRESS_ARN });
    assert.ok(!s.aws.ops().includes('ListServiceDeployments'), 'the create answered the deployment ARN');
    assert.deepEqual(s.aws.calls.filter((c) => c.op === 'GetRole').map((c) => c.body.RoleName), ['ecsTaskExecutionRole', 'ecsInfrastructureRoleForExpressServices']);
    assert.deepEqual(r.done, [`Pushed ${HOST}/web:${r.image!.split(':').at(-1)} (${DIGEST}).`, `Created the Express service web with ${pushed}.`]);
    assert.ok(s.events.some((e) => e.type === 'stage' && /^CANARY \(5%, the rest after 3 min\) IN_PROGRESS · stage production traffic shift · production traffic 5% new/.test(e.message)));
    s.checkInvariants(r);
  });

  test('update: only the image changes, the container keeps its environment and command; the deployment is found by listing', async () => {
    s.workspace(target);
    rolesAllowed();
    let updated = false;
    s.on('DescribeExpressGatewayService', () => ({ body: { service: expressService(updated ? pushed : `${HOST}/web@sha256:${'0'.repeat(64)}`) } }));
    s.on('UpdateExpressGatewayService', (b) => {
      updated = true;
      return { body: { service: { serviceArn: b.serviceArn, status: { statusCode: 'ACTIVE' } } } };
    });
    s.on('ListServiceDeployments', () => ({ body: { serviceDeployments: [{ serviceDeploymentArn: SD_ARN, createdAt: Date.now() / 1000, status: 'IN_PROGRESS' }] } }));
    s.on('DescribeServiceDeployments', () => ({ body: { serviceDeployments: [{ serviceDeploymentArn: SD_ARN, status: 'SUCCESSFUL' }] } }));
    const r = await s.run().result;
    assert.equal(r.outcome, 'completed', r.message);
    assert.deepEqual(s.aws.calls.find((c) => c.op === 'UpdateExpressGatewayService')!.body, {
      serviceArn: EXPRESS_ARN,
      primaryContainer: { image: pushed, containerPort: 8080, environment: [{ name: 'MODE', value: 'prod' }], command: ['serve'] },
      executionRoleArn: EXEC,
      cpuArchitecture: 'X86_64',
    });
    assert.deepEqual(s.aws.calls.find((c) => c.op === 'ListServiceDeployments')!.body.service, EXPRESS_ARN);
    s.checkInvariants(r);
  });

  test('an Express service that fails to become active: its canary deployment rolled back by the alarm', async () => {
    s.workspace(target);
    rolesAllowed();
    s.on('DescribeExpressGatewayService', () => ({ body: { service: expressService(`${HOST}/web@sha256:${'0'.repeat(64)}`) } }));
    s.on('UpdateExpressGatewayService', () => ({ body: { service: { serviceArn: EXPRESS_ARN } } }));
    s.on('ListServiceDeployments', () => ({ body: { serviceDeployments: [{ serviceDeploymentArn: SD_ARN, createdAt: Date.now() / 1000 }] } }));
    s.on('DescribeServiceDeployments', () => ({ body: { serviceDeployments: [{ serviceDeploymentArn: SD_ARN, status: 'ROLLBACK_SUCCESSFUL', deploymentConfiguration: { strategy: 'CANARY' }, alarms: { status: 'TRIGGERED', triggeredAlarmNames: ['web-4xx-5xx'] } }] } }));
    const r = await s.run().result;
    assert.equal(r.outcome, 'rolled-back');
    assert.equal(r.message, `The Express service web did not become active on ${pushed}: The CANARY deployment was rolled back: CloudWatch alarm web-4xx-5xx went into ALARM.`);
    s.checkInvariants(r);

    s.aws.calls.length = 0;
    s.on('ListServiceDeployments', () => ({ error: 'AccessDeniedException', message: 'not authorized to perform ecs:ListServiceDeployments' }));
    let described = 0;
    s.on('DescribeExpressGatewayService', () => ({ body: { service: expressService(pushed, 'ACTIVE', described++ < 1 ? {} : { status: { statusCode: 'INACTIVE', statusReason: 'Service creation failed: subnet has no route' } }) } }));
    const gone = await s.run().result;
    assert.equal(gone.outcome, 'failed');
    assert.equal(gone.message, 'The Express service web did not become active: it is INACTIVE (Service creation failed: subnet has no route).');
  });

  test('creation declined: the image stays pushed, nothing else; an infrastructure role that does not trust ECS stops before the push', async () => {
    s.workspace(target);
    rolesAllowed();
    s.on('DescribeExpressGatewayService', () => ({ error: 'ResourceNotFoundException', message: 'missing' }));
    const r = await s.run({ confirm: async () => false }).result;
    assert.equal(r.outcome, 'declined');
    assert.match(r.message, /^The Express service "web" does not exist and was not created\. .* was pushed; nothing was deployed\.$/);
    assert.ok(!s.aws.ops().includes('CreateExpressGatewayService'));

    s.aws.calls.length = 0;
    rolesAllowed({ ecsTaskExecutionRole: 'ecs-tasks.amazonaws.com', ecsInfrastructureRoleForExpressServices: 'ecs-tasks.amazonaws.com' });
    const { result, runner } = s.run({ confirm: async () => true });
    const bad = await result;
    assert.equal(bad.outcome, 'failed');
    assert.equal(bad.message, "The preflight stopped the deploy before anything was pushed: The infrastructure role ecsInfrastructureRoleForExpressServices does not trust ecs.amazonaws.com (add it as a principal of the role's trust policy with sts:AssumeRole). Nothing was done.");
    assert.deepEqual(runner.runs.filter((x) => x.command === 'podman'), []);
    s.checkInvariants(bad);
  });
});

describe('Lambda image targets', () => {
  const FN_ARN = `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:worker`;
  const target = { ...NOT_ECS, service: undefined, kind: 'lambda', function: 'worker', alias: 'live' };
  const config = (extra: object = {}) => ({ FunctionName: 'worker', FunctionArn: FN_ARN, PackageType: 'Image', Architectures: ['arm64'], State: 'Active', LastUpdateStatus: 'Successful', RevisionId: 'rev-1', CodeSha256: 'old', ...extra });
  const BASE_IMAGE = { Entrypoint: ['/lambda-entrypoint.sh'], Cmd: ['app.handler'], Env: ['LAMBDA_TASK_ROOT=/var/task', 'LAMBDA_RUNTIME_DIR=/var/runtime'] };

  function lambda(updates: object[] = [{ LastUpdateStatus: 'InProgress' }, { LastUpdateStatus: 'Successful', CodeSha256: 'new-sha' }]): void {
    s.on('GetFunction', () => ({ body: { Configuration: config(), Code: { RepositoryType: 'ECR', ImageUri: `${HOST}/web:old` } } }));
    s.on('GetAlias', () => ({ body: { Name: 'live', FunctionVersion: '4', AliasArn: `${FN_ARN}:live` } }));
    s.on('UpdateFunctionCode', () => ({ body: config({ LastUpdateStatus: 'InProgress' }) }));
    let n = 0;
    s.on('GetFunctionConfiguration', () => ({ body: config(updates[Math.min(n++, updates.length - 1)]) }));
    s.on('PublishVersion', () => ({ status: 201, body: config({ Version: '5', CodeSha256: 'new-sha' }) }));
    s.on('UpdateAlias', (b) => ({ body: { Name: 'live', FunctionVersion: b.FunctionVersion } }));
  }

  test('builds for the function architecture, updates by digest, waits, publishes a version and moves the alias', async () => {
    s.workspace(target);
    lambda();
    const { result, runner } = s.run({ image: BASE_IMAGE });
    const r = await result;
    assert.equal(r.outcome, 'completed', r.message);
    assert.equal(r.message, `worker:live runs version 5 (${r.image}, ${DIGEST}).`);
    assert.deepEqual(runner.runs.find((x) => x.args[0] === 'build')!.args.slice(0, 3), ['build', '--platform', 'linux/arm64']);
    assert.deepEqual(s.aws.calls.find((c) => c.op === 'UpdateFunctionCode')!.body, { FunctionName: 'worker', ImageUri: `${HOST}/web@${DIGEST}`, RevisionId: 'rev-1' });
    assert.equal(s.aws.calls.find((c) => c.op === 'PublishVersion')!.body.CodeSha256, 'new-sha', 'publishes exactly the code that was checked');
    assert.deepEqual(s.aws.calls.find((c) => c.op === 'UpdateAlias')!.body, { FunctionName: 'worker', Name: 'live', FunctionVersion: '5' });
    assert.deepEqual(r.done.slice(1), [`Updated the code of function worker to ${HOST}/web@${DIGEST}.`, 'Published version 5 of worker.', 'Moved alias live from version 4 to 5.']);
    assert.equal(r.functionVersion, '5');
    assert.ok(r.preflight!.some((c) => c.id === 'runtime-client' && c.status === 'passed'), JSON.stringify(r.preflight));
    s.checkInvariants(r);
  });

  test('a Lambda update that fails: the reason, no version, the alias left where it was', async () => {
    s.workspace(target);
    lambda([{ LastUpdateStatus: 'InProgress' }, { LastUpdateStatus: 'Failed', LastUpdateStatusReason: 'The image manifest or layer media type for the source image is not supported.', LastUpdateStatusReasonCode: 'ImageNotSupported' }]);
    const r = await s.run({ image: BASE_IMAGE }).result;
    assert.equal(r.outcome, 'failed');
    assert.equal(r.message, 'Lambda could not update worker: The image manifest or layer media type for the source image is not supported (ImageNotSupported). The function was not updated to the new image; no version was published and the alias live was not moved.');
    assert.ok(!s.aws.ops().includes('PublishVersion') && !s.aws.ops().includes('UpdateAlias'));
    s.checkInvariants(r);
  });

  test('preflight: a target platform the function cannot run, a built image of another architecture, an image that starts nothing', async () => {
    s.workspace({ ...target, platform: 'linux/amd64' });
    lambda();
    let run = s.run();
    let r = await run.result;
    assert.equal(r.outcome, 'failed');
    assert.match(r.message, /^The preflight stopped the deploy before anything was pushed: The target builds for linux\/amd64, but function worker \(arm64\) runs linux\/arm64/);
    assert.deepEqual(run.runner.runs.filter((x) => x.command === 'podman'), [], 'stopped before the login and the build');

    s.workspace(target);
    run = s.run({ behaviour: (_c, args) => (args[0] === 'image' && args[1] === 'inspect' ? { stdout: JSON.stringify([{ Os: 'linux', Architecture: 'amd64', Config: BASE_IMAGE }]) } : undefined) });
    r = await run.result;
    assert.equal(r.outcome, 'failed');
    assert.equal(r.message, 'The preflight stopped the deploy before anything was pushed: The built image is linux/amd64, but function worker (arm64) runs linux/arm64: it would not start. Build it for linux/arm64 (a base image in the Dockerfile may pin another platform, or the builder reused a cached image of another platform). Nothing was done.');
    assert.ok(!run.runner.runs.some((x) => x.args[0] === 'push'), 'nothing pushed');

    run = s.run({ behaviour: (_c, args) => (args[0] === 'image' && args[1] === 'inspect' ? { stdout: JSON.stringify([{ Os: 'linux', Architecture: 'arm64', Config: {} }]) } : undefined) });
    r = await run.result;
    assert.equal(r.outcome, 'failed');
    assert.match(r.message, /the image has no ENTRYPOINT or CMD, and the function sets no ImageConfig, so Lambda has nothing to start/i);
    assert.ok(!run.runner.runs.some((x) => x.args[0] === 'push'));
    assert.ok(!s.aws.ops().includes('UpdateFunctionCode'));
  });

  test('an image Berth cannot vouch for asks first (no runtime interface client found, history read); a .zip function is refused', async () => {
    s.workspace(target);
    lambda();
    const asked: string[] = [];
    const run = s.run({ confirm: async (q) => (asked.push(q.kind), false), behaviour: (_c, args) => (args[0] === 'image' && args[1] === 'inspect' ? { stdout: JSON.stringify([{ Os: 'linux', Architecture: 'arm64', Config: { Cmd: ['node', 'server.js'] } }]) } : undefined) });
    const r = await run.result;
    assert.equal(r.outcome, 'declined');
    assert.deepEqual(asked, ['preflight-warnings']);
    assert.ok(run.runner.runs.some((x) => x.args.slice(0, 2).join(' ') === 'image history'));
    assert.match(r.message, /^Stopped at the preflight's warning\(s\): "node server\.js" is not an AWS Lambda base image .* Nothing was pushed\.$/);
    assert.ok(!run.runner.runs.some((x) => x.args[0] === 'push'));

    s.aws.calls.length = 0;
    s.on('GetFunction', () => ({ body: { Configuration: config({ PackageType: 'Zip', Runtime: 'nodejs22.x' }) } }));
    const zip = await s.run().result;
    assert.equal(zip.outcome, 'refused');
    assert.match(zip.message, /^The function "worker" is a \.zip function \(PackageType Zip\): a lambda target deploys container images\./);
    assert.deepEqual(s.aws.ops(), ['GetCallerIdentity', 'GetFunction']);
  });

  test('cancel while waiting: UpdateFunctionCode was called, the alias was not moved', async () => {
    s.workspace(target);
    lambda([{ LastUpdateStatus: 'InProgress' }]);
    const controller = new AbortController();
    const r = await s.run({ image: BASE_IMAGE, signal: controller.signal, onProgress: (e) => e.type === 'rollout' && controller.abort() }).result;
    assert.equal(r.outcome, 'cancelled');
    assert.equal(r.message, `Stopped waiting. UpdateFunctionCode was already called: Lambda goes on updating worker to ${DIGEST} on its own; the alias live was not moved.`);
    s.checkInvariants(r);
  });
});
