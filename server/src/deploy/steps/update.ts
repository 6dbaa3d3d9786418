/**
 * Step 9: UpdateService to the registered revision (and, for a rollback, to the one that ran before, or a stop with
 * rollback of the deployment still under way). After it, `state.serviceUpdated` says ECS rolls out on its own
 * whatever happens to this run.
 */
import { StopServiceDeploymentCommand, UpdateServiceCommand, type Service } from '@aws-sdk/client-ecs';
import { rollbackRevision } from '../../core/deploy/history';
import { revisionName } from '../../core/deploy/rollout';
import { readHistory, writeHistory } from '../history';
import { Stop, type Deployment, type DeployRun } from '../run';
import { inProgressDeployment } from './deployments';
import { consoleUrl, describeService } from './service';

export async function updateStep(run: DeployRun): Promise<void> {
  const { target, options, result: r, state } = run;
  await run.step('update', async (rec) => {
    const service = await describeService(run, target);
    r.previousTaskDefinitionArn = service.taskDefinition;
    r.strategy = service.deploymentConfiguration?.strategy ?? r.strategy ?? 'ROLLING';
    const startedAt = new Date();
    const out = await run.send<{ service?: Service }>(
      run.clients.ecs,
      new UpdateServiceCommand({ cluster: target.cluster!, service: target.service!, taskDefinition: r.taskDefinitionArn!, forceNewDeployment: options.forceNewDeployment ?? target.forceNewDeployment }),
    );
    state.serviceUpdated = true;
    run.did(`Updated service ${target.cluster}/${target.service} to ${revisionName(r.taskDefinitionArn)} (it ran ${revisionName(service.taskDefinition)}).`);
    rec.message = `UpdateService: ${target.service} → ${revisionName(r.taskDefinitionArn)} (${r.strategy} deployment).`;
    r.consoleUrl = consoleUrl(r.region, target);
    writeHistory(run, 'deploy', 'not-watched');
    state.deployment = startedDeployment(out.service, service, startedAt);
  });
}

/**
 * `Roll back service`: a deployment still under way is stopped with a rollback (StopServiceDeployment ROLLBACK,
 * ECS returns to the revision it replaced); otherwise UpdateService to the revision that ran before the latest
 * deploy, from the history. Returns what the watch should expect.
 */
export async function rollbackStep(run: DeployRun): Promise<'deploy' | 'rollback'> {
  const { target, options, result: r, state } = run;
  return run.step('rollback', async (rec) => {
    const service = await describeService(run, target);
    r.region = await run.clients.ecs.config.region();
    r.strategy = service.deploymentConfiguration?.strategy ?? 'ROLLING';
    r.consoleUrl = consoleUrl(r.region, target);
    const running = await inProgressDeployment(run, target.cluster!, target.service!);
    if (running?.serviceDeploymentArn) {
      const question = `Roll back the ${r.strategy} deployment of ${target.cluster}/${target.service} that is still under way (StopServiceDeployment ROLLBACK)?`;
      if (target.confirm && !options.dryRun && !(await run.ask({ kind: 'confirm-target', message: question }))) throw new Stop('declined', 'Rollback not confirmed. Nothing was done.');
      if (options.dryRun) throw new Stop('planned', (rec.message = `Would stop the deployment under way (${running.serviceDeploymentArn}) with a rollback.`));
      const startedAt = new Date();
      await run.send(run.clients.ecs, new StopServiceDeploymentCommand({ serviceDeploymentArn: running.serviceDeploymentArn, stopType: 'ROLLBACK' }));
      state.rollbackRequested = true;
      state.deployment = { events: service.events ?? [], startedAt, arn: running.serviceDeploymentArn };
      run.did(`Asked ECS to roll back the ${r.strategy} deployment under way (StopServiceDeployment ROLLBACK).`);
      rec.message = r.done.at(-1)!;
      return 'rollback';
    }
    const previous = rollbackRevision(readHistory(options.workspace), target.name, service.taskDefinition);
    if (!previous) throw new Stop('failed', `No deployment of "${target.name}" is under way and the deploy history (.berth/deploy-history.json) has no earlier revision. Nothing was done.`);
    r.previousTaskDefinitionArn = service.taskDefinition;
    r.taskDefinitionArn = previous;
    if (target.confirm && !options.dryRun) {
      const ok = await run.ask({ kind: 'confirm-target', message: `Roll ${target.cluster}/${target.service} back from ${revisionName(service.taskDefinition)} to ${revisionName(previous)}?` });
      if (!ok) throw new Stop('declined', 'Rollback not confirmed. Nothing was done.');
    }
    if (options.dryRun) {
      rec.message = `Would update ${target.service} from ${revisionName(service.taskDefinition)} to ${revisionName(previous)}.`;
      throw new Stop('planned', rec.message);
    }
    const startedAt = new Date();
    const out = await run.send<{ service?: Service }>(run.clients.ecs, new UpdateServiceCommand({ cluster: target.cluster!, service: target.service!, taskDefinition: previous }));
    state.serviceUpdated = true;
    run.did(`Updated service ${target.cluster}/${target.service} back to ${revisionName(previous)} (it ran ${revisionName(service.taskDefinition)}).`);
    rec.message = r.done.at(-1)!;
    state.deployment = startedDeployment(out.service, service, startedAt);
    return 'deploy';
  });
}

function startedDeployment(updated: Service | undefined, before: Service, startedAt: Date): Deployment {
  const id = updated?.deployments?.find((d) => d.status === 'PRIMARY')?.id;
  return { ...(id !== undefined ? { id } : {}), events: updated?.events ?? before.events ?? [], startedAt };
}
