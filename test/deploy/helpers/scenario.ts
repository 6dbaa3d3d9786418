/**
 * The scripted-AWS scenario harness shared by the engine's scenario tests: a live ECS service "web" in cluster
 * "prod" on web:7 behind an IMMUTABLE repository, the happy answers of every read and write, a fresh workspace per
 * test, a recording fake container CLI, and the invariants every deploy keeps.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach } from 'node:test';
import { deploy } from '../../../server/src/deploy/engine';
import type { DeployOptions, DeployResult, ProgressEvent } from '../../../server/src/deploy/types';
import { startScriptedAws, type Handler, type ScriptedAws } from './scriptedAws';
import { ACCOUNT, fakeRunner, makeWorkspace, REGISTRY_PASSWORD, SECRET_KEY, useAwsEnv, type FakeBehaviour } from './workspace';

export const OLD = `arn:aws:ecs:eu-west-1:${ACCOUNT}:task-definition/web:7`;
export const NEW = `arn:aws:ecs:eu-west-1:${ACCOUNT}:task-definition/web:8`;
export const HOST = `${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com`;
export const WRITE_OPS = ['CreateRepository', 'RegisterTaskDefinition', 'UpdateService', 'DeregisterTaskDefinition', 'PutImage', 'DeleteRepository', 'StopServiceDeployment', 'CreateExpressGatewayService', 'UpdateExpressGatewayService', 'UpdateFunctionCode', 'PublishVersion', 'UpdateAlias', 'CreateAlias'];

export const service = (deployments: object[], events: object[] = [], extra: object = {}) => ({
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
export const steady = service([{ id: 'ecs-svc/1', status: 'PRIMARY', taskDefinition: OLD, desiredCount: 2, runningCount: 2, rolloutState: 'COMPLETED' }], [{ id: 'ev0', createdAt: 1, message: '(service web) has reached a steady state.' }]);

export function happyHandlers(): Record<string, Handler> {
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
export function watchSequence(watch: object[], before: object = steady): Handler {
  return (_body, n) => ({ body: { services: [n < 2 ? before : watch[Math.min(n - 2, watch.length - 1)]], failures: [] } });
}

export interface Scenario {
  aws: ScriptedAws;
  ws: { dir: string; cleanup(): void };
  events: ProgressEvent[];
  /** Starts a deploy of "web" against the scripted AWS with a fake container CLI (lint gate passes). */
  run(extra?: Partial<DeployOptions> & { behaviour?: FakeBehaviour; image?: Record<string, unknown> }): { result: Promise<DeployResult>; runner: ReturnType<typeof fakeRunner> };
  /** Replaces the workspace (target settings, task definition). */
  workspace(target?: Record<string, unknown>, taskDefinition?: unknown): void;
  /** The invariants of every deploy: no deregistration, no write after a failed step, no secret anywhere. */
  checkInvariants(result: DeployResult): void;
  /** Sets a handler. */
  on(op: string, handler: Handler): void;
}

/** Registers beforeEach/afterEach hooks for the file and returns the scenario they keep up to date. */
export function useScenario(): Scenario {
  let restoreEnv: () => void;
  const s = {} as Scenario;
  s.workspace = (target, taskDefinition) => {
    s.ws?.cleanup();
    s.ws = taskDefinition === undefined ? makeWorkspace(target) : makeWorkspace(target, taskDefinition);
  };
  s.on = (op, handler) => {
    s.aws.handlers[op] = handler;
  };
  s.run = (extra = {}) => {
    const runner = fakeRunner(extra.behaviour, undefined, extra.image);
    const options: DeployOptions = {
      workspace: s.ws.dir,
      endpoint: s.aws.endpoint,
      runner,
      env: { ...process.env, PATH: '/usr/local/bin:/usr/bin:/bin' },
      containerCli: 'podman',
      pollIntervalMs: 5,
      maxAttempts: 1,
      onProgress: (e) => s.events.push(e),
      // The lint gate passes unless a test says otherwise (test/deploy/gate.test.ts runs the real one).
      linter: () => [],
      ...extra,
    };
    return { result: deploy('web', options), runner };
  };
  s.checkInvariants = (result) => {
    const ops = s.aws.ops();
    assert.ok(!ops.includes('DeregisterTaskDefinition'), 'never deregisters');
    if (ops.includes('UpdateService')) {
      // UpdateService only ever follows a push whose digest was read and a successful registration.
      assert.ok(result.digest && result.taskDefinitionArn, `UpdateService after a failed step (${result.outcome}: ${result.message})`);
      assert.ok(ops.indexOf('UpdateService') > ops.indexOf('RegisterTaskDefinition'));
    }
    for (const write of ['UpdateExpressGatewayService', 'CreateExpressGatewayService', 'UpdateFunctionCode']) {
      if (ops.includes(write)) assert.ok(result.digest, `${write} without a pushed digest (${result.outcome}: ${result.message})`);
    }
    if (ops.includes('PublishVersion')) assert.ok(ops.indexOf('PublishVersion') > ops.lastIndexOf('GetFunctionConfiguration'), 'a version is published only after the update was seen to succeed');
    assert.ok(result.message.length > 0);
    const all = JSON.stringify({ result, events: s.events }) + JSON.stringify(s.aws.calls.map((c) => c.raw));
    assert.ok(!all.includes(SECRET_KEY), 'the secret key never appears');
    assert.ok(!all.includes(REGISTRY_PASSWORD), 'the registry password never appears');
  };
  beforeEach(async () => {
    restoreEnv = useAwsEnv();
    s.aws = await startScriptedAws(happyHandlers());
    s.ws = makeWorkspace();
    s.events = [];
  });
  afterEach(async () => {
    await s.aws.close();
    s.ws.cleanup();
    restoreEnv();
  });
  return s;
}
