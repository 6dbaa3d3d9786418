/**
 * Pure parts of a deploy: the steps, image tags and references, the ECR token, the rollout verdict
 * from a DescribeServices answer, and the deploy history. No I/O: the engine (server/src/deploy) does that.
 */
import type { DeployTarget } from '../config/targets';

// ---- steps ---------------------------------------------------------------------------------

export type StepId = 'lint' | 'identity' | 'repository' | 'login' | 'build' | 'push' | 'render' | 'register' | 'update' | 'watch';

export interface PlanStep {
  readonly id: StepId;
  readonly title: string;
  /** The AWS calls the step makes; `write` when one of them changes anything. */
  readonly calls: readonly string[];
  readonly write: boolean;
}

export const STEP_TITLES: Readonly<Record<StepId, string>> = {
  lint: 'Lint the target files',
  identity: 'Check the AWS identity',
  repository: 'Check the ECR repository',
  login: 'Log in to the registry',
  build: 'Build the image',
  push: 'Push the image',
  render: 'Render the task definition',
  register: 'Register the task definition',
  update: 'Update the service',
  watch: 'Watch the rollout',
};

export type DeployMode = 'deploy' | 'image';

/** The steps of a deploy (or of an image-only build and push), in order. */
export function planSteps(target: DeployTarget, mode: DeployMode = 'deploy', wait = true): PlanStep[] {
  const step = (id: StepId, calls: string[], write: boolean): PlanStep => ({ id, title: STEP_TITLES[id], calls, write });
  const steps: PlanStep[] = [
    step('lint', [], false),
    step('identity', ['sts:GetCallerIdentity'], false),
    step('repository', ['ecr:DescribeRepositories', 'ecr:DescribeImages', '(ecr:CreateRepository when missing, after asking)'], false),
    step('login', ['ecr:GetAuthorizationToken'], false),
    step('build', [], false),
    step('push', ['registry push'], true),
  ];
  if (mode === 'image') return steps;
  steps.push(step('render', [], false), step('register', ['ecs:RegisterTaskDefinition'], true), step('update', ['ecs:DescribeServices', 'ecs:UpdateService'], true));
  if (wait) steps.push(step('watch', ['ecs:DescribeServices (polling)'], false));
  void target;
  return steps;
}

// ---- tags and references -------------------------------------------------------------------

/** The image tag: git short SHA (+ `-dirty`, + a timestamp so a dirty tag is never reused), or a timestamp outside git. */
export function imageTag(git: { readonly sha?: string; readonly dirty?: boolean }, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z').replace('T', '-').toLowerCase();
  if (git.sha === undefined || !/^[0-9a-f]{4,40}$/.test(git.sha)) return `build-${stamp}`;
  return git.dirty ? `${git.sha}-dirty-${stamp}` : git.sha;
}

/** `123456789012.dkr.ecr.eu-west-1.amazonaws.com` from a proxyEndpoint such as `https://…amazonaws.com`. */
export function registryHostOf(proxyEndpoint: string): string {
  return proxyEndpoint.replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '');
}

export function imageRef(host: string, repository: string, tagOrDigest: string): string {
  return tagOrDigest.startsWith('sha256:') ? `${host}/${repository}@${tagOrDigest}` : `${host}/${repository}:${tagOrDigest}`;
}

/** The user and password in an ECR authorization token (base64 of `user:password`). */
export function decodeAuthorizationToken(token: string): { user: string; password: string } | undefined {
  let decoded: string;
  try {
    decoded = new TextDecoder().decode(Uint8Array.from(atob(token.trim()), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon === decoded.length - 1) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** The digest in push output: docker/finch print `…: digest: sha256:<64 hex> size: N`. */
export function digestFromPushOutput(output: string): string | undefined {
  const matches = [...output.matchAll(/digest: (sha256:[0-9a-f]{64})/g)];
  return matches.length > 0 ? matches[matches.length - 1]![1] : undefined;
}

export function isDigest(value: string): boolean {
  return /^sha256:[0-9a-f]{64}$/.test(value);
}

// ---- rollout -------------------------------------------------------------------------------

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
 * Where the rollout of `taskDefinitionArn` (deployment `deploymentId` when known) stands. A rollback by the
 * circuit breaker shows as our deployment FAILED, or as a new PRIMARY deployment running another revision.
 */
export function assessRollout(service: ServiceView, taskDefinitionArn: string, deploymentId?: string): RolloutVerdict {
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
  const draining = current !== undefined && (current.runningCount ?? 0) >= (current.desiredCount ?? 0) && others.length > 0;
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

// ---- history -------------------------------------------------------------------------------

export interface HistoryEntry {
  readonly at: string;
  readonly action: 'deploy' | 'rollback';
  readonly cluster: string;
  readonly service: string;
  readonly taskDefinitionArn: string;
  /** What the service ran before this deploy: the revision a rollback returns to. */
  readonly previousTaskDefinitionArn?: string;
  readonly image?: string;
  readonly outcome: 'completed' | 'failed' | 'not-watched' | 'cancelled' | 'timed-out';
}

export interface DeployHistory {
  readonly version: 1;
  readonly targets: Record<string, HistoryEntry[]>;
}

export const HISTORY_LIMIT = 50;

/** Parses the history file; anything unreadable becomes an empty history (the file is a convenience, not state). */
export function parseHistory(text: string | undefined): DeployHistory {
  if (text === undefined) return { version: 1, targets: {} };
  try {
    const data = JSON.parse(text) as DeployHistory;
    if (data && data.version === 1 && typeof data.targets === 'object' && data.targets !== null) return data;
  } catch {
    // fall through
  }
  return { version: 1, targets: {} };
}

export function appendHistory(history: DeployHistory, target: string, entry: HistoryEntry): DeployHistory {
  const entries = [...(history.targets[target] ?? []), entry].slice(-HISTORY_LIMIT);
  return { version: 1, targets: { ...history.targets, [target]: entries } };
}

/**
 * The revision `Roll back` returns to: what ran before the latest deploy that reached UpdateService,
 * or, after a rollback, what ran before the deploy that was rolled back.
 */
export function rollbackRevision(history: DeployHistory, target: string, current?: string): string | undefined {
  const entries = history.targets[target] ?? [];
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]!;
    if (e.previousTaskDefinitionArn === undefined || e.previousTaskDefinitionArn === current) continue;
    if (e.action === 'deploy') return e.previousTaskDefinitionArn;
  }
  return undefined;
}
