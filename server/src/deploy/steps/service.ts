/** The ECS service a target deploys to: read it, and refuse the controllers Berth does not drive. */
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
  if (service.status !== 'ACTIVE') throw new Stop('failed', `The service "${target.service}" is ${service.status}, not ACTIVE.`);
  const controller = service.deploymentController?.type ?? 'ECS';
  if (controller === 'CODE_DEPLOY') {
    throw new Stop('failed', `The service "${target.service}" uses the CODE_DEPLOY deployment controller: its deployments go through CodeDeploy with an AppSpec, which Berth does not drive yet. Deploy with CodeDeploy (CreateDeployment), or switch the service to the ECS controller.`);
  }
  if (controller === 'EXTERNAL') throw new Stop('failed', `The service "${target.service}" uses the EXTERNAL deployment controller; Berth does not deploy such services.`);
  return service;
}

/** The service's page in the ECS console. */
export function consoleUrl(region: string | undefined, target: DeployTarget): string | undefined {
  if (!region) return undefined;
  return `https://${region}.console.aws.amazon.com/ecs/v2/clusters/${encodeURIComponent(target.cluster!)}/services/${encodeURIComponent(target.service!)}/health?region=${region}`;
}
