/**
 * Step 10 of an ECS deploy: watch the deployment until it succeeds, fails, is rolled back, or the timeout. The
 * verdict comes from the service deployment API (every strategy: its stage, traffic, bake time, hooks, alarms and
 * rollback; deployments.ts), else from DescribeServices' rolloutState; new service events are passed on once each.
 * The same loop watches a rollback that "Roll back" asked ECS for (`expect: 'rollback'`).
 */
import { DescribeServicesCommand, type Service } from '@aws-sdk/client-ecs';
import { assessRollout, DEREGISTRATION_HINT, isTrafficShifting, newEvents, revisionName, type DeploymentVerdict, type RolloutVerdict } from '../../core/deploy/rollout';
import { describeAwsError } from '../aws';
import { Stop, type DeployRun } from '../run';
import { DeploymentTracker } from './deployments';

export async function watchStep(run: DeployRun, expect: 'deploy' | 'rollback' = 'deploy'): Promise<void> {
  const { target, options, result: r, state } = run;
  const taskDefinitionArn = r.taskDefinitionArn;
  const minutes = options.timeoutMinutes ?? target.timeoutMinutes ?? 30;
  const interval = options.pollIntervalMs ?? 6000;
  const seen = new Set<string>();
  newEvents(state.deployment?.events ?? [], seen);
  const deadline = Date.now() + minutes * 60_000;
  const maxPolls = Math.ceil((minutes * 60_000) / Math.max(interval, 1)) + 2;
  const tracker = new DeploymentTracker(run, target.cluster!, target.service!);
  const trafficShifting = isTrafficShifting(r.strategy);
  let draining = false;
  let lastSummary = '';
  await run.step('watch', async (rec) => {
    for (let poll = 0; poll < maxPolls; poll++) {
      if (poll > 0 || interval > 0) await sleep(Math.min(interval, Math.max(0, deadline - Date.now())), options.signal, options.rollbackRequest);
      run.checkCancel();
      let service: Service;
      let deployment: DeploymentVerdict | undefined;
      try {
        const out = await run.send<{ services?: Service[] }>(run.clients.ecs, new DescribeServicesCommand({ cluster: target.cluster!, services: [target.service!] }));
        if (!out.services?.[0]) throw new Stop('failed', `The service "${target.service}" disappeared during the rollout.`);
        service = out.services[0];
        deployment = await tracker.poll();
      } catch (error) {
        if (options.signal?.aborted || error instanceof Stop) throw error;
        throw new Stop('failed', `Lost track of the rollout: ${describeAwsError(error).message} UpdateService was already called; ECS goes on rolling out ${revisionName(taskDefinitionArn)}. Check the service in the console.`);
      }
      for (const e of newEvents(service.events, seen)) run.emit({ type: 'service-event', ...(e.createdAt ? { at: new Date(e.createdAt).toISOString() } : {}), message: e.message ?? '' });
      const verdict: DeploymentVerdict | RolloutVerdict = deployment ?? assessRollout(service, taskDefinitionArn ?? service.taskDefinition ?? '', state.deployment?.id, trafficShifting);
      if (!deployment && verdict.summary !== lastSummary) run.emit({ type: 'rollout', message: verdict.summary });
      lastSummary = verdict.summary;
      const now = `The service runs ${revisionName(service.taskDefinition)}.`;
      if (verdict.state === 'completed') {
        if (expect === 'rollback') throw new Stop('failed', `The deployment completed before ECS could roll it back: ${verdict.summary} ${now}`);
        run.finish('completed', `${target.service} runs ${revisionName(taskDefinitionArn)}: ${verdict.summary}`);
        rec.message = verdict.summary;
        return;
      }
      if (verdict.state === 'failed') {
        if (expect === 'rollback' && 'cause' in verdict && verdict.rolledBack) {
          run.finish('completed', `ECS rolled the deployment back. ${now}`);
          rec.message = verdict.summary;
          return;
        }
        const recent = (service.events ?? []).slice(0, 5).map((e) => e.message).filter(Boolean);
        const events = recent.length ? ` Latest service events: ${recent.join(' | ')}` : '';
        const head = 'cause' in verdict ? `The deploy FAILED: ${verdict.summary} ${now}` : `The deploy FAILED: ${verdict.summary}`;
        throw new Stop(verdict.rolledBack ? 'rolled-back' : 'failed', `${head}${events}`);
      }
      draining = 'draining' in verdict && verdict.draining;
      if (Date.now() >= deadline) break;
    }
    if (draining) r.hints.push(DEREGISTRATION_HINT);
    const goesOn = state.deployment?.arn && !state.rollbackRequested ? ' "Roll back" stops it (StopServiceDeployment ROLLBACK).' : '';
    throw new Stop('timed-out', `The rollout did not finish within ${minutes} minute(s) (${lastSummary}). ECS goes on with it; the service was not changed back.${goesOn}${draining ? ` ${DEREGISTRATION_HINT}` : ''}`);
  });
}

/** Waits `ms`, or less when any of the signals fires (a cancel, or the user's "Roll back"). */
export function sleep(ms: number, ...signals: (AbortSignal | undefined)[]): Promise<void> {
  return new Promise((resolveSleep) => {
    // A cancel ends the wait at once; a "Roll back" already handled must not turn the wait into a busy loop.
    if (signals[0]?.aborted) return resolveSleep();
    const live = signals.filter((s): s is AbortSignal => s !== undefined && !s.aborted);
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      for (const s of live) s.removeEventListener('abort', done);
      resolveSleep();
    }
    for (const s of live) s.addEventListener('abort', done, { once: true });
  });
}
