/**
 * An Express Mode target: read the Express service (identity), create it (after asking: it provisions a load
 * balancer, a certificate, security groups and scaling) or update its primary container's image, then watch its
 * canary deployment through the service deployment API until the service is ACTIVE on the new image, and show
 * its URL. Berth changes only the image (and the settings the target names); everything else is kept.
 */
import {
  CreateExpressGatewayServiceCommand,
  DescribeExpressGatewayServiceCommand,
  UpdateExpressGatewayServiceCommand,
  type CreateExpressGatewayServiceCommandInput,
  type ECSExpressGatewayService,
  type ExpressGatewayContainer,
  type ExpressGatewayServiceConfiguration,
  type UpdatedExpressGatewayService,
} from '@aws-sdk/client-ecs';
import { expressArchitecture } from '../../core/deploy/image';
import { describeAwsError } from '../aws';
import { Stop, type DeployRun } from '../run';
import { DeploymentTracker } from './deployments';
import { consoleUrl } from './service';
import { sleep } from './watch';

const GONE = new Set(['ResourceNotFoundException', 'ServiceNotFoundException', 'ClusterNotFoundException']);

/** The Express service's ARN, from the caller's partition, the region, the account and the target. */
export function expressServiceArn(run: DeployRun): string {
  const partition = /^arn:(aws[a-z-]*):/.exec(run.state.callerArn ?? '')?.[1] ?? 'aws';
  return `arn:${partition}:ecs:${run.result.region}:${run.result.account}:service/${run.target.cluster ?? 'default'}/${run.target.service}`;
}

/** Reads the Express service (null when it does not exist yet); refuses one that is being deleted. */
export async function readExpressService(run: DeployRun): Promise<string> {
  const { target, state } = run;
  const service = await describeExpress(run);
  state.express = service ?? null;
  if (!service) return `The Express service ${target.service} does not exist yet in cluster ${target.cluster ?? 'default'}; the deploy creates it (after asking).`;
  const status = service.status?.statusCode;
  if (status && status !== 'ACTIVE') {
    throw new Stop('failed', `The Express service ${target.service} is ${status}${service.status?.statusReason ? ` (${service.status.statusReason})` : ''}, not ACTIVE: it is being deleted or was deleted.${run.nothingDoneYet()}`);
  }
  const image = currentConfiguration(service)?.primaryContainer?.image;
  return `Express service ${target.service} is ${status ?? '?'}${image ? `, running ${image}` : ''}.`;
}

async function describeExpress(run: DeployRun): Promise<ECSExpressGatewayService | undefined> {
  try {
    const out = await run.send<{ service?: ECSExpressGatewayService }>(run.clients.ecs, new DescribeExpressGatewayServiceCommand({ serviceArn: expressServiceArn(run) }));
    return out.service;
  } catch (error) {
    if (GONE.has((error as Error).name)) return undefined;
    throw error;
  }
}

/** The configuration the service runs now (the newest of its active ones). */
function currentConfiguration(service: ECSExpressGatewayService | undefined): ExpressGatewayServiceConfiguration | undefined {
  const configs = [...(service?.activeConfigurations ?? [])];
  return configs.sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))[0];
}

/** CreateExpressGatewayService, or UpdateExpressGatewayService with the new image in the primary container. */
export async function expressUpdateStep(run: DeployRun): Promise<void> {
  const { target, state, result: r } = run;
  const image = `${state.registryHost}/${target.ecrRepository}@${r.digest}`;
  await run.step('update', async (rec) => {
    const settings = {
      ...(target.healthCheckPath ? { healthCheckPath: target.healthCheckPath } : {}),
      ...(target.cpu ? { cpu: target.cpu } : {}),
      ...(target.memory ? { memory: target.memory } : {}),
      ...(target.taskRoleArn ? { taskRoleArn: target.taskRoleArn } : {}),
      cpuArchitecture: expressArchitecture(state.platform),
    };
    const startedAt = new Date();
    let answer: ECSExpressGatewayService | UpdatedExpressGatewayService | undefined;
    if (state.express === null) {
      const ok = await run.ask({ kind: 'create-service', message: `The Express service "${target.service}" does not exist in ${r.account}/${r.region}. Create it? ECS provisions an Application Load Balancer, a certificate, security groups and auto scaling for it.` });
      if (!ok) throw new Stop('declined', `The Express service "${target.service}" does not exist and was not created. ${r.image} was pushed; nothing was deployed.`);
      const input: CreateExpressGatewayServiceCommandInput = {
        serviceName: target.service!,
        ...(target.cluster ? { cluster: target.cluster } : {}),
        executionRoleArn: target.executionRoleArn!,
        infrastructureRoleArn: target.infrastructureRoleArn!,
        primaryContainer: { image, ...(target.containerPort ? { containerPort: target.containerPort } : {}) },
        ...settings,
      };
      answer = (await run.send<{ service?: ECSExpressGatewayService }>(run.clients.ecs, new CreateExpressGatewayServiceCommand(input))).service;
      run.did(`Created the Express service ${target.service} with ${image}.`);
    } else {
      const current = currentConfiguration(state.express);
      const container: ExpressGatewayContainer = { ...current?.primaryContainer, image, ...(target.containerPort ? { containerPort: target.containerPort } : {}) };
      answer = (
        await run.send<{ service?: UpdatedExpressGatewayService }>(
          run.clients.ecs,
          new UpdateExpressGatewayServiceCommand({ serviceArn: state.express?.serviceArn ?? expressServiceArn(run), primaryContainer: container, ...(target.executionRoleArn ? { executionRoleArn: target.executionRoleArn } : {}), ...settings }),
        )
      ).service;
      run.did(`Updated the Express service ${target.service} to ${image}${current?.primaryContainer?.image ? ` (it ran ${current.primaryContainer.image})` : ''}.`);
    }
    state.serviceUpdated = true;
    const arn = (answer as { serviceArn?: string } | undefined)?.serviceArn;
    const current = (answer as ECSExpressGatewayService | undefined)?.currentDeployment;
    state.deployment = { events: [], startedAt, ...(current?.includes(':service-deployment/') ? { arn: current } : {}) };
    if (arn) state.expressArn = arn;
    rec.message = r.done.at(-1)!;
    r.consoleUrl = consoleUrl(r.region, target);
  });
}

/** Watches the service's deployment and status until it is ACTIVE on the new image (URL), fails, or times out. */
export async function expressWatchStep(run: DeployRun): Promise<void> {
  const { target, options, state, result: r } = run;
  const minutes = options.timeoutMinutes ?? target.timeoutMinutes ?? 30;
  const interval = options.pollIntervalMs ?? 6000;
  const deadline = Date.now() + minutes * 60_000;
  const image = `${state.registryHost}/${target.ecrRepository}@${r.digest}`;
  const tracker = new DeploymentTracker(run, target.cluster ?? 'default', state.expressArn ?? expressServiceArn(run));
  let last = '';
  await run.step('watch', async (rec) => {
    for (let poll = 0; ; poll++) {
      if (poll > 0 || interval > 0) await sleep(Math.min(interval, Math.max(0, deadline - Date.now())), options.signal, options.rollbackRequest);
      run.checkCancel();
      let service: ECSExpressGatewayService | undefined;
      let deployment;
      try {
        service = await describeExpress(run);
        deployment = await tracker.poll();
      } catch (error) {
        if (options.signal?.aborted || error instanceof Stop) throw error;
        throw new Stop('failed', `Lost track of the Express service: ${describeAwsError(error).message} ECS goes on with the deployment of ${image}.`);
      }
      const status = service?.status?.statusCode ?? 'MISSING';
      const config = currentConfiguration(service);
      const onImage = config?.primaryContainer?.image === image;
      const summary = `${status}${service?.status?.statusReason ? ` (${service.status.statusReason})` : ''}${deployment ? `; ${deployment.summary}` : onImage ? '; the new image is the active configuration' : ''}`;
      if (summary !== last && !deployment) run.emit({ type: 'rollout', message: summary });
      last = summary;
      if (status === 'INACTIVE' || status === 'DRAINING' || status === 'MISSING') {
        throw new Stop('failed', `The Express service ${target.service} did not become active: it is ${status}${service?.status?.statusReason ? ` (${service.status.statusReason})` : ''}.`);
      }
      if (deployment?.state === 'failed') {
        throw new Stop(deployment.rolledBack ? 'rolled-back' : 'failed', `The Express service ${target.service} did not become active on ${image}: ${deployment.summary}`);
      }
      if (status === 'ACTIVE' && (deployment ? deployment.state === 'completed' : onImage)) {
        r.url = urlOf(config);
        rec.message = `${target.service} is ACTIVE on ${image}${r.url ? ` at ${r.url}` : ''}.`;
        run.finish('completed', `${target.service} is ACTIVE on the new image${r.url ? `: ${r.url}` : ''}.`);
        return;
      }
      if (Date.now() >= deadline) {
        throw new Stop('timed-out', `The Express service did not become active within ${minutes} minute(s) (${last}). ECS goes on with it; the service was not changed back.`);
      }
    }
  });
}

/** The service's URL: its public endpoint (else the first), with https:// when the API gives a host name. */
function urlOf(config: ExpressGatewayServiceConfiguration | undefined): string | undefined {
  const paths = config?.ingressPaths ?? [];
  const endpoint = (paths.find((p) => p.accessType === 'PUBLIC') ?? paths[0])?.endpoint;
  if (!endpoint) return undefined;
  return /^[a-z]+:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`;
}
