/**
 * Step 9: UpdateService to the registered revision (and, for a rollback, to the one that ran before). After it,
 * `state.serviceUpdated` says ECS rolls out on its own whatever happens to this run.
 */
import { UpdateServiceCommand, type Service } from '@aws-sdk/client-ecs';
import { revisionName, rollbackRevision } from '../../core/deploy/plan';
import { readHistory, writeHistory } from '../history';
import { Stop, type DeployRun } from '../run';
import { consoleUrl, describeService } from './service';

export async function updateStep(run: DeployRun): Promise<void> {
  const { target, options, result: r, state } = run;
  await run.step('update', async (rec) => {
    const service = await describeService(run, target);
    r.previousTaskDefinitionArn = service.taskDefinition;
    const out = await run.send<{ service?: Service }>(
      run.clients.ecs,
      new UpdateServiceCommand({ cluster: target.cluster!, service: target.service!, taskDefinition: r.taskDefinitionArn!, forceNewDeployment: options.forceNewDeployment ?? target.forceNewDeployment }),
    );
    state.serviceUpdated = true;
    run.did(`Updated service ${target.cluster}/${target.service} to ${revisionName(r.taskDefinitionArn)} (it ran ${revisionName(service.taskDefinition)}).`);
    rec.message = `UpdateService: ${target.service} → ${revisionName(r.taskDefinitionArn)}.`;
    r.consoleUrl = consoleUrl(r.region, target);
    writeHistory(run, 'deploy', 'not-watched');
    state.deployment = startedDeployment(out.service, service);
  });
}

/** `Roll back service`: UpdateService to the revision that ran before the latest deploy, from the history. */
export async function rollbackStep(run: DeployRun): Promise<void> {
  const { target, options, result: r, state } = run;
  await run.step('rollback', async (rec) => {
    const service = await describeService(run, target);
    r.region = await run.clients.ecs.config.region();
    const previous = rollbackRevision(readHistory(options.workspace), target.name, service.taskDefinition);
    if (!previous) throw new Stop('failed', `No earlier revision of "${target.name}" in the deploy history (.berth/deploy-history.json). Nothing was done.`);
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
    const out = await run.send<{ service?: Service }>(run.clients.ecs, new UpdateServiceCommand({ cluster: target.cluster!, service: target.service!, taskDefinition: previous }));
    state.serviceUpdated = true;
    run.did(`Updated service ${target.cluster}/${target.service} back to ${revisionName(previous)} (it ran ${revisionName(service.taskDefinition)}).`);
    rec.message = r.done.at(-1)!;
    r.consoleUrl = consoleUrl(r.region, target);
    state.deployment = startedDeployment(out.service, service);
  });
}

function startedDeployment(updated: Service | undefined, before: Service): { id?: string; events: readonly { id?: string }[] } {
  return { id: updated?.deployments?.find((d) => d.status === 'PRIMARY')?.id, events: updated?.events ?? before.events ?? [] };
}
