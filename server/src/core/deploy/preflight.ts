/**
 * The preflight, pure: the checks that stop a bad rollout before anything is pushed, each judged from what the
 * engine read (the task definition, the live service, its target groups, the roles, the repository, the built
 * image). The engine does the reading (server/src/deploy/steps/preflight.ts); a check whose facts could not be
 * read is `skipped` with the reason, never guessed.
 */
import { kindOf, type DeployTarget } from '../config/targets';
import { imagePlatform, lambdaRuntimeClient, tagIsImmutable, type ImageConfigView, type RepositoryView } from './image';

export type CheckId = 'platform' | 'tag' | 'target-type' | 'load-balancer' | 'roles' | 'image' | 'runtime-client';
export type CheckStatus = 'passed' | 'failed' | 'warning' | 'skipped' | 'pending';

export interface PreflightCheck {
  readonly id: CheckId;
  readonly title: string;
  readonly status: CheckStatus;
  /** What was found; for a failure, what to change. */
  readonly message: string;
}

export const CHECK_TITLES: Readonly<Record<CheckId, string>> = {
  platform: 'Build platform against where it runs',
  tag: 'Image tag against the repository',
  'target-type': "Target groups' target type against the network mode",
  'load-balancer': "Container name and port against the service's load balancers",
  roles: 'Roles exist, trust the service and can be passed',
  image: "Built image's architecture",
  'runtime-client': 'Lambda runtime interface client in the image',
};

/** The checks a target's deploy runs, in order; `afterBuild` ones judge the built image. */
export function preflightChecks(target: DeployTarget): { readonly id: CheckId; readonly title: string; readonly afterBuild: boolean }[] {
  const kind = kindOf(target);
  const ids: CheckId[] =
    kind === 'ecs' ? ['platform', 'tag', 'target-type', 'load-balancer', 'roles', 'image']
    : kind === 'express' ? ['platform', 'tag', 'roles', 'image']
    : ['platform', 'tag', 'image', 'runtime-client'];
  return ids.map((id) => ({ id, title: CHECK_TITLES[id], afterBuild: id === 'image' || id === 'runtime-client' }));
}

export function check(id: CheckId, status: CheckStatus, message: string): PreflightCheck {
  return { id, title: CHECK_TITLES[id], status, message };
}

/** The target's `platform` against the platform the task or function runs on (`wanted`, with where it says so). */
export function checkPlatform(buildPlatform: string, wanted: { readonly platform: string; readonly source: string } | undefined): PreflightCheck {
  if (!wanted) return check('platform', 'passed', `Builds for ${buildPlatform}.`);
  if (wanted.platform === buildPlatform) return check('platform', 'passed', `Builds for ${buildPlatform}, as ${wanted.source} needs.`);
  return check('platform', 'failed', `The target builds for ${buildPlatform}, but ${wanted.source} runs ${wanted.platform}: the image would not start. Remove platform from the target (Berth then builds for ${wanted.platform}) or set it to ${wanted.platform}.`);
}

/** The tag about to be pushed against the repository's tag mutability and the tags it holds. */
export function checkTag(repositoryName: string, repository: RepositoryView | undefined, tag: string, exists: boolean | undefined): PreflightCheck {
  if (!repository) return check('tag', 'passed', `${repositoryName} will be created with IMMUTABLE tags; ${tag} is new there.`);
  const immutable = tagIsImmutable(repository, tag);
  const mutability = repository.imageTagMutability ?? 'IMMUTABLE';
  if (exists === undefined) return check('tag', 'skipped', `Could not list the tags of ${repositoryName} (${mutability} tags).`);
  if (exists && immutable) {
    return check('tag', 'failed', `The tag ${tag} already exists in ${repositoryName}, whose tags are immutable${mutability.endsWith('_WITH_EXCLUSION') ? ' for this tag' : ''}: this commit was pushed before. Commit your change (or deploy the existing image) and try again.`);
  }
  if (exists) return check('tag', 'warning', `The tag ${tag} already exists in ${repositoryName} (${mutability}): the push moves it to the new image; Berth deploys by digest, so nothing running changes.`);
  return check('tag', 'passed', `${tag} is new in ${repositoryName} (${mutability} tags).`);
}

/** The target type a task's network mode needs: awsvpc tasks register by IP, bridge and host tasks by instance. */
export function targetTypeFor(networkMode: string | undefined): 'ip' | 'instance' | undefined {
  if (networkMode === 'awsvpc') return 'ip';
  if (networkMode === 'none') return undefined;
  return 'instance';
}

export function checkTargetTypes(networkMode: string | undefined, groups: readonly { readonly arn: string; readonly targetType?: string }[]): PreflightCheck {
  if (groups.length === 0) return check('target-type', 'passed', 'The service has no load balancer target groups.');
  const wanted = targetTypeFor(networkMode);
  const mode = networkMode ?? 'bridge (the default)';
  if (!wanted) return check('target-type', 'failed', `The task uses network mode none, which cannot sit behind a load balancer, but the service has target groups ${groups.map((g) => name(g.arn)).join(', ')}.`);
  const wrong = groups.filter((g) => g.targetType !== undefined && g.targetType !== wanted);
  if (wrong.length === 0) return check('target-type', 'passed', `Target groups ${groups.map((g) => `${name(g.arn)} (${g.targetType ?? '?'})`).join(', ')} fit network mode ${mode}.`);
  const list = wrong.map((g) => `${name(g.arn)} (target type ${g.targetType})`).join(', ');
  return check(
    'target-type',
    'failed',
    `Network mode ${mode} registers tasks by ${wanted === 'ip' ? 'IP address' : 'instance'}, but the service's target group${wrong.length > 1 ? 's' : ''} ${list} ${wrong.length > 1 ? 'do' : 'does'} not: ECS cannot register the new tasks. Use target groups of type ${wanted}, or change the task's networkMode.`,
  );
}

/** Every load balancer of the service names a container of the new task definition and a port it maps. */
export function checkLoadBalancers(loadBalancers: readonly { readonly containerName?: string; readonly containerPort?: number; readonly targetGroupArn?: string; readonly loadBalancerName?: string }[], taskDefinition: Record<string, unknown>): PreflightCheck {
  if (loadBalancers.length === 0) return check('load-balancer', 'passed', 'The service has no load balancers.');
  const containers = (Array.isArray(taskDefinition.containerDefinitions) ? taskDefinition.containerDefinitions : []) as Record<string, unknown>[];
  const problems: string[] = [];
  for (const lb of loadBalancers) {
    const via = lb.targetGroupArn ? `target group ${name(lb.targetGroupArn)}` : `load balancer ${lb.loadBalancerName ?? '?'}`;
    const container = containers.find((c) => c.name === lb.containerName);
    if (!container) {
      problems.push(`the service sends ${via} to container "${lb.containerName}", which the task definition does not have (its containers: ${containers.map((c) => `"${String(c.name)}"`).join(', ') || 'none'})`);
      continue;
    }
    const mappings = (Array.isArray(container.portMappings) ? container.portMappings : []) as Record<string, unknown>[];
    const ports = mappings.map((m) => m.containerPort).filter((p): p is number => typeof p === 'number');
    if (lb.containerPort !== undefined && !ports.includes(lb.containerPort)) {
      problems.push(`the service sends ${via} to port ${lb.containerPort} of container "${lb.containerName}", which maps ${ports.length ? `port${ports.length > 1 ? 's' : ''} ${ports.join(', ')}` : 'no ports'}`);
    }
  }
  if (problems.length === 0) return check('load-balancer', 'passed', loadBalancers.map((lb) => `${lb.containerName}:${lb.containerPort}`).join(', ') + ' exist in the task definition.');
  return check('load-balancer', 'failed', `${capital(problems.join('; '))}. Rename the container or add the port mapping in the task definition (a service's load balancers change only with UpdateService's loadBalancers).`);
}

/** Whether a role's trust policy (GetRole's AssumeRolePolicyDocument, URL-encoded JSON) lets `service` assume it. */
export function trustsService(document: string | undefined, service: string): boolean | undefined {
  if (document === undefined) return undefined;
  let policy: { Statement?: unknown };
  try {
    policy = JSON.parse(decodeURIComponent(document)) as { Statement?: unknown };
  } catch {
    try {
      policy = JSON.parse(document) as { Statement?: unknown };
    } catch {
      return undefined;
    }
  }
  const statements = (Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement]) as Record<string, unknown>[];
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);
  return statements.some((s) => {
    if (!s || s.Effect !== 'Allow') return false;
    const actions = list(s.Action).map(String);
    if (!actions.some((a) => a === 'sts:AssumeRole' || a === 'sts:*' || a === '*')) return false;
    const principal = s.Principal as Record<string, unknown> | string | undefined;
    if (principal === '*') return true;
    return typeof principal === 'object' && principal !== null && list(principal.Service).map(String).includes(service);
  });
}

/** One role as the preflight found it. */
export interface RoleFinding {
  readonly arn: string;
  /** What uses it: "execution role", "task role", "infrastructure role". */
  readonly use: string;
  /** The service principal that must assume it. */
  readonly principal: string;
  readonly exists?: boolean;
  readonly trusted?: boolean;
  /** iam:PassRole for the caller: allowed, denied, or unknown (the simulation was not possible). */
  readonly passRole?: 'allowed' | 'denied';
  /** Why something could not be checked. */
  readonly unchecked?: string;
}

export function checkRoles(roles: readonly RoleFinding[]): PreflightCheck {
  if (roles.length === 0) return check('roles', 'passed', 'No roles to pass.');
  const failed: string[] = [];
  const unchecked: string[] = [];
  const ok: string[] = [];
  for (const r of roles) {
    const role = `the ${r.use} ${name(r.arn)}`;
    if (r.exists === false) failed.push(`${role} does not exist (create it, or fix the ARN)`);
    else if (r.trusted === false) failed.push(`${role} does not trust ${r.principal} (add it as a principal of the role's trust policy with sts:AssumeRole)`);
    else if (r.passRole === 'denied') failed.push(`you may not pass ${role} (iam:PassRole is denied for your identity)`);
    else if (r.unchecked) unchecked.push(`${role}: ${r.unchecked}`);
    else ok.push(name(r.arn));
  }
  if (failed.length) return check('roles', 'failed', `${capital(failed.join('; '))}.`);
  if (unchecked.length) return check('roles', 'skipped', `Not fully checked: ${unchecked.join('; ')}.${ok.length ? ` Checked: ${ok.join(', ')}.` : ''}`);
  return check('roles', 'passed', `${ok.join(', ')} exist, trust their service and can be passed.`);
}

/**
 * The built image's platform against where it must run (`wanted`: the task definition's runtimePlatform, Fargate's
 * default, the function's architecture) — a failure; or, when that is not known (tasks on EC2 instances of any
 * architecture), against the platform the build asked for — a warning, since the builder handed back another.
 */
export function checkImage(image: ImageConfigView | undefined, requested: string, wanted?: { readonly platform: string; readonly source: string }): PreflightCheck {
  const platform = image && imagePlatform(image);
  if (!platform) return check('image', 'skipped', 'The container CLI did not say which platform the image is for.');
  const target = wanted?.platform ?? requested;
  if (platform === target) return check('image', 'passed', `The image is ${platform}${wanted ? `, as ${wanted.source} needs` : ''}.`);
  const why = 'a base image in the Dockerfile may pin another platform, or the builder reused a cached image of another platform';
  if (wanted) return check('image', 'failed', `The built image is ${platform}, but ${wanted.source} runs ${wanted.platform}: it would not start. Build it for ${wanted.platform} (${why}).`);
  return check('image', 'warning', `The built image is ${platform}, though the build asked for ${requested} (${why}); Berth cannot tell which platform the service's instances run.`);
}

/** A Lambda image must start something that speaks the Lambda Runtime API. */
export function checkRuntimeClient(image: ImageConfigView | undefined, override: { readonly entryPoint?: readonly string[]; readonly command?: readonly string[] }): PreflightCheck {
  if (!image) return check('runtime-client', 'skipped', 'The container CLI did not describe the image.');
  const verdict = lambdaRuntimeClient(image, override);
  if (verdict.state === 'ok') return check('runtime-client', 'passed', `${capital(verdict.why)}.`);
  if (verdict.state === 'missing') return check('runtime-client', 'failed', `${capital(verdict.why)}: set ENTRYPOINT/CMD (AWS's base images public.ecr.aws/lambda/* do), or the function's ImageConfig.`);
  return check('runtime-client', 'warning', `${capital(verdict.why)}.`);
}

/** A target group's or role's name from its ARN. */
function name(arn: string): string {
  const group = /:targetgroup\/([^/]+)/.exec(arn);
  return group ? group[1]! : arn.slice(arn.lastIndexOf('/') + 1);
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
