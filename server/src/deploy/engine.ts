/**
 * The deploy engine (issue 8): `deploy()` and `rollback()` as sequences of steps, one module per step under
 * steps/, handing on a typed state (run.ts). Not in the core: it reads files, spawns the container CLI and calls AWS.
 *
 * Rules it keeps whatever happens:
 * - no UpdateService after a failed (or cancelled) earlier step;
 * - no task definition revision is ever deregistered (the engine has no code that could);
 * - the registry password goes to the container CLI on stdin, into a temporary DOCKER_CONFIG /
 *   REGISTRY_AUTH_FILE that is deleted afterwards, also on failure and cancel (steps/image.ts);
 * - a dry run makes read calls only;
 * - the user's task definition file is never written.
 */
import type { DeployTarget } from '../core/config/targets';
import { planSteps, revisionName, type DeployMode } from '../core/deploy/plan';
import { missingForDeploy, missingForImage } from '../core/deploy/target';
import { historyOutcome, writeHistory } from './history';
import { DeployRun } from './run';
import { buildAndPush } from './steps/image';
import { identityStep } from './steps/identity';
import { lintStep } from './steps/lint';
import { finishPlan } from './steps/plan';
import { readTaskDefinition, registerStep, renderStep } from './steps/register';
import { repositoryStep } from './steps/repository';
import { rollbackStep, updateStep } from './steps/update';
import { watchStep } from './steps/watch';
import { loadTarget } from './loadTarget';
import type { DeployOptions, DeployResult } from './types';

/**
 * How one kind of target is deployed: what it needs, and its steps in order. A new kind (an ECS service with
 * blue/green deployments, Express Mode, a Lambda function) is a new flow, picked in `flowOf`, reusing the steps
 * it shares with this one.
 */
interface Flow {
  /** The settings the target still needs for this mode; the client asks for them, the engine refuses without them. */
  missing(target: DeployTarget, mode: DeployMode): string[];
  /** Runs the steps; a success ends with `run.finish()`, a failure throws (a `Stop` says how). */
  run(run: DeployRun): Promise<void>;
}

/** An ECS service with the ECS (rolling update) deployment controller. */
const ecsService: Flow = {
  missing: (target, mode) => (mode === 'image' ? missingForImage(target) : missingForDeploy(target)),
  async run(run) {
    if (run.mode === 'deploy') readTaskDefinition(run);
    await lintStep(run);
    await identityStep(run);
    await repositoryStep(run);
    if (run.options.dryRun) return finishPlan(run);
    await buildAndPush(run);
    if (run.mode === 'image') return run.finish('pushed', `Pushed ${run.result.image} (${run.result.digest}).`);
    await renderStep(run);
    await registerStep(run);
    await updateStep(run);
    if (!run.wait) return run.finish('not-watched', `Deployed ${revisionName(run.result.taskDefinitionArn)} to ${run.target.service}; the rollout was not watched.`);
    await watchStep(run);
  },
};

function flowOf(target: DeployTarget): Flow {
  void target;
  return ecsService;
}

/** Deploys a target (its name in .berthrc.yaml, or a target object). Never throws: everything is in the result. */
export async function deploy(targetOrName: string | DeployTarget, options: DeployOptions): Promise<DeployResult> {
  const mode = options.mode ?? 'deploy';
  const found = targetOf(targetOrName, options, 'Deploy is disabled in an untrusted workspace: trust the workspace first. Nothing was done.');
  if ('refused' in found) return found.refused;
  const { target } = found;
  const flow = flowOf(target);
  const missing = flow.missing(target, mode);
  if (missing.length > 0) {
    return refused(target.name, `The deploy target "${target.name}" needs ${missing.join(', ')} in .berthrc.yaml (deploy.targets.${target.name}). Nothing was done.`);
  }
  const run = new DeployRun(target, options, mode);
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
    if (run.state.serviceUpdated) writeHistory(run, 'deploy', historyOutcome(run.result.outcome));
    run.dispose();
  }
  return run.result;
}

/** `Roll back service`: UpdateService to the revision that ran before the latest deploy (from the history), then watch. */
export async function rollback(targetOrName: string | DeployTarget, options: DeployOptions): Promise<DeployResult> {
  const found = targetOf(targetOrName, options, 'Rollback is disabled in an untrusted workspace. Nothing was done.');
  if ('refused' in found) return found.refused;
  const { target } = found;
  if (target.cluster === undefined || target.service === undefined) return refused(target.name, `The target "${target.name}" has no cluster/service.`);
  const run = new DeployRun(target, options);
  try {
    await rollbackStep(run);
    if (run.wait) await watchStep(run);
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
