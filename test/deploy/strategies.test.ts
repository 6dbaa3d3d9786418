/**
 * ECS strategies through the service deployment API, against the scripted AWS endpoint: blue/green, linear and
 * canary deployments shown stage by stage (stage events, traffic, bake timer, hooks), and each failure with its
 * reason and the true final state: a failed lifecycle hook, an alarm during bake time, the user's own "Roll back"
 * during bake time, a linear deployment stopped half way, a rollback asked for from a second run, an endpoint
 * without the API, and a cancel at every step.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { rollback } from '../../server/src/deploy/engine';
import type { ProgressEvent } from '../../server/src/deploy/types';
import { NEW, OLD, service, useScenario } from './helpers/scenario';
import { ACCOUNT } from './helpers/workspace';

const s = useScenario();
const SD_ARN = `arn:aws:ecs:eu-west-1:${ACCOUNT}:service-deployment/prod/web/Abc123`;
const BG = { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5 };

const bg = (taskDefinition: string, extra: object = {}) => service([{ id: 'ecs-svc/2', status: 'PRIMARY', taskDefinition, desiredCount: 2, runningCount: 2, rolloutState: 'IN_PROGRESS' }], [], { taskDefinition, deploymentConfiguration: BG, ...extra });

/** A service on web:7 with the strategy; while it is watched, DescribeServices says web:8 (or `after` once the deployment ends). */
function liveService(deploymentConfiguration: object, after: () => string = () => NEW): void {
  let updated = false;
  s.on('UpdateService', (body) => {
    updated = true;
    return { body: { service: service([{ id: 'ecs-svc/222', status: 'PRIMARY', taskDefinition: body.taskDefinition, desiredCount: 2, runningCount: 0, rolloutState: 'IN_PROGRESS' }], [], { deploymentConfiguration }) } };
  });
  s.on('DescribeServices', () => ({ body: { services: [updated ? bg(after(), { deploymentConfiguration }) : service([{ id: 'ecs-svc/1', status: 'PRIMARY', taskDefinition: OLD, desiredCount: 2, runningCount: 2, rolloutState: 'COMPLETED' }], [], { deploymentConfiguration })] } }));
  s.on('ListServiceDeployments', () => ({ body: { serviceDeployments: [{ serviceDeploymentArn: SD_ARN, targetServiceRevisionArn: `arn:aws:ecs:eu-west-1:${ACCOUNT}:service-revision/prod/web/222`, status: 'IN_PROGRESS', createdAt: Date.now() / 1000 }] } }));
}

/** DescribeServiceDeployments answers `states` in order (the last repeats); `ended` says whether the last was read. */
function deployments(deploymentConfiguration: object, states: object[]): { ended: () => boolean } {
  let n = 0;
  s.on('DescribeServiceDeployments', () => {
    const state = states[Math.min(n++, states.length - 1)];
    return { body: { serviceDeployments: [{ serviceDeploymentArn: SD_ARN, deploymentConfiguration, ...state }], failures: [] } };
  });
  return { ended: () => n >= states.length };
}

const stages = (events: ProgressEvent[]) => events.filter((e): e is Extract<ProgressEvent, { type: 'stage' }> => e.type === 'stage').map((e) => e.stage);

describe('blue/green, linear and canary through the service deployment API', () => {
  test('blue/green: every stage in order, hooks and traffic in the progress, bake timer, SUCCESSFUL', async () => {
    liveService(BG);
    const target = { requestedTaskCount: 2, runningTaskCount: 2 };
    deployments(BG, [
      { status: 'PENDING' },
      { status: 'IN_PROGRESS', lifecycleStage: 'SCALE_UP', targetServiceRevision: { requestedTaskCount: 2, runningTaskCount: 1, pendingTaskCount: 1 } },
      { status: 'IN_PROGRESS', lifecycleStage: 'TEST_TRAFFIC_SHIFT', targetServiceRevision: { ...target, requestedTestTrafficWeight: 100, requestedProductionTrafficWeight: 0 } },
      { status: 'IN_PROGRESS', lifecycleStage: 'POST_TEST_TRAFFIC_SHIFT', targetServiceRevision: target, lifecycleHookDetails: [{ targetType: 'AWS_LAMBDA', targetArn: 'arn:aws:lambda:eu-west-1:1:function:smoke', status: 'SUCCEEDED' }] },
      { status: 'IN_PROGRESS', lifecycleStage: 'PRODUCTION_TRAFFIC_SHIFT', targetServiceRevision: { ...target, requestedProductionTrafficWeight: 100 } },
      { status: 'IN_PROGRESS', lifecycleStage: 'BAKE_TIME', targetServiceRevision: { ...target, requestedProductionTrafficWeight: 100 } },
      { status: 'IN_PROGRESS', lifecycleStage: 'CLEAN_UP', targetServiceRevision: target },
      { status: 'SUCCESSFUL', targetServiceRevision: target },
    ]);
    const r = await s.run().result;
    assert.equal(r.outcome, 'completed', r.message);
    assert.equal(r.message, 'web runs web:8: BLUE_GREEN deployment SUCCESSFUL (new revision: 2/2 running).');
    assert.equal(r.strategy, 'BLUE_GREEN');
    assert.deepEqual(stages(s.events), ['PENDING', 'SCALE_UP', 'TEST_TRAFFIC_SHIFT', 'POST_TEST_TRAFFIC_SHIFT', 'PRODUCTION_TRAFFIC_SHIFT', 'BAKE_TIME', 'CLEAN_UP']);
    const messages = s.events.filter((e) => e.type === 'stage').map((e) => e.message);
    assert.ok(messages.includes('BLUE_GREEN IN_PROGRESS · stage after the test traffic shift · new revision: 2/2 running · hook smoke SUCCEEDED'), messages.join('\n'));
    assert.match(messages.find((m) => m.includes('bake time'))!, /stage bake time · production traffic 100% new \/ 0% old · new revision: 2\/2 running · bake time: about 5 of 5 min left$/);
    assert.ok(s.events.filter((e) => e.type === 'stage').every((e) => e.type === 'stage' && e.canRollBack));
    assert.deepEqual(s.aws.calls.find((c) => c.op === 'DescribeServiceDeployments')!.body, { serviceDeploymentArns: [SD_ARN] });
    assert.ok(!s.events.some((e) => e.type === 'rollout'), 'the rolling-update summary is not shown for a deployment the API reports');
    s.checkInvariants(r);
  });

  test('a failed lifecycle hook: rolled back, with the hook and the revision the service runs again', async () => {
    liveService(BG, () => OLD);
    deployments(BG, [
      { status: 'IN_PROGRESS', lifecycleStage: 'POST_TEST_TRAFFIC_SHIFT', lifecycleHookDetails: [{ targetType: 'AWS_LAMBDA', targetArn: 'arn:aws:lambda:eu-west-1:1:function:smoke', status: 'IN_PROGRESS' }] },
      { status: 'ROLLBACK_IN_PROGRESS', lifecycleStage: 'POST_TEST_TRAFFIC_SHIFT', statusReason: 'Lifecycle hook failed', lifecycleHookDetails: [{ targetType: 'AWS_LAMBDA', targetArn: 'arn:aws:lambda:eu-west-1:1:function:smoke', status: 'FAILED' }] },
      { status: 'ROLLBACK_SUCCESSFUL', lifecycleStage: 'POST_TEST_TRAFFIC_SHIFT', statusReason: 'Lifecycle hook failed', lifecycleHookDetails: [{ targetType: 'AWS_LAMBDA', targetArn: 'arn:aws:lambda:eu-west-1:1:function:smoke', status: 'FAILED' }] },
    ]);
    const r = await s.run().result;
    assert.equal(r.outcome, 'rolled-back', r.message);
    assert.equal(r.message, 'The deploy FAILED: The BLUE_GREEN deployment was rolled back: lifecycle hook arn:aws:lambda:eu-west-1:1:function:smoke FAILED at after the test traffic shift (Lifecycle hook failed). It had reached: BLUE_GREEN IN_PROGRESS · stage after the test traffic shift · hook smoke IN_PROGRESS. The service runs web:7.');
    assert.ok(s.events.some((e) => e.type === 'stage' && /^BLUE_GREEN ROLLING BACK \(lifecycle hook/.test(e.message) && !e.canRollBack));
    assert.equal(JSON.parse(readFileSync(join(s.ws.dir, '.berth', 'deploy-history.json'), 'utf8')).targets.web[0].outcome, 'failed');
    assert.ok(!s.aws.ops().includes('StopServiceDeployment'));
    s.checkInvariants(r);
  });

  test('an alarm during bake time: rolled back, naming the alarm', async () => {
    liveService(BG, () => OLD);
    deployments(BG, [
      { status: 'IN_PROGRESS', lifecycleStage: 'BAKE_TIME', alarms: { status: 'MONITORING', alarmNames: ['web-5xx'] } },
      { status: 'ROLLBACK_SUCCESSFUL', lifecycleStage: 'BAKE_TIME', alarms: { status: 'TRIGGERED', alarmNames: ['web-5xx'], triggeredAlarmNames: ['web-5xx'] }, rollback: { reason: 'Alarm web-5xx in ALARM state.' } },
    ]);
    const r = await s.run().result;
    assert.equal(r.outcome, 'rolled-back');
    assert.match(r.message, /^The deploy FAILED: The BLUE_GREEN deployment was rolled back: CloudWatch alarm web-5xx went into ALARM \(Alarm web-5xx in ALARM state\)\. It had reached: BLUE_GREEN IN_PROGRESS · stage bake time · bake time: about 5 of 5 min left\. The service runs web:7\.$/);
    s.checkInvariants(r);
  });

  test('"Roll back" during bake time: StopServiceDeployment ROLLBACK once, watched to the end, rolled back at your request', async () => {
    liveService(BG, () => OLD);
    let stopped = false;
    const bake = { status: 'IN_PROGRESS', lifecycleStage: 'BAKE_TIME', targetServiceRevision: { requestedProductionTrafficWeight: 100 } };
    let n = 0;
    s.on('DescribeServiceDeployments', () => {
      n++;
      const state = !stopped ? (n < 2 ? { status: 'IN_PROGRESS', lifecycleStage: 'PRODUCTION_TRAFFIC_SHIFT' } : bake) : n < 8 ? { status: 'ROLLBACK_IN_PROGRESS', lifecycleStage: 'BAKE_TIME', statusReason: 'Service deployment rolled back because of a stop request' } : { status: 'ROLLBACK_SUCCESSFUL', statusReason: 'Service deployment rolled back because of a stop request.' };
      return { body: { serviceDeployments: [{ serviceDeploymentArn: SD_ARN, deploymentConfiguration: BG, ...state }] } };
    });
    s.on('StopServiceDeployment', (body) => {
      stopped = true;
      return { body: { serviceDeploymentArn: body.serviceDeploymentArn } };
    });
    const rollbackRequest = new AbortController();
    const r = await s.run({
      rollbackRequest: rollbackRequest.signal,
      onProgress: (e) => {
        s.events.push(e);
        if (e.type === 'stage' && e.stage === 'BAKE_TIME') rollbackRequest.abort();
      },
    }).result;
    assert.equal(r.outcome, 'rolled-back', r.message);
    assert.match(r.message, /^The deploy FAILED: The BLUE_GREEN deployment was rolled back: rolled back at your request \(StopServiceDeployment ROLLBACK\); ECS: Service deployment rolled back because of a stop request\. It had reached: .*bake time.*\. The service runs web:7\.$/);
    assert.deepEqual(s.aws.calls.filter((c) => c.op === 'StopServiceDeployment').map((c) => c.body), [{ serviceDeploymentArn: SD_ARN, stopType: 'ROLLBACK' }]);
    assert.deepEqual(r.done.at(-1), 'Asked ECS to roll back the BLUE_GREEN deployment during BAKE_TIME (StopServiceDeployment ROLLBACK).');
    s.checkInvariants(r);
  });

  test('a linear deployment stopped half way: failed, saying how far it got and that nothing rolled it back', async () => {
    const linear = { strategy: 'LINEAR', linearConfiguration: { stepPercent: 10, stepBakeTimeInMinutes: 2 } };
    liveService(linear);
    deployments(linear, [10, 20, 30].map((w) => ({ status: 'IN_PROGRESS', lifecycleStage: 'PRODUCTION_TRAFFIC_SHIFT', targetServiceRevision: { requestedProductionTrafficWeight: w } })).concat([{ status: 'STOPPED', statusReason: 'Service deployment stopped by a user' } as never]));
    const r = await s.run().result;
    assert.equal(r.outcome, 'failed');
    assert.match(r.message, /^The deploy FAILED: The LINEAR \(10% every 2 min\) deployment STOPPED without a rollback: Service deployment stopped by a user\. It had reached: LINEAR \(10% every 2 min\) IN_PROGRESS · stage production traffic shift · production traffic 30% new \/ 70% old\. The service runs web:8\.$/);
    assert.deepEqual(s.events.filter((e) => e.type === 'stage').map((e) => e.message.match(/(\d+)% new/)?.[1]), ['10', '20', '30']);
    s.checkInvariants(r);
  });

  test('canary: the canary step, then the rest', async () => {
    const canary = { strategy: 'CANARY', canaryConfiguration: { canaryPercent: 5, canaryBakeTimeInMinutes: 10 }, bakeTimeInMinutes: 0 };
    liveService(canary);
    deployments(canary, [
      { status: 'IN_PROGRESS', lifecycleStage: 'PRODUCTION_TRAFFIC_SHIFT', targetServiceRevision: { requestedProductionTrafficWeight: 5 } },
      { status: 'IN_PROGRESS', lifecycleStage: 'PRODUCTION_TRAFFIC_SHIFT', targetServiceRevision: { requestedProductionTrafficWeight: 100 } },
      { status: 'SUCCESSFUL' },
    ]);
    const r = await s.run().result;
    assert.equal(r.outcome, 'completed', r.message);
    assert.equal(r.message, 'web runs web:8: CANARY (5%, the rest after 10 min) deployment SUCCESSFUL.');
    s.checkInvariants(r);
  });

  test('no service deployment API here (older endpoint): said once, judged from DescribeServices without the draining hint', async () => {
    liveService(BG);
    s.on('ListServiceDeployments', () => ({ error: 'UnknownOperationException', message: 'Unknown operation' }));
    let polls = 0;
    s.on('DescribeServices', () => ({ body: { services: [polls++ < 2 ? service([], [], { deploymentConfiguration: BG }) : polls < 5 ? service([{ id: 'ecs-svc/222', status: 'PRIMARY', taskDefinition: NEW, desiredCount: 2, runningCount: 2, rolloutState: 'IN_PROGRESS' }, { id: 'ecs-svc/1', status: 'ACTIVE', taskDefinition: OLD, desiredCount: 2, runningCount: 2 }], [], { deploymentConfiguration: BG }) : bg(NEW, { deployments: [{ id: 'ecs-svc/222', status: 'PRIMARY', taskDefinition: NEW, desiredCount: 2, runningCount: 2, rolloutState: 'COMPLETED' }] })] } }));
    const r = await s.run({ timeoutMinutes: 5 }).result;
    assert.equal(r.outcome, 'completed', r.message);
    assert.deepEqual(s.aws.ops().filter((o) => o === 'ListServiceDeployments'), ['ListServiceDeployments']);
    assert.equal(s.events.filter((e) => e.type === 'log' && /service deployment API is not available .* without the stages of the BLUE_GREEN deployment/.test(e.message)).length, 1);
    assert.deepEqual(r.hints, []);
    s.checkInvariants(r);
  });

  test('"Roll back service" while a deployment is under way (berth deploy --rollback from a second terminal): stops it with a rollback', async () => {
    s.on('DescribeServices', () => ({ body: { services: [bg(NEW)] } }));
    s.on('ListServiceDeployments', (body) => ({ body: { serviceDeployments: body.status ? [{ serviceDeploymentArn: SD_ARN, status: 'IN_PROGRESS' }] : [] } }));
    s.on('StopServiceDeployment', () => ({ body: { serviceDeploymentArn: SD_ARN } }));
    deployments(BG, [{ status: 'ROLLBACK_IN_PROGRESS', lifecycleStage: 'BAKE_TIME' }, { status: 'ROLLBACK_SUCCESSFUL', statusReason: 'stop request' }]);
    const back = await rollback('web', { workspace: s.ws.dir, endpoint: s.aws.endpoint, pollIntervalMs: 5, maxAttempts: 1, onProgress: (e) => s.events.push(e) });
    assert.equal(back.outcome, 'completed', back.message);
    assert.equal(back.message, 'ECS rolled the deployment back. The service runs web:8.');
    assert.deepEqual(s.aws.calls.find((c) => c.op === 'ListServiceDeployments')!.body, { cluster: 'prod', service: 'web', status: ['PENDING', 'IN_PROGRESS'] });
    assert.deepEqual(back.done, ['Asked ECS to roll back the BLUE_GREEN deployment under way (StopServiceDeployment ROLLBACK).']);
    assert.ok(!s.aws.ops().includes('UpdateService'));
  });

  test('cancel at every step: the truth about what was left behind, and no write after the cancel', async () => {
    const expectations: Record<string, RegExp> = {
      lint: /^Cancelled; nothing was pushed or registered and the service was not changed\.$/,
      identity: /^Cancelled; nothing was pushed/,
      repository: /^Cancelled; nothing was pushed/,
      preflight: /^Cancelled; nothing was pushed/,
      login: /^Cancelled; nothing was pushed/,
      build: /^Cancelled; nothing was pushed/,
      inspect: /^Cancelled; nothing was pushed/,
      push: /^Cancelled after pushing/, // the fake CLI's push does not stop on the signal (the real one does: scenarios.test.ts 11a)
      render: /^Cancelled after pushing .*; nothing was registered and the service was not changed\.$/,
      register: /^Cancelled after pushing/,
      update: /^Cancelled after registering web:\d+; the service was not changed\.$/,
      watch: /^Stopped watching\. UpdateService was already called: ECS goes on rolling out web:\d+ on its own; the service was not changed back\.$/,
    };
    for (const [step, expected] of Object.entries(expectations)) {
      s.aws.calls.length = 0;
      s.events.length = 0;
      liveService(BG);
      deployments(BG, [{ status: 'IN_PROGRESS', lifecycleStage: 'SCALE_UP' }]);
      const controller = new AbortController();
      const r = await s.run({
        signal: controller.signal,
        onProgress: (e) => {
          if (e.type === 'step' && e.step === step && e.status === 'start') controller.abort();
        },
      }).result;
      assert.equal(r.outcome, 'cancelled', `${step}: ${r.message}`);
      assert.match(r.message, expected, step);
      const ops = s.aws.ops();
      if (step !== 'watch') assert.ok(!ops.includes('UpdateService'), `${step}: no UpdateService after the cancel`);
      if (['lint', 'identity', 'repository', 'preflight', 'login', 'build', 'inspect', 'push', 'render'].includes(step)) assert.ok(!ops.includes('RegisterTaskDefinition'), step);
      s.checkInvariants(r);
    }
  });
});

