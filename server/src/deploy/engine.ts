/**
 * The deploy engine (issues 8 and 19): `deploy()` runs a target's flow (flows.ts: ECS service, Express service,
 * Lambda function), `rollback()` rolls an ECS service back; both are sequences of steps, one module per step under
 * steps/, handing on a typed state (run.ts). Not in the core: it reads files, spawns the container CLI and calls AWS.
 *
 * Rules it keeps whatever happens:
 * - no UpdateService, Express update or UpdateFunctionCode after a failed (or cancelled) earlier step, the
 *   preflight included;
 * - no task definition revision is ever deregistered, no service or function deleted (the engine has no code
 *   that could);
 * - the registry password goes to the container CLI on stdin, into a temporary DOCKER_CONFIG /
 *   REGISTRY_AUTH_FILE that is deleted afterwards, also on failure and cancel (steps/image.ts);
 * - a dry run makes read calls only (none without credentials);
 * - the user's task definition file is never written.
 */
import { kindOf, type DeployTarget } from '../core/config/targets';
import { planSteps } from '../core/deploy/plan';
import { revisionName } from '../core/deploy/rollout';
import { flowOf } from './flows';
import { historyOutcome, writeHistory } from './history';
import { DeployRun } from './run';
import { planIncomplete } from './steps/plan';
import { rollbackStep } from './steps/update';
import { watchStep } from './steps/watch';
import { loadTarget } from './loadTarget';
import type { DeployOptions, DeployResult } from './types';

/** Deploys a target (its name in .berthrc.yaml, or a target object). Never throws: everything is in the result. */
export async function deploy(targetOrName: string | DeployTarget, options: DeployOptions): Promise<DeployResult> {
  const mode = options.mode ?? 'deploy';
  const found = targetOf(targetOrName, options, 'Deploy is disabled in an untrusted workspace: trust the workspace first. Nothing was done.');
  if ('refused' in found) return found.refused;
  const { target } = found;
  const flow = flowOf(target);
  const missing = flow.missing(target, mode);
  if (missing.length > 0 && options.dryRun) return planIncomplete(target, options, mode, missing);
  if (missing.length > 0) {
    return refused(target.name, `The deploy target "${target.name}" needs ${missing.join(', ')} in .berthrc.yaml (deploy.targets.${target.name}). Nothing was done.`);
  }
  const run = new DeployRun(target, options, mode);
  run.result.kind = kindOf(target);
  if (options.dryRun) Object.assign(run.result, { plan: planSteps(target, mode, run.wait) });
  try {
    await flow.run(run);
  } catch (error) {
    stopped(run, error);
    const r = run.result;
    if (r.taskDefinitionArn && !run.state.serviceUpdated) {
      r.hints.push(`${revisionName(r.taskDefinitionArn)} stays registered (revisions are never deregistered); the service was not changed.`);
    }
  } finally {
    if (run.state.serviceUpdated && run.kind === 'ecs') writeHistory(run, 'deploy', historyOutcome(run.result.outcome));
    run.dispose();
  }
  return run.result;
}

/** `Roll back service`: UpdateService to the revision that ran before the latest deploy (from the history), then watch. */
export async function rollback(targetOrName: string | DeployTarget, options: DeployOptions): Promise<DeployResult> {
  const found = targetOf(targetOrName, options, 'Rollback is disabled in an untrusted workspace. Nothing was done.');
  if ('refused' in found) return found.refused;
  const { target } = found;
  if (kindOf(target) !== 'ecs') return refused(target.name, `Roll back is for ECS service targets; "${target.name}" is a ${kindOf(target)} target.${kindOf(target) === 'lambda' ? ' Move its alias back to the version before (UpdateAlias).' : ''} Nothing was done.`);
  if (target.cluster === undefined || target.service === undefined) return refused(target.name, `The target "${target.name}" has no cluster/service.`);
  const run = new DeployRun(target, options);
  try {
    const expect = await rollbackStep(run);
    if (run.wait) await watchStep(run, expect);
    else if (expect === 'rollback') run.finish('not-watched', `Asked ECS to roll back the deployment of ${target.service}; the rollback was not watched.`);
    else run.finish('not-watched', `Rolled ${target.service} back to ${revisionName(run.result.taskDefinitionArn)}; the rollout was not watched.`);
  } catch (error) {
    stopped(run, error);
  } finally {
    if (run.state.serviceUpdated) writeHistory(run, 'rollback', historyOutcome(run.result.outcome));
    run.dispose();
  }
  return run.result;
}

function targetOf(targetOrName: string | DeployTarget, options: DeployOptions, untrusted: string): { target: DeployTarget } | { refused: DeployResult } {
  let target: DeployTarget;
  try {
    target = typeof targetOrName === 'string' ? loadTarget(options.workspace, targetOrName) : targetOrName;
  } catch (error) {
    return { refused: refused(typeof targetOrName === 'string' ? targetOrName : '?', (error as Error).message) };
  }
  return options.trusted === false ? { refused: refused(target.name, untrusted) } : { target };
}

function stopped(run: DeployRun, error: unknown): void {
  const stop = run.toStop(error);
  run.finish(stop.outcome, stop.message);
}

function refused(target: string, message: string): DeployResult {
  return { target, outcome: 'refused', message, done: [], steps: [], hints: [] };
}
