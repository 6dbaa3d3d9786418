/** The pure preflight and image judgements (core/deploy/preflight.ts, core/deploy/image.ts), check by check. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { imagePlatform, lambdaRuntimeClient, parseImageInspect, tagIsImmutable } from '../../server/src/core/deploy/image';
import { checkImage, checkLoadBalancers, checkPlatform, checkRoles, checkRuntimeClient, checkTag, checkTargetTypes, preflightChecks, trustsService } from '../../server/src/core/deploy/preflight';
import { principalArn } from '../../server/src/deploy/steps/preflight';

const TG = (name: string) => `arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/${name}/0123456789abcdef`;
const ROLE = (name: string) => `arn:aws:iam::123456789012:role/${name}`;

describe('tag mutability', () => {
  test('IMMUTABLE and MUTABLE, and the exclusion filters that turn them around for matching tags', () => {
    assert.equal(tagIsImmutable(undefined, 'abc'), true, 'a repository Berth creates is IMMUTABLE');
    assert.equal(tagIsImmutable({ imageTagMutability: 'MUTABLE' }, 'abc'), false);
    const excl = [{ filterType: 'WILDCARD', filter: 'latest*' }, { filterType: 'WILDCARD', filter: 'dev-*-x' }];
    assert.equal(tagIsImmutable({ imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION', imageTagMutabilityExclusionFilters: excl }, 'latest-2'), false);
    assert.equal(tagIsImmutable({ imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION', imageTagMutabilityExclusionFilters: excl }, 'dev-a.b-x'), false);
    assert.equal(tagIsImmutable({ imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION', imageTagMutabilityExclusionFilters: excl }, 'abc1234'), true);
    assert.equal(tagIsImmutable({ imageTagMutability: 'MUTABLE_WITH_EXCLUSION', imageTagMutabilityExclusionFilters: [{ filterType: 'WILDCARD', filter: 'v*' }] }, 'v1.2'), true);
    assert.equal(tagIsImmutable({ imageTagMutability: 'MUTABLE_WITH_EXCLUSION', imageTagMutabilityExclusionFilters: [{ filterType: 'WILDCARD', filter: 'v*' }] }, 'abc'), false);
  });

  test('checkTag: an existing immutable tag fails, a mutable one warns, a new one passes', () => {
    assert.equal(checkTag('web', { imageTagMutability: 'IMMUTABLE' }, 'abc', true).status, 'failed');
    assert.match(checkTag('web', { imageTagMutability: 'IMMUTABLE' }, 'abc', true).message, /^The tag abc already exists in web, whose tags are immutable: this commit was pushed before\./);
    assert.equal(checkTag('web', { imageTagMutability: 'MUTABLE' }, 'abc', true).status, 'warning');
    assert.equal(checkTag('web', { imageTagMutability: 'MUTABLE' }, 'abc', false).status, 'passed');
    assert.equal(checkTag('web', undefined, 'abc', false).status, 'passed');
    assert.equal(checkTag('web', { imageTagMutability: 'IMMUTABLE' }, 'abc', undefined).status, 'skipped');
  });
});

describe('platform and image', () => {
  test('checkPlatform: the target platform against runtimePlatform or the function', () => {
    assert.equal(checkPlatform('linux/arm64', { platform: 'linux/arm64', source: "the task definition's runtimePlatform" }).status, 'passed');
    const bad = checkPlatform('linux/amd64', { platform: 'linux/arm64', source: 'function worker (arm64)' });
    assert.deepEqual([bad.status, bad.message], ['failed', 'The target builds for linux/amd64, but function worker (arm64) runs linux/arm64: the image would not start. Remove platform from the target (Berth then builds for linux/arm64) or set it to linux/arm64.']);
    assert.equal(checkPlatform('linux/amd64', undefined).status, 'passed');
  });

  test('image inspect output, as docker and podman print it', () => {
    const podman = JSON.stringify([{ Architecture: 'arm64', Os: 'linux', Config: { Env: ['PATH=/bin', 'LAMBDA_TASK_ROOT=/var/task'], Cmd: ['app.handler'], Entrypoint: ['/lambda-entrypoint.sh'] } }]);
    assert.deepEqual(parseImageInspect(podman), { os: 'linux', architecture: 'arm64', entrypoint: ['/lambda-entrypoint.sh'], cmd: ['app.handler'], env: ['PATH=/bin', 'LAMBDA_TASK_ROOT=/var/task'] });
    assert.equal(imagePlatform(parseImageInspect(JSON.stringify([{ Architecture: 'x86_64', Os: 'linux', Config: { Cmd: null } }]))!), 'linux/amd64');
    assert.equal(parseImageInspect('not json'), undefined);
    assert.equal(checkImage(parseImageInspect(podman), 'linux/arm64').status, 'passed');
    const wrong = checkImage({ os: 'linux', architecture: 'amd64' }, 'linux/arm64', { platform: 'linux/arm64', source: "the task definition's runtimePlatform" });
    assert.deepEqual([wrong.status, wrong.message], ['failed', "The built image is linux/amd64, but the task definition's runtimePlatform runs linux/arm64: it would not start. Build it for linux/arm64 (a base image in the Dockerfile may pin another platform, or the builder reused a cached image of another platform)."]);
    const unknown = checkImage({ os: 'linux', architecture: 'arm64' }, 'linux/amd64');
    assert.deepEqual([unknown.status, unknown.message], ['warning', "The built image is linux/arm64, though the build asked for linux/amd64 (a base image in the Dockerfile may pin another platform, or the builder reused a cached image of another platform); Berth cannot tell which platform the service's instances run."]);
    assert.equal(checkImage(undefined, 'linux/arm64').status, 'skipped');
  });

  test('the Lambda runtime interface client: missing only when nothing starts; unknown never blocks', () => {
    assert.equal(lambdaRuntimeClient({ env: ['LAMBDA_RUNTIME_DIR=/var/runtime'], cmd: ['app.handler'] }).state, 'ok');
    assert.equal(lambdaRuntimeClient({ entrypoint: ['/usr/local/bin/python', '-m', 'awslambdaric'], cmd: ['app.handler'] }).state, 'ok');
    assert.equal(lambdaRuntimeClient({ cmd: ['/main'], history: ['/bin/sh -c npm install aws-lambda-ric'] }).state, 'ok', 'installed in a build step');
    assert.equal(lambdaRuntimeClient({}).state, 'missing');
    assert.equal(lambdaRuntimeClient({}, { command: ['/main'] }).state, 'unknown', "the function's ImageConfig starts something Berth cannot judge");
    assert.equal(lambdaRuntimeClient({ cmd: ['/main'] }).state, 'unknown');
    assert.equal(checkRuntimeClient({}, {}).status, 'failed');
    assert.equal(checkRuntimeClient({ cmd: ['node', 'server.js'] }, {}).status, 'warning');
    assert.match(checkRuntimeClient({ cmd: ['node', 'server.js'] }, {}).message, /^"node server\.js" is not an AWS Lambda base image or a known runtime interface client/);
  });
});

describe('the live service against the new task definition', () => {
  test('target type: awsvpc needs ip, bridge and host need instance', () => {
    assert.equal(checkTargetTypes('awsvpc', [{ arn: TG('blue'), targetType: 'ip' }, { arn: TG('green'), targetType: 'ip' }]).status, 'passed');
    const bad = checkTargetTypes('awsvpc', [{ arn: TG('blue'), targetType: 'ip' }, { arn: TG('green'), targetType: 'instance' }]);
    assert.deepEqual([bad.status, bad.message], ['failed', "Network mode awsvpc registers tasks by IP address, but the service's target group green (target type instance) does not: ECS cannot register the new tasks. Use target groups of type ip, or change the task's networkMode."]);
    assert.equal(checkTargetTypes(undefined, [{ arn: TG('blue'), targetType: 'ip' }]).status, 'failed', 'no networkMode is bridge');
    assert.equal(checkTargetTypes('host', [{ arn: TG('blue'), targetType: 'instance' }]).status, 'passed');
    assert.equal(checkTargetTypes('awsvpc', []).status, 'passed');
  });

  test("load balancers: the container and port the service routes to exist in the new revision", () => {
    const td = { containerDefinitions: [{ name: 'app', portMappings: [{ containerPort: 8080 }] }, { name: 'sidecar' }] };
    assert.equal(checkLoadBalancers([{ containerName: 'app', containerPort: 8080, targetGroupArn: TG('blue') }], td).status, 'passed');
    const port = checkLoadBalancers([{ containerName: 'app', containerPort: 80, targetGroupArn: TG('blue') }], td);
    assert.deepEqual([port.status, port.message], ['failed', 'The service sends target group blue to port 80 of container "app", which maps port 8080. Rename the container or add the port mapping in the task definition (a service\'s load balancers change only with UpdateService\'s loadBalancers).']);
    const name = checkLoadBalancers([{ containerName: 'web', containerPort: 8080, targetGroupArn: TG('blue') }], td);
    assert.match(name.message, /^The service sends target group blue to container "web", which the task definition does not have \(its containers: "app", "sidecar"\)/);
  });

  test('roles: trust policies, PassRole, and what could not be checked', () => {
    const trust = encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: ['ecs-tasks.amazonaws.com'] }, Action: 'sts:AssumeRole' }] }));
    assert.equal(trustsService(trust, 'ecs-tasks.amazonaws.com'), true);
    assert.equal(trustsService(trust, 'ecs.amazonaws.com'), false);
    assert.equal(trustsService(JSON.stringify({ Statement: { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] } }), 'lambda.amazonaws.com'), true, 'plain JSON, one statement');
    assert.equal(trustsService(JSON.stringify({ Statement: [{ Effect: 'Deny', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] }), 'ecs-tasks.amazonaws.com'), false);
    assert.equal(trustsService('%%%', 'x'), undefined);

    const base = { use: 'execution role', principal: 'ecs-tasks.amazonaws.com' };
    assert.equal(checkRoles([{ ...base, arn: ROLE('exec'), exists: true, trusted: true, passRole: 'allowed' }]).status, 'passed');
    assert.equal(checkRoles([{ ...base, arn: ROLE('exec'), exists: false }]).message, 'The execution role exec does not exist (create it, or fix the ARN).');
    assert.equal(checkRoles([{ ...base, arn: ROLE('exec'), exists: true, trusted: false }]).message, "The execution role exec does not trust ecs-tasks.amazonaws.com (add it as a principal of the role's trust policy with sts:AssumeRole).");
    assert.equal(checkRoles([{ ...base, arn: ROLE('exec'), exists: true, trusted: true, passRole: 'denied' }]).message, 'You may not pass the execution role exec (iam:PassRole is denied for your identity).');
    const partly = checkRoles([{ ...base, arn: ROLE('exec'), exists: true, trusted: true, unchecked: 'iam:PassRole not simulated (no permission)' }]);
    assert.deepEqual([partly.status, partly.message], ['skipped', 'Not fully checked: the execution role exec: iam:PassRole not simulated (no permission).']);
    assert.equal(principalArn('arn:aws:sts::123456789012:assumed-role/Deployer/session-1'), 'arn:aws:iam::123456789012:role/Deployer');
    assert.equal(principalArn('arn:aws:iam::123456789012:user/ci'), 'arn:aws:iam::123456789012:user/ci');
    assert.equal(principalArn('arn:aws:iam::123456789012:root'), undefined);
  });

  test('which checks each kind runs, and which judge the built image', () => {
    const t = { name: 't', dockerfile: 'Dockerfile', context: '.', buildArgs: {}, confirm: false, forceNewDeployment: false } as const;
    assert.deepEqual(preflightChecks(t).map((c) => `${c.id}${c.afterBuild ? '*' : ''}`), ['platform', 'tag', 'target-type', 'load-balancer', 'roles', 'image*']);
    assert.deepEqual(preflightChecks({ ...t, kind: 'express' }).map((c) => c.id), ['platform', 'tag', 'roles', 'image']);
    assert.deepEqual(preflightChecks({ ...t, kind: 'lambda' }).map((c) => `${c.id}${c.afterBuild ? '*' : ''}`), ['platform', 'tag', 'image*', 'runtime-client*']);
  });
});
