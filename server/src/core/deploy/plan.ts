/**
 * The plan of a deploy, pure: the steps of each kind of target in order, with the AWS calls each makes, which of
 * them write, and which need AWS at all (a plan without credentials shows the others and lists these as such).
 * The other pure halves: image.ts (tags, references, the built image), rollout.ts (where a rollout stands),
 * preflight.ts (the checks before anything is pushed), history.ts, render.ts, target.ts.
 */
import { kindOf, type DeployTarget, type TargetKind } from '../config/targets';

export type StepId = 'lint' | 'identity' | 'repository' | 'preflight' | 'login' | 'build' | 'inspect' | 'push' | 'render' | 'register' | 'update' | 'watch' | 'publish';

export interface PlanStep {
  readonly id: StepId;
  readonly title: string;
  /** The AWS calls the step makes; `write` when one of them changes anything. */
  readonly calls: readonly string[];
  readonly write: boolean;
  /** The step calls AWS (or the registry ECR names): a plan without credentials cannot run it. */
  readonly needsAws: boolean;
}

export type DeployMode = 'deploy' | 'image';

const COMMON_TITLES = {
  lint: 'Lint the target files',
  identity: 'Check the AWS identity',
  repository: 'Check the ECR repository',
  preflight: 'Preflight checks',
  login: 'Log in to the registry',
  build: 'Build the image',
  inspect: 'Check the built image',
  push: 'Push the image',
  render: 'Render the task definition',
  register: 'Register the task definition',
} as const;

const KIND_TITLES: Readonly<Record<TargetKind, Readonly<Record<'update' | 'watch' | 'publish', string>>>> = {
  ecs: { update: 'Update the service', watch: 'Watch the deployment', publish: 'Publish' },
  express: { update: 'Create or update the Express service', watch: 'Watch the Express service until it is active', publish: 'Publish' },
  lambda: { update: 'Update the function code', watch: 'Wait for the function update', publish: 'Publish a version and move the alias' },
};

/** The title of a step for a kind of target (the progress, the log and the plan show it). */
export function stepTitle(id: StepId | 'rollback', kind: TargetKind = 'ecs'): string {
  if (id === 'rollback') return 'Roll back the service';
  return id === 'update' || id === 'watch' || id === 'publish' ? KIND_TITLES[kind][id] : COMMON_TITLES[id];
}

/** The AWS calls of each step, by kind (the README's IAM permissions list the same). */
const CALLS: Readonly<Record<TargetKind, Partial<Record<StepId, readonly string[]>>>> = {
  ecs: {
    identity: ['sts:GetCallerIdentity', 'ecs:DescribeServices'],
    preflight: ['ecr:DescribeImages', 'elasticloadbalancing:DescribeTargetGroups', 'iam:GetRole', 'iam:SimulatePrincipalPolicy'],
    register: ['ecs:RegisterTaskDefinition'],
    update: ['ecs:DescribeServices', 'ecs:UpdateService'],
    watch: ['ecs:DescribeServices', 'ecs:ListServiceDeployments', 'ecs:DescribeServiceDeployments (polling)', '(ecs:StopServiceDeployment on "Roll back")'],
  },
  express: {
    identity: ['sts:GetCallerIdentity', 'ecs:DescribeExpressGatewayService'],
    preflight: ['ecr:DescribeImages', 'iam:GetRole', 'iam:SimulatePrincipalPolicy'],
    update: ['ecs:CreateExpressGatewayService or ecs:UpdateExpressGatewayService'],
    watch: ['ecs:DescribeExpressGatewayService', 'ecs:ListServiceDeployments', 'ecs:DescribeServiceDeployments (polling)'],
  },
  lambda: {
    identity: ['sts:GetCallerIdentity', 'lambda:GetFunction'],
    preflight: ['ecr:DescribeImages'],
    update: ['lambda:UpdateFunctionCode'],
    watch: ['lambda:GetFunctionConfiguration (polling)'],
    publish: ['lambda:PublishVersion', 'lambda:GetAlias', 'lambda:UpdateAlias (lambda:CreateAlias when missing)'],
  },
};

const SHARED_CALLS: Partial<Record<StepId, readonly string[]>> = {
  repository: ['ecr:DescribeRepositories', '(ecr:CreateRepository when missing, after asking)'],
  login: ['ecr:GetAuthorizationToken'],
  push: ['registry push'],
};

const WRITES = new Set<StepId>(['push', 'register', 'update', 'publish']);
const LOCAL = new Set<StepId>(['lint', 'build', 'inspect', 'render']);

/** The steps of a deploy (or of an image-only build and push), in order. */
export function planSteps(target: DeployTarget, mode: DeployMode = 'deploy', wait = true): PlanStep[] {
  const kind = kindOf(target);
  const step = (id: StepId): PlanStep => ({ id, title: stepTitle(id, kind), calls: [...(CALLS[kind][id] ?? SHARED_CALLS[id] ?? [])], write: WRITES.has(id), needsAws: !LOCAL.has(id) });
  const image: StepId[] = ['lint', 'identity', 'repository', 'preflight', 'login', 'build', 'inspect', 'push'];
  if (mode === 'image') return image.map(step);
  const rest: StepId[] =
    kind === 'ecs' ? ['render', 'register', 'update', ...(wait ? (['watch'] as const) : [])]
    : kind === 'express' ? ['update', ...(wait ? (['watch'] as const) : [])]
    : ['update', ...(wait || target.alias ? (['watch'] as const) : []), ...(target.alias ? (['publish'] as const) : [])];
  return [...image, ...rest].map(step);
}
