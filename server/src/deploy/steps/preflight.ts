/**
 * The preflight before anything is pushed: reads what the checks need (the repository's tags, the live service's
 * target groups, the roles and whether the caller may pass them) and judges it with core/deploy/preflight.ts.
 * A failed check stops the deploy with what to change, before the login and the build; a warning is asked about.
 * In a plan without AWS the checks that need it are listed as pending.
 */
import { DescribeImagesCommand } from '@aws-sdk/client-ecr';
import { DescribeTargetGroupsCommand, type TargetGroup } from '@aws-sdk/client-elastic-load-balancing-v2';
import { GetRoleCommand, SimulatePrincipalPolicyCommand, type EvaluationResult, type Role } from '@aws-sdk/client-iam';
import { expressArchitecture, lambdaPlatform, tagIsImmutable } from '../../core/deploy/image';
import { check, checkLoadBalancers, checkPlatform, checkRoles, checkTag, checkTargetTypes, preflightChecks, trustsService, type PreflightCheck, type RoleFinding } from '../../core/deploy/preflight';
import { describeAwsError, isAccessDenied, isServerError, isUnsupportedOperation } from '../aws';
import { Stop, type DeployRun } from '../run';

export async function preflightStep(run: DeployRun): Promise<void> {
  const { result: r } = run;
  await run.step('preflight', async (rec) => {
    const checks: PreflightCheck[] = [];
    const add = (c: PreflightCheck): void => {
      checks.push(c);
      run.emitCheck(c);
    };
    add(checkPlatform(run.state.platform, wantedPlatform(run)));
    const deploy = run.mode === 'deploy';
    if (run.state.offline) {
      for (const c of preflightChecks(run.target).filter((c) => c.id !== 'platform' && (deploy || c.id === 'tag' || c.id === 'image'))) {
        add(check(c.id, 'pending', c.afterBuild ? 'Runs after the build.' : 'Needs AWS.'));
      }
    } else {
      add(await tagCheck(run));
      if (deploy && run.kind === 'ecs') {
        add(await targetTypeCheck(run));
        add(checkLoadBalancers(run.state.service?.loadBalancers ?? [], run.state.taskDefinition ?? {}));
        add(await rolesCheck(run, ecsRoles(run)));
      }
      if (deploy && run.kind === 'express') add(await rolesCheck(run, expressRoles(run)));
    }
    // A plan lists the checks of the built image too: they run after the build.
    if (run.options.dryRun && !run.state.offline) {
      for (const c of preflightChecks(run.target).filter((c) => c.afterBuild && (deploy || c.id === 'image'))) add(check(c.id, 'pending', 'Runs after the build.'));
    }
    r.preflight = checks;
    await conclude(run, checks, (message) => (rec.message = message));
  });
}

/** Stops on a failed check (a plan records it), asks about warnings; `say` gets the step's one line. */
export async function conclude(run: DeployRun, checks: readonly PreflightCheck[], say: (message: string) => void): Promise<void> {
  const failed = checks.filter((c) => c.status === 'failed');
  const warnings = checks.filter((c) => c.status === 'warning');
  const counts = (['passed', 'failed', 'warning', 'skipped', 'pending'] as const).map((s) => [s, checks.filter((c) => c.status === s).length] as const).filter(([, n]) => n > 0);
  say(counts.map(([s, n]) => `${n} ${s}`).join(', ') + '.');
  if (failed.length > 0) {
    const message = `The preflight stopped the deploy before anything was pushed: ${failed.map((c) => c.message).join(' ')}${run.nothingDoneYet()}`;
    if (run.options.dryRun) run.state.preflightFailed = message;
    else throw new Stop('failed', message);
  }
  if (warnings.length > 0 && !run.options.dryRun) {
    const go = await run.ask({ kind: 'preflight-warnings', message: `The preflight has ${warnings.length} warning(s): ${warnings.map((w) => w.message).join(' ')} Deploy anyway?` });
    if (!go) throw new Stop('declined', `Stopped at the preflight's warning(s): ${warnings.map((w) => w.message).join(' ')} ${run.result.digest ? `${run.result.image} was pushed; nothing was deployed.` : 'Nothing was pushed.'}`);
  }
}

/**
 * Where the image must run, when that is known: the task definition's runtimePlatform, else Fargate's default
 * (X86_64) for a Fargate task; the function's architecture; for Express, the cpuArchitecture Berth sends.
 */
export function wantedPlatform(run: DeployRun): { platform: string; source: string } | undefined {
  const { state, target } = run;
  if (run.kind === 'lambda' && state.lambda) {
    const arch = state.lambda.config.Architectures?.[0] ?? 'x86_64';
    return { platform: lambdaPlatform(arch), source: `function ${target.function} (${arch})` };
  }
  if (run.kind === 'express' && run.mode === 'deploy') return { platform: state.platform, source: `the Express service (cpuArchitecture ${expressArchitecture(state.platform)})` };
  if (run.kind !== 'ecs' || run.mode !== 'deploy') return undefined;
  if (state.declaredPlatform) return { platform: state.declaredPlatform, source: `the task definition's runtimePlatform` };
  const compatibilities = state.taskDefinition?.requiresCompatibilities;
  if (Array.isArray(compatibilities) && compatibilities.includes('FARGATE')) return { platform: 'linux/amd64', source: 'Fargate without a runtimePlatform (X86_64)' };
  return undefined;
}

async function tagCheck(run: DeployRun): Promise<PreflightCheck> {
  const { target, state } = run;
  const name = target.ecrRepository!;
  if (!state.repository) return checkTag(name, undefined, state.tag!, false);
  // A tag of a MUTABLE repository may be pushed again: no need to ask whether it exists.
  if (!tagIsImmutable(state.repository, state.tag!)) return check('tag', 'passed', `${name} has ${state.repository.imageTagMutability} tags: ${state.tag} may be pushed (again); Berth deploys by digest.`);
  try {
    const out = await run.send<{ imageDetails?: unknown[] }>(run.clients.ecr, new DescribeImagesCommand({ repositoryName: name, imageIds: [{ imageTag: state.tag! }] }));
    return checkTag(name, state.repository, state.tag!, (out.imageDetails?.length ?? 0) > 0);
  } catch (error) {
    if ((error as Error).name === 'ImageNotFoundException') return checkTag(name, state.repository, state.tag!, false);
    if (isAccessDenied(error)) return checkTag(name, state.repository, state.tag!, undefined);
    throw error;
  }
}

async function targetTypeCheck(run: DeployRun): Promise<PreflightCheck> {
  const lbs = run.state.service?.loadBalancers ?? [];
  const arns = [...new Set(lbs.flatMap((lb) => [lb.targetGroupArn, lb.advancedConfiguration?.alternateTargetGroupArn]).filter((a): a is string => !!a))];
  if (arns.length === 0) return checkTargetTypes(undefined, []);
  const networkMode = run.state.taskDefinition?.networkMode as string | undefined;
  try {
    const out = await run.send<{ TargetGroups?: TargetGroup[] }>(run.clients.elbv2, new DescribeTargetGroupsCommand({ TargetGroupArns: arns }));
    return checkTargetTypes(networkMode, (out.TargetGroups ?? []).map((g) => ({ arn: g.TargetGroupArn ?? '?', ...(g.TargetType ? { targetType: g.TargetType } : {}) })));
  } catch (error) {
    if ((error as Error).name === 'TargetGroupNotFoundException') {
      return check('target-type', 'failed', `A target group of the service does not exist any more (${arns.join(', ')}): ECS cannot register the new tasks. Fix the service's load balancers.`);
    }
    if (isAccessDenied(error) || isUnsupportedOperation(error) || isServerError(error)) return check('target-type', 'skipped', `Could not read the target groups: ${describeAwsError(error).message}`);
    throw error;
  }
}

type RoleUse = Pick<RoleFinding, 'arn' | 'use' | 'principal'>;

function ecsRoles(run: DeployRun): RoleUse[] {
  const td = run.state.taskDefinition ?? {};
  const roles: RoleUse[] = [];
  if (typeof td.executionRoleArn === 'string') roles.push({ arn: td.executionRoleArn, use: 'execution role', principal: 'ecs-tasks.amazonaws.com' });
  if (typeof td.taskRoleArn === 'string') roles.push({ arn: td.taskRoleArn, use: 'task role', principal: 'ecs-tasks.amazonaws.com' });
  return roles;
}

function expressRoles(run: DeployRun): RoleUse[] {
  const { target } = run;
  const roles: RoleUse[] = [];
  if (target.executionRoleArn) roles.push({ arn: target.executionRoleArn, use: 'execution role', principal: 'ecs-tasks.amazonaws.com' });
  if (target.infrastructureRoleArn) roles.push({ arn: target.infrastructureRoleArn, use: 'infrastructure role', principal: 'ecs.amazonaws.com' });
  if (target.taskRoleArn) roles.push({ arn: target.taskRoleArn, use: 'task role', principal: 'ecs-tasks.amazonaws.com' });
  return roles;
}

async function rolesCheck(run: DeployRun, roles: readonly RoleUse[]): Promise<PreflightCheck> {
  const findings: RoleFinding[] = [];
  for (const role of roles) findings.push(await inspectRole(run, role));
  return checkRoles(findings);
}

async function inspectRole(run: DeployRun, role: RoleUse): Promise<RoleFinding> {
  const account = /^arn:aws[a-z-]*:iam::(\d{12}):role\//.exec(role.arn)?.[1];
  if (account && run.result.account && account !== run.result.account) return { ...role, unchecked: `it is in account ${account}, not ${run.result.account}` };
  let found: Role | undefined;
  try {
    found = (await run.send<{ Role?: Role }>(run.clients.iam, new GetRoleCommand({ RoleName: role.arn.slice(role.arn.lastIndexOf('/') + 1) }))).Role;
  } catch (error) {
    if ((error as Error).name === 'NoSuchEntityException' || (error as Error).name === 'NoSuchEntity') return { ...role, exists: false };
    if (isAccessDenied(error) || isUnsupportedOperation(error) || isServerError(error)) return { ...role, unchecked: `GetRole: ${describeAwsError(error).message}` };
    throw error;
  }
  if (found?.Arn && found.Arn !== role.arn) return { ...role, exists: false };
  const trusted = trustsService(found?.AssumeRolePolicyDocument, role.principal);
  const pass = await simulatePassRole(run, role);
  return { ...role, exists: true, ...(trusted !== undefined ? { trusted } : {}), ...pass };
}

/** iam:PassRole for the caller, simulated; `unchecked` when the simulation is not possible (no permission, root, …). */
async function simulatePassRole(run: DeployRun, role: RoleUse): Promise<Pick<RoleFinding, 'passRole' | 'unchecked'>> {
  const source = principalArn(run.state.callerArn);
  if (!source) return { unchecked: `iam:PassRole cannot be simulated for ${run.state.callerArn ?? 'an unknown identity'}` };
  try {
    const out = await run.send<{ EvaluationResults?: EvaluationResult[] }>(
      run.clients.iam,
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: source,
        ActionNames: ['iam:PassRole'],
        ResourceArns: [role.arn],
        ContextEntries: [{ ContextKeyName: 'iam:PassedToService', ContextKeyValues: [role.principal], ContextKeyType: 'string' }],
      }),
    );
    const decision = out.EvaluationResults?.[0]?.EvalDecision;
    if (decision === 'allowed') return { passRole: 'allowed' };
    if (decision === 'explicitDeny' || decision === 'implicitDeny') return { passRole: 'denied' };
    return { unchecked: 'the iam:PassRole simulation gave no decision' };
  } catch (error) {
    if (isAccessDenied(error) || isUnsupportedOperation(error) || isServerError(error) || (error as Error).name === 'NoSuchEntityException') {
      return { unchecked: `iam:PassRole not simulated (${describeAwsError(error).message.replace(/ See the README.*$/, '')})` };
    }
    throw error;
  }
}

/** The IAM principal behind an STS caller ARN: a user as it is, an assumed role as its role (root: none to simulate). */
export function principalArn(callerArn: string | undefined): string | undefined {
  if (!callerArn) return undefined;
  const assumed = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\//.exec(callerArn);
  if (assumed) return `arn:${assumed[1]}:iam::${assumed[2]}:role/${assumed[3]}`;
  return /^arn:aws[a-z-]*:iam::\d{12}:(user|role)\//.test(callerArn) ? callerArn : undefined;
}
