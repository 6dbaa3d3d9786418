/**
 * Where a rollout stands, pure. Two readings: the rolling-update view of DescribeServices (deployments and their
 * rolloutState), and the service deployment API (DescribeServiceDeployments), which every ECS strategy reports
 * through: its status, lifecycle stage, traffic weights, lifecycle hooks, alarms, circuit breaker and rollback.
 */


/** The parts of an ECS Service that the rollout watch reads (structurally compatible with the SDK's type). */
export interface ServiceView {
  readonly serviceName?: string;
  readonly status?: string;
  readonly desiredCount?: number;
  readonly runningCount?: number;
  readonly taskDefinition?: string;
  readonly deployments?: readonly DeploymentView[];
  readonly events?: readonly EventView[];
}

export interface DeploymentView {
  readonly id?: string;
  readonly status?: string;
  readonly taskDefinition?: string;
  readonly desiredCount?: number;
  readonly runningCount?: number;
  readonly pendingCount?: number;
  readonly failedTasks?: number;
  readonly rolloutState?: string;
  readonly rolloutStateReason?: string;
}

export interface EventView {
  readonly id?: string;
  readonly createdAt?: Date;
  readonly message?: string;
}

export type RolloutVerdict =
  | { readonly state: 'in-progress'; readonly summary: string; readonly draining: boolean }
  | { readonly state: 'completed'; readonly summary: string }
  | { readonly state: 'failed'; readonly summary: string; readonly rolledBack: boolean };

/**
 * Where the rollout of `taskDefinitionArn` (deployment `deploymentId` when known) stands, from DescribeServices
 * alone (the service deployment API may be missing: an older endpoint, or no ecs:ListServiceDeployments). A
 * rollback by the circuit breaker shows as our deployment FAILED, or as a new PRIMARY deployment running another
 * revision.
 */
export function assessRollout(service: ServiceView, taskDefinitionArn: string, deploymentId?: string, trafficShifting = false): RolloutVerdict {
  const deployments = service.deployments ?? [];
  const primary = deployments.find((d) => d.status === 'PRIMARY');
  const ours = (deploymentId !== undefined ? deployments.find((d) => d.id === deploymentId) : undefined) ?? deployments.find((d) => d.taskDefinition === taskDefinitionArn);
  const counts = (d: DeploymentView | undefined): string =>
    d ? `${d.runningCount ?? 0}/${d.desiredCount ?? 0} running${d.pendingCount ? `, ${d.pendingCount} pending` : ''}${d.failedTasks ? `, ${d.failedTasks} failed` : ''}` : 'no deployment';
  if (service.status !== undefined && service.status !== 'ACTIVE') {
    return { state: 'failed', summary: `The service is ${service.status}.`, rolledBack: false };
  }
  if (ours?.rolloutState === 'FAILED') {
    const rolledBack = primary !== undefined && primary !== ours && primary.taskDefinition !== taskDefinitionArn;
    return {
      state: 'failed',
      summary: `Rollout FAILED${ours.rolloutStateReason ? `: ${ours.rolloutStateReason}` : ''}${rolledBack ? ` The circuit breaker rolled the service back to ${revisionName(primary.taskDefinition)}.` : ''}`,
      rolledBack,
    };
  }
  if (primary && primary.taskDefinition !== taskDefinitionArn && (deploymentId === undefined || primary.id !== deploymentId)) {
    return {
      state: 'failed',
      summary: `The service's primary deployment now runs ${revisionName(primary.taskDefinition)}, not ${revisionName(taskDefinitionArn)}: the deployment was rolled back (circuit breaker) or replaced by another deploy.`,
      rolledBack: true,
    };
  }
  const current = ours ?? primary;
  if (current?.rolloutState === 'COMPLETED') return { state: 'completed', summary: `Rollout COMPLETED (${counts(current)}).` };
  if (current && current.rolloutState === undefined && deployments.length === 1 && (current.runningCount ?? 0) === (current.desiredCount ?? 0)) {
    return { state: 'completed', summary: `Steady state (${counts(current)}).` };
  }
  const others = deployments.filter((d) => d !== current && (d.runningCount ?? 0) > 0);
  // Old tasks that outlive a full new set drain from a target group; under blue/green, linear and canary
  // deployments both revisions run on purpose until the clean-up, so that is no hint there.
  const draining = !trafficShifting && current !== undefined && (current.runningCount ?? 0) >= (current.desiredCount ?? 0) && others.length > 0;
  return {
    state: 'in-progress',
    summary: `${current?.rolloutState ?? 'IN_PROGRESS'}: ${counts(current)}${others.length ? `; old tasks still running: ${others.map((d) => d.runningCount ?? 0).reduce((a, b) => a + b, 0)}` : ''}`,
    draining,
  };
}

/** Events not seen yet, oldest first (DescribeServices lists the newest first). Adds them to `seen`. */
export function newEvents(events: readonly EventView[] | undefined, seen: Set<string>): EventView[] {
  const fresh: EventView[] = [];
  for (const e of events ?? []) {
    const key = e.id ?? `${e.createdAt?.toISOString() ?? ''} ${e.message ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    fresh.push(e);
  }
  return fresh.reverse();
}

export const DEREGISTRATION_HINT =
  'The new tasks are running but old ones are still draining. A load balancer target group drains for its deregistration delay (300 seconds by default) before ECS stops the old tasks; lower deregistration_delay.timeout_seconds on the target group, or raise the deploy timeout.';

export function revisionName(arn: string | undefined): string {
  if (arn === undefined) return 'an unknown revision';
  const slash = arn.lastIndexOf('/');
  return slash === -1 ? arn : arn.slice(slash + 1);
}


// ---- the service deployment API ------------------------------------------------------------

/** The parts of a ServiceDeployment (DescribeServiceDeployments) the watch reads; compatible with the SDK's type. */
export interface ServiceDeploymentView {
  readonly serviceDeploymentArn?: string;
  readonly status?: string;
  readonly statusReason?: string;
  readonly lifecycleStage?: string;
  readonly targetServiceRevision?: ServiceRevisionView;
  readonly sourceServiceRevisions?: readonly ServiceRevisionView[];
  readonly deploymentConfiguration?: DeploymentConfigurationView;
  readonly lifecycleHookDetails?: readonly { readonly hookId?: string; readonly targetType?: string; readonly targetArn?: string; readonly status?: string }[];
  readonly rollback?: { readonly reason?: string; readonly serviceRevisionArn?: string };
  readonly deploymentCircuitBreaker?: { readonly status?: string; readonly failureCount?: number; readonly threshold?: number };
  readonly alarms?: { readonly status?: string; readonly alarmNames?: readonly string[]; readonly triggeredAlarmNames?: readonly string[] };
}

export interface ServiceRevisionView {
  readonly arn?: string;
  readonly requestedTaskCount?: number;
  readonly runningTaskCount?: number;
  readonly pendingTaskCount?: number;
  readonly requestedTestTrafficWeight?: number;
  readonly requestedProductionTrafficWeight?: number;
}

export interface DeploymentConfigurationView {
  readonly strategy?: string;
  readonly bakeTimeInMinutes?: number;
  readonly linearConfiguration?: { readonly stepPercent?: number; readonly stepBakeTimeInMinutes?: number };
  readonly canaryConfiguration?: { readonly canaryPercent?: number; readonly canaryBakeTimeInMinutes?: number };
}

/** What the stages of a service deployment mean, in the words the progress shows. */
export const STAGE_TITLES: Readonly<Record<string, string>> = {
  RECONCILE_SERVICE: 'reconciling the service',
  PRE_SCALE_UP: 'before scale-up',
  SCALE_UP: 'scale-up',
  POST_SCALE_UP: 'after scale-up',
  TEST_TRAFFIC_SHIFT: 'test traffic shift',
  POST_TEST_TRAFFIC_SHIFT: 'after the test traffic shift',
  PRE_PRODUCTION_TRAFFIC_SHIFT: 'before the production traffic shift',
  PRODUCTION_TRAFFIC_SHIFT: 'production traffic shift',
  POST_PRODUCTION_TRAFFIC_SHIFT: 'after the production traffic shift',
  BAKE_TIME: 'bake time',
  CLEAN_UP: 'clean-up',
};

/** Why a deployment failed, as the API tells it. */
export type FailureCause = 'alarm' | 'circuit-breaker' | 'hook' | 'user' | 'stopped' | 'rollback-failed' | 'other';

export type DeploymentVerdict =
  | { readonly state: 'in-progress'; readonly summary: string; readonly stage?: string; readonly rollingBack: boolean }
  | { readonly state: 'completed'; readonly summary: string }
  | { readonly state: 'failed'; readonly summary: string; readonly rolledBack: boolean; readonly cause: FailureCause };

export interface DeploymentWatchContext {
  /** When the watch first saw the BAKE_TIME stage (ms since the epoch), for the bake timer. */
  readonly bakeStartedAt?: number;
  readonly now: number;
  /** This run asked for the rollback (StopServiceDeployment ROLLBACK): the user's own "Roll back". */
  readonly userRollback?: boolean;
  /** The last in-progress summary, so that a stop half way says where it stopped. */
  readonly lastSummary?: string;
}

const ROLLING_BACK = new Set(['ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS']);

/** Where one service deployment stands, with its stage, traffic, bake timer and hooks in one line. */
export function assessServiceDeployment(deployment: ServiceDeploymentView, context: DeploymentWatchContext): DeploymentVerdict {
  const status = deployment.status ?? 'PENDING';
  if (status === 'SUCCESSFUL') return { state: 'completed', summary: `${strategyOf(deployment)} deployment SUCCESSFUL${tasksOf(deployment.targetServiceRevision)}.` };
  const cause = failureCause(deployment, context);
  if (status === 'ROLLBACK_SUCCESSFUL' || status === 'ROLLBACK_FAILED' || status === 'STOPPED') {
    const how = status === 'ROLLBACK_SUCCESSFUL' ? 'was rolled back' : status === 'ROLLBACK_FAILED' ? 'failed, and so did its rollback' : 'STOPPED without a rollback';
    const where = context.lastSummary ? ` It had reached: ${context.lastSummary}.` : '';
    return {
      state: 'failed',
      summary: `The ${strategyOf(deployment)} deployment ${how}: ${cause.reason}.${where}`,
      rolledBack: status === 'ROLLBACK_SUCCESSFUL',
      cause: status === 'ROLLBACK_FAILED' ? 'rollback-failed' : status === 'STOPPED' && cause.cause === 'other' ? 'stopped' : cause.cause,
    };
  }
  const rollingBack = ROLLING_BACK.has(status);
  const stage = deployment.lifecycleStage;
  const parts = [`${strategyOf(deployment)} ${rollingBack ? `ROLLING BACK (${cause.reason})` : status === 'STOP_REQUESTED' ? 'STOPPING' : status}`];
  if (stage) parts.push(`stage ${STAGE_TITLES[stage] ?? stage}`);
  const traffic = trafficOf(deployment.targetServiceRevision);
  if (traffic) parts.push(traffic);
  const tasks = tasksOf(deployment.targetServiceRevision).trim();
  if (tasks) parts.push(tasks.replace(/^\(|\)$/g, ''));
  const bake = bakeOf(deployment, context);
  if (stage === 'BAKE_TIME' && bake) parts.push(bake);
  const hooks = hooksOf(deployment);
  if (hooks) parts.push(hooks);
  return { state: 'in-progress', summary: `${parts.join(' · ')}`, ...(stage ? { stage } : {}), rollingBack };
}

/** BLUE_GREEN, LINEAR 10% every 5 min, CANARY 5% then the rest after 10 min, ROLLING. */
export function strategyOf(deployment: { readonly deploymentConfiguration?: DeploymentConfigurationView }): string {
  const c = deployment.deploymentConfiguration;
  const strategy = c?.strategy ?? 'ROLLING';
  if (strategy === 'LINEAR' && c?.linearConfiguration?.stepPercent !== undefined) {
    return `LINEAR (${c.linearConfiguration.stepPercent}% every ${c.linearConfiguration.stepBakeTimeInMinutes ?? 6} min)`;
  }
  if (strategy === 'CANARY' && c?.canaryConfiguration?.canaryPercent !== undefined) {
    return `CANARY (${c.canaryConfiguration.canaryPercent}%, the rest after ${c.canaryConfiguration.canaryBakeTimeInMinutes ?? 10} min)`;
  }
  return strategy;
}

/** Whether a strategy shifts traffic between two revisions (and so has stages, bake time and a "Roll back"). */
export function isTrafficShifting(strategy: string | undefined): boolean {
  return strategy === 'BLUE_GREEN' || strategy === 'LINEAR' || strategy === 'CANARY';
}

function trafficOf(target: ServiceRevisionView | undefined): string {
  const parts: string[] = [];
  const production = target?.requestedProductionTrafficWeight;
  const test = target?.requestedTestTrafficWeight;
  if (production !== undefined) parts.push(`production traffic ${percent(production)} new / ${percent(100 - production)} old`);
  if (test !== undefined && test > 0 && (production ?? 0) < 100) parts.push(`test traffic ${percent(test)} new`);
  return parts.join(', ');
}

function percent(n: number): string {
  return `${Math.round(n * 10) / 10}%`;
}

function tasksOf(target: ServiceRevisionView | undefined): string {
  if (target?.requestedTaskCount === undefined) return '';
  return ` (new revision: ${target.runningTaskCount ?? 0}/${target.requestedTaskCount} running${target.pendingTaskCount ? `, ${target.pendingTaskCount} pending` : ''})`;
}

function bakeOf(deployment: ServiceDeploymentView, context: DeploymentWatchContext): string {
  const minutes = deployment.deploymentConfiguration?.bakeTimeInMinutes;
  if (minutes === undefined) return 'bake time';
  if (context.bakeStartedAt === undefined) return `bake time ${minutes} min`;
  const left = Math.max(0, minutes - (context.now - context.bakeStartedAt) / 60_000);
  return `bake time: about ${left < 1 ? '<1' : Math.ceil(left)} of ${minutes} min left`;
}

function hooksOf(deployment: ServiceDeploymentView): string {
  return (deployment.lifecycleHookDetails ?? [])
    .map((h) => `hook ${hookName(h)} ${h.status === 'AWAITING_ACTION' ? 'AWAITING_ACTION (ContinueServiceDeployment goes on)' : (h.status ?? 'PENDING')}`)
    .join(', ');
}

function hookName(hook: { readonly targetArn?: string; readonly targetType?: string; readonly hookId?: string }): string {
  if (hook.targetArn) return hook.targetArn.slice(hook.targetArn.lastIndexOf(':') + 1) || hook.targetArn;
  return hook.targetType === 'PAUSE' ? 'PAUSE' : (hook.hookId ?? '?');
}

/** Why a deployment failed or is rolling back: the user, an alarm, the circuit breaker, a hook, or what ECS says. */
function failureCause(deployment: ServiceDeploymentView, context: DeploymentWatchContext): { cause: FailureCause; reason: string } {
  const stated = (deployment.rollback?.reason ?? deployment.statusReason)?.replace(/\.\s*$/, '');
  if (context.userRollback) return { cause: 'user', reason: `rolled back at your request (StopServiceDeployment ROLLBACK)${stated ? `; ECS: ${stated}` : ''}` };
  const triggered = deployment.alarms?.triggeredAlarmNames?.filter(Boolean) ?? [];
  if (triggered.length > 0 || deployment.alarms?.status === 'TRIGGERED') {
    return { cause: 'alarm', reason: `CloudWatch alarm ${triggered.join(', ') || '(unnamed)'} went into ALARM${stated ? ` (${stated})` : ''}` };
  }
  if (deployment.deploymentCircuitBreaker?.status === 'TRIGGERED') {
    const cb = deployment.deploymentCircuitBreaker;
    return { cause: 'circuit-breaker', reason: `the deployment circuit breaker tripped (${cb.failureCount ?? '?'} failed tasks, threshold ${cb.threshold ?? '?'})${stated ? `: ${stated}` : ''}` };
  }
  const hook = deployment.lifecycleHookDetails?.find((h) => h.status === 'FAILED' || h.status === 'TIMED_OUT');
  if (hook) {
    const at = deployment.lifecycleStage ? ` at ${STAGE_TITLES[deployment.lifecycleStage] ?? deployment.lifecycleStage}` : '';
    return { cause: 'hook', reason: `lifecycle hook ${hook.targetArn ?? hookName(hook)} ${hook.status}${at}${stated ? ` (${stated})` : ''}` };
  }
  return { cause: 'other', reason: stated ?? 'no reason given' };
}

/** The deployment UpdateService started: the one whose target revision has the id of the PRIMARY deployment, else the newest. */
export function pickServiceDeployment<T extends { readonly serviceDeploymentArn?: string; readonly targetServiceRevisionArn?: string; readonly createdAt?: Date }>(
  briefs: readonly T[],
  deploymentId: string | undefined,
): T | undefined {
  const number = deploymentId?.slice(deploymentId.lastIndexOf('/') + 1);
  const exact = number ? briefs.find((b) => b.targetServiceRevisionArn?.endsWith(`/${number}`)) : undefined;
  if (exact) return exact;
  return [...briefs].sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))[0];
}
