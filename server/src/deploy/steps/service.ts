/** The ECS service a target deploys to: read it, and refuse the controllers whose deployments Berth does not drive. */
import { DescribeServicesCommand, type Service } from '@aws-sdk/client-ecs';
import type { DeployTarget } from '../../core/config/targets';
import { Stop, type DeployRun } from '../run';

export async function describeService(run: DeployRun, target: DeployTarget): Promise<Service> {
  const out = await run.send<{ services?: Service[]; failures?: { reason?: string; arn?: string }[] }>(run.clients.ecs, new DescribeServicesCommand({ cluster: target.cluster!, services: [target.service!] }));
  const service = out.services?.[0];
  if (!service) {
    const reason = out.failures?.[0]?.reason ?? 'MISSING';
    throw new Stop('failed', `The service "${target.service}" was not found in cluster "${target.cluster}" (${reason}).${run.nothingDoneYet()}`);
  }
  if (service.status !== 'ACTIVE') throw new Stop('failed', `The service "${target.service}" is ${service.status}, not ACTIVE.${run.nothingDoneYet()}`);
  const refusal = controllerRefusal(service, target);
  if (refusal) throw new Stop('refused', `${refusal}${run.nothingDoneYet()}`);
  return service;
}

/**
 * Why Berth will not deploy to a service whose deployments another controller owns: ECS rejects an UpdateService
 * with a new task definition for them, so Berth never sends one.
 */
export function controllerRefusal(service: Service, target: DeployTarget): string | undefined {
  const controller = service.deploymentController?.type ?? 'ECS';
  if (controller === 'CODE_DEPLOY') {
    return `The service "${target.service}" uses the CODE_DEPLOY deployment controller: its blue/green deployments go through CodeDeploy (an AppSpec and CreateDeployment), and ECS rejects an UpdateService that changes its task definition. Deploy it with CodeDeploy, or move it to ECS's own blue/green deployments (deploymentController ECS with deploymentConfiguration.strategy BLUE_GREEN; see "Migrating CodeDeploy blue/green deployments to Amazon ECS blue/green deployments" in the ECS guide), which Berth deploys and watches stage by stage.`;
  }
  if (controller === 'EXTERNAL') {
    return `The service "${target.service}" uses the EXTERNAL deployment controller: its tasks come from task sets that another tool creates (CreateTaskSet, UpdateServicePrimaryTaskSet), and UpdateService cannot change its task definition. Deploy it with that tool, or use the ECS controller (rolling, blue/green, linear or canary), which Berth deploys.`;
  }
  return undefined;
}

/** The service's page in the ECS console. */
export function consoleUrl(region: string | undefined, target: DeployTarget): string | undefined {
  if (!region) return undefined;
  const cluster = target.cluster ?? 'default';
  return `https://${region}.console.aws.amazon.com/ecs/v2/clusters/${encodeURIComponent(cluster)}/services/${encodeURIComponent(target.service!)}/health?region=${region}`;
}
