/**
 * Step 10: watch the rollout until the deployment COMPLETED, FAILED (the circuit breaker rolled it back) or the
 * timeout; new service events are passed on once each, the summary whenever it changes.
 */
import { DescribeServicesCommand, type Service } from '@aws-sdk/client-ecs';
import { assessRollout, DEREGISTRATION_HINT, newEvents, revisionName } from '../../core/deploy/plan';
import { describeAwsError } from '../aws';
import { Stop, type DeployRun } from '../run';

export async function watchStep(run: DeployRun): Promise<void> {
  const { target, options, result: r, state } = run;
  const taskDefinitionArn = r.taskDefinitionArn!;
  const deploymentId = state.deployment?.id;
  const minutes = options.timeoutMinutes ?? target.timeoutMinutes ?? 30;
  const interval = options.pollIntervalMs ?? 6000;
  const seen = new Set<string>();
  newEvents(state.deployment?.events ?? [], seen);
  const deadline = Date.now() + minutes * 60_000;
  const maxPolls = Math.ceil((minutes * 60_000) / Math.max(interval, 1)) + 2;
  let draining = false;
  let lastSummary = '';
  await run.step('watch', async (rec) => {
    for (let poll = 0; poll < maxPolls; poll++) {
      if (poll > 0 || interval > 0) await sleep(Math.min(interval, Math.max(0, deadline - Date.now())), options.signal);
      run.checkCancel();
      let out: { services?: Service[] };
      try {
        out = await run.send<{ services?: Service[] }>(run.clients.ecs, new DescribeServicesCommand({ cluster: target.cluster!, services: [target.service!] }));
      } catch (error) {
        if (options.signal?.aborted || error instanceof Stop) throw error;
        throw new Stop('failed', `Lost track of the rollout: ${describeAwsError(error).message} UpdateService was already called; ECS goes on rolling out ${revisionName(taskDefinitionArn)}. Check the service in the console.`);
      }
      const service = out.services?.[0];
      if (!service) throw new Stop('failed', `The service "${target.service}" disappeared during the rollout.`);
      for (const e of newEvents(service.events, seen)) run.emit({ type: 'service-event', ...(e.createdAt ? { at: new Date(e.createdAt).toISOString() } : {}), message: e.message ?? '' });
      const verdict = assessRollout(service, taskDefinitionArn, deploymentId);
      if (verdict.summary !== lastSummary) {
        run.emit({ type: 'rollout', message: verdict.summary });
        lastSummary = verdict.summary;
      }
      if (verdict.state === 'completed') {
        run.finish('completed', `${target.service} runs ${revisionName(taskDefinitionArn)}: ${verdict.summary}`);
        rec.message = verdict.summary;
        return;
      }
      if (verdict.state === 'failed') {
        const recent = (service.events ?? []).slice(0, 5).map((e) => e.message).filter(Boolean);
        throw new Stop(verdict.rolledBack ? 'rolled-back' : 'failed', `The deploy FAILED: ${verdict.summary}${recent.length ? ` Latest service events: ${recent.join(' | ')}` : ''}`);
      }
      draining = verdict.draining;
      if (Date.now() >= deadline) break;
    }
    if (draining) r.hints.push(DEREGISTRATION_HINT);
    throw new Stop('timed-out', `The rollout did not finish within ${minutes} minute(s) (${lastSummary}). ECS goes on with it; the service was not changed back.${draining ? ` ${DEREGISTRATION_HINT}` : ''}`);
  });
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolveSleep) => {
    if (signal?.aborted) return resolveSleep();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolveSleep();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
