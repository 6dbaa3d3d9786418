/** Where a service deployment stands (core/deploy/rollout.ts assessServiceDeployment), stage by stage and failure by failure. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assessServiceDeployment, pickServiceDeployment, strategyOf, type ServiceDeploymentView } from '../../server/src/core/deploy/rollout';

const BG = { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 10 };
const now = Date.parse('2026-12-07T10:00:00Z');
const at = (d: ServiceDeploymentView, extra: object = {}) => assessServiceDeployment(d, { now, ...extra });

describe('service deployments', () => {
  test('blue/green stages: scale-up, test traffic, production traffic, bake time with its timer, clean-up', () => {
    assert.equal(at({ status: 'IN_PROGRESS', lifecycleStage: 'SCALE_UP', deploymentConfiguration: BG, targetServiceRevision: { requestedTaskCount: 2, runningTaskCount: 1, pendingTaskCount: 1 } }).summary, 'BLUE_GREEN IN_PROGRESS · stage scale-up · new revision: 1/2 running, 1 pending');
    assert.equal(
      at({ status: 'IN_PROGRESS', lifecycleStage: 'TEST_TRAFFIC_SHIFT', deploymentConfiguration: BG, targetServiceRevision: { requestedTaskCount: 2, runningTaskCount: 2, requestedTestTrafficWeight: 100, requestedProductionTrafficWeight: 0 } }).summary,
      'BLUE_GREEN IN_PROGRESS · stage test traffic shift · production traffic 0% new / 100% old, test traffic 100% new · new revision: 2/2 running',
    );
    const bake = at({ status: 'IN_PROGRESS', lifecycleStage: 'BAKE_TIME', deploymentConfiguration: BG, targetServiceRevision: { requestedProductionTrafficWeight: 100 } }, { bakeStartedAt: now - 3.5 * 60_000 });
    assert.deepEqual(bake, { state: 'in-progress', summary: 'BLUE_GREEN IN_PROGRESS · stage bake time · production traffic 100% new / 0% old · bake time: about 7 of 10 min left', stage: 'BAKE_TIME', rollingBack: false });
    assert.equal(at({ status: 'SUCCESSFUL', deploymentConfiguration: BG, targetServiceRevision: { requestedTaskCount: 2, runningTaskCount: 2 } }).summary, 'BLUE_GREEN deployment SUCCESSFUL (new revision: 2/2 running).');
  });

  test('linear and canary: the traffic step and the configuration', () => {
    const linear = { strategy: 'LINEAR', linearConfiguration: { stepPercent: 10, stepBakeTimeInMinutes: 5 } };
    assert.equal(at({ status: 'IN_PROGRESS', lifecycleStage: 'PRODUCTION_TRAFFIC_SHIFT', deploymentConfiguration: linear, targetServiceRevision: { requestedProductionTrafficWeight: 30 } }).summary, 'LINEAR (10% every 5 min) IN_PROGRESS · stage production traffic shift · production traffic 30% new / 70% old');
    assert.equal(strategyOf({ deploymentConfiguration: { strategy: 'CANARY', canaryConfiguration: { canaryPercent: 5, canaryBakeTimeInMinutes: 15 } } }), 'CANARY (5%, the rest after 15 min)');
    assert.equal(strategyOf({}), 'ROLLING');
  });

  test('lifecycle hooks: their status in the summary; a PAUSE hook says how the deployment goes on', () => {
    const v = at({
      status: 'IN_PROGRESS',
      lifecycleStage: 'POST_TEST_TRAFFIC_SHIFT',
      deploymentConfiguration: BG,
      lifecycleHookDetails: [
        { targetType: 'AWS_LAMBDA', targetArn: 'arn:aws:lambda:eu-west-1:123456789012:function:smoke', status: 'SUCCEEDED' },
        { targetType: 'PAUSE', status: 'AWAITING_ACTION', hookId: 'h-2' },
      ],
    });
    assert.equal(v.summary, 'BLUE_GREEN IN_PROGRESS · stage after the test traffic shift · hook smoke SUCCEEDED, hook PAUSE AWAITING_ACTION (ContinueServiceDeployment goes on)');
  });

  test('failures: a failed hook, an alarm, the circuit breaker, the user, a stop half way, a failed rollback', () => {
    const hook = at({ status: 'ROLLBACK_SUCCESSFUL', lifecycleStage: 'POST_TEST_TRAFFIC_SHIFT', deploymentConfiguration: BG, statusReason: 'Lifecycle hook failed.', lifecycleHookDetails: [{ targetArn: 'arn:aws:lambda:eu-west-1:1:function:smoke', status: 'FAILED' }] });
    assert.deepEqual(hook, { state: 'failed', summary: 'The BLUE_GREEN deployment was rolled back: lifecycle hook arn:aws:lambda:eu-west-1:1:function:smoke FAILED at after the test traffic shift (Lifecycle hook failed).', rolledBack: true, cause: 'hook' });
    const alarm = at({ status: 'ROLLBACK_IN_PROGRESS', lifecycleStage: 'BAKE_TIME', deploymentConfiguration: BG, alarms: { status: 'TRIGGERED', alarmNames: ['web-5xx', 'web-latency'], triggeredAlarmNames: ['web-5xx'] } });
    assert.deepEqual([alarm.state, alarm.state === 'in-progress' && alarm.rollingBack, alarm.summary.split(' · ')[0]], ['in-progress', true, 'BLUE_GREEN ROLLING BACK (CloudWatch alarm web-5xx went into ALARM)']);
    const breaker = at({ status: 'ROLLBACK_SUCCESSFUL', deploymentCircuitBreaker: { status: 'TRIGGERED', failureCount: 3, threshold: 3 } });
    assert.equal(breaker.summary, 'The ROLLING deployment was rolled back: the deployment circuit breaker tripped (3 failed tasks, threshold 3).');
    const user = at({ status: 'ROLLBACK_SUCCESSFUL', deploymentConfiguration: BG, statusReason: 'Rollback requested.' }, { userRollback: true });
    assert.equal(user.state === 'failed' && user.cause, 'user');
    assert.match(user.summary, /rolled back at your request \(StopServiceDeployment ROLLBACK\); ECS: Rollback requested\./);
    const stopped = at({ status: 'STOPPED', deploymentConfiguration: { strategy: 'LINEAR', linearConfiguration: { stepPercent: 10 } }, statusReason: 'Stopped by user.' }, { lastSummary: 'LINEAR IN_PROGRESS · production traffic 30% new / 70% old' });
    assert.deepEqual(stopped, { state: 'failed', summary: 'The LINEAR (10% every 6 min) deployment STOPPED without a rollback: Stopped by user. It had reached: LINEAR IN_PROGRESS · production traffic 30% new / 70% old.', rolledBack: false, cause: 'stopped' });
    const failedRollback = at({ status: 'ROLLBACK_FAILED', deploymentConfiguration: BG });
    assert.equal(failedRollback.state === 'failed' && failedRollback.cause, 'rollback-failed');
  });

  test('the deployment an update started: matched by the revision id, else the newest', () => {
    const briefs = [
      { serviceDeploymentArn: 'a', targetServiceRevisionArn: 'arn:aws:ecs:r:1:service-revision/prod/web/111', createdAt: new Date(3) },
      { serviceDeploymentArn: 'b', targetServiceRevisionArn: 'arn:aws:ecs:r:1:service-revision/prod/web/222', createdAt: new Date(2) },
    ];
    assert.equal(pickServiceDeployment(briefs, 'ecs-svc/222')?.serviceDeploymentArn, 'b');
    assert.equal(pickServiceDeployment(briefs, 'ecs-svc/999')?.serviceDeploymentArn, 'a');
    assert.equal(pickServiceDeployment([], 'ecs-svc/1'), undefined);
  });
});
