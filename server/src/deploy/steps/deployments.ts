/**
 * Following one service deployment through the ECS service deployment API (every strategy reports through it:
 * rolling, blue/green, linear, canary, and the canary deployments of Express services): find the deployment an
 * update started (ListServiceDeployments), read it on each poll (DescribeServiceDeployments), pass its stage on,
 * and stop it with a rollback when the user asks (StopServiceDeployment ROLLBACK).
 *
 * An endpoint without the API (older LocalStack, moto) or a caller without ecs:ListServiceDeployments leaves the
 * verdict to DescribeServices (`poll` answers undefined), said once in the log.
 */
import { DescribeServiceDeploymentsCommand, ListServiceDeploymentsCommand, StopServiceDeploymentCommand, type ServiceDeployment, type ServiceDeploymentBrief } from '@aws-sdk/client-ecs';
import { assessServiceDeployment, isTrafficShifting, pickServiceDeployment, strategyOf, type DeploymentVerdict } from '../../core/deploy/rollout';
import { describeAwsError, isAccessDenied, isServerError, isUnsupportedOperation } from '../aws';
import type { DeployRun } from '../run';

/** Polls without a deployment found before the watch gives up on the API and judges from DescribeServices. */
const FIND_ATTEMPTS = 5;
/** How long before the update a deployment may have been created and still be ours (clock skew). */
const SKEW_MS = 5 * 60_000;

/** The statuses StopServiceDeployment can still stop. */
const STOPPABLE = new Set(['PENDING', 'IN_PROGRESS']);

export class DeploymentTracker {
  private available = true;
  private misses = 0;
  private bakeStartedAt: number | undefined;
  private lastSummary: string | undefined;
  private rollbackUnavailableSaid = false;

  constructor(
    private readonly run: DeployRun,
    private readonly cluster: string,
    /** The service's name or ARN. */
    private readonly service: string,
  ) {}

  /** The last in-progress summary (where a stopped deployment had got to). */
  get reached(): string | undefined {
    return this.lastSummary;
  }

  /** This poll's verdict, or undefined when the API cannot tell (not found yet, or not available). */
  async poll(): Promise<DeploymentVerdict | undefined> {
    const { run } = this;
    const deployment = run.state.deployment;
    if (!this.available || !deployment) return this.noApi();
    try {
      if (!deployment.arn) {
        const found = await this.find(deployment.startedAt, deployment.id);
        if (!found) {
          if (++this.misses >= FIND_ATTEMPTS) this.giveUp(`ListServiceDeployments found no deployment of ${this.service} after the update`);
          return this.noApi();
        }
        deployment.arn = found;
        run.log(`Service deployment: ${found}`);
      }
      let described = await this.describe(deployment.arn);
      if (!described) return this.noApi();
      if (run.rollbackAsked && !run.state.rollbackRequested && STOPPABLE.has(described.status ?? '')) {
        await this.stopWithRollback(deployment.arn, described);
        described = (await this.describe(deployment.arn)) ?? described;
      }
      if (described.lifecycleStage === 'BAKE_TIME') this.bakeStartedAt ??= Date.now();
      const verdict = assessServiceDeployment(described, {
        now: Date.now(),
        userRollback: run.state.rollbackRequested,
        ...(this.bakeStartedAt !== undefined ? { bakeStartedAt: this.bakeStartedAt } : {}),
        ...(this.lastSummary !== undefined ? { lastSummary: this.lastSummary } : {}),
      });
      if (verdict.state === 'in-progress') {
        if (verdict.summary !== this.lastSummary) {
          run.emit({ type: 'stage', stage: verdict.stage ?? described.status ?? 'PENDING', message: verdict.summary, strategy: strategyOf(described), canRollBack: !verdict.rollingBack && !run.state.rollbackRequested });
        }
        if (!verdict.rollingBack) this.lastSummary = verdict.summary;
      }
      return verdict;
    } catch (error) {
      if (run.options.signal?.aborted) throw error;
      if (isUnsupportedOperation(error) || isAccessDenied(error)) {
        this.giveUp(describeAwsError(error).message);
        return this.noApi();
      }
      // A server error the SDK's retries did not get past counts as a poll without an answer.
      if (isServerError(error)) {
        if (++this.misses >= FIND_ATTEMPTS) this.giveUp(describeAwsError(error).message);
        return this.noApi();
      }
      throw error;
    }
  }

  /** The deployment an update started: ListServiceDeployments since just before it, matched by revision id. */
  private async find(startedAt: Date, deploymentId: string | undefined): Promise<string | undefined> {
    const out = await this.run.send<{ serviceDeployments?: ServiceDeploymentBrief[] }>(
      this.run.clients.ecs,
      new ListServiceDeploymentsCommand({ cluster: this.cluster, service: this.service, createdAt: { after: new Date(startedAt.getTime() - SKEW_MS) } }),
    );
    return pickServiceDeployment(out.serviceDeployments ?? [], deploymentId)?.serviceDeploymentArn;
  }

  private async describe(arn: string): Promise<ServiceDeployment | undefined> {
    const out = await this.run.send<{ serviceDeployments?: ServiceDeployment[] }>(this.run.clients.ecs, new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }));
    return out.serviceDeployments?.[0];
  }

  private async stopWithRollback(arn: string, deployment: ServiceDeployment): Promise<void> {
    const { run } = this;
    await run.send(run.clients.ecs, new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: 'ROLLBACK' }));
    run.state.rollbackRequested = true;
    const at = deployment.lifecycleStage ? ` during ${deployment.lifecycleStage}` : '';
    run.did(`Asked ECS to roll back the ${strategyOf(deployment)} deployment${at} (StopServiceDeployment ROLLBACK).`);
    run.log(run.result.done.at(-1)!);
  }

  /** Without the API, a rollback request cannot be carried out: said once. */
  private noApi(): undefined {
    if (this.run.rollbackAsked && !this.rollbackUnavailableSaid) {
      this.rollbackUnavailableSaid = true;
      this.run.log('Roll back needs the service deployment API (ecs:ListServiceDeployments, ecs:StopServiceDeployment), which is not available here; the deployment goes on. Use "Roll back service" once it ends.');
    }
    return undefined;
  }

  private giveUp(why: string): void {
    if (!this.available) return;
    this.available = false;
    const strategy = this.run.result.strategy;
    this.run.log(`The service deployment API is not available (${why}); judging the rollout from DescribeServices${isTrafficShifting(strategy) ? `, without the stages of the ${strategy} deployment` : ''}.`);
  }
}

/** A deployment of the service that is still under way (for `Roll back` while a deploy runs elsewhere). */
export async function inProgressDeployment(run: DeployRun, cluster: string, service: string): Promise<ServiceDeploymentBrief | undefined> {
  try {
    const out = await run.send<{ serviceDeployments?: ServiceDeploymentBrief[] }>(run.clients.ecs, new ListServiceDeploymentsCommand({ cluster, service, status: ['PENDING', 'IN_PROGRESS'] }));
    return out.serviceDeployments?.[0];
  } catch (error) {
    if (run.options.signal?.aborted) throw error;
    if (isUnsupportedOperation(error) || isServerError(error) || isAccessDenied(error)) return undefined;
    throw error;
  }
}
