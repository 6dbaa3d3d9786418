/**
 * How each kind of target is deployed: a `Flow` is what the target needs and its steps in order. The three kinds
 * share the first half (lint, tag, identity, repository, preflight, then login, build, image check and push) and
 * differ after the push: an ECS service registers a task definition and updates the service, an Express service
 * is created or updated, a Lambda function gets UpdateFunctionCode (then a version and its alias).
 */
import { kindOf, type DeployTarget, type TargetKind } from '../core/config/targets';
import type { DeployMode } from '../core/deploy/plan';
import { revisionName } from '../core/deploy/rollout';
import { missingForDeploy, missingForImage } from '../core/deploy/target';
import type { DeployRun } from './run';
import { expressUpdateStep, expressWatchStep } from './steps/express';
import { identityStep } from './steps/identity';
import { buildAndPush } from './steps/image';
import { publishStep, updateFunctionStep, waitFunctionStep } from './steps/lambda';
import { lintStep } from './steps/lint';
import { finishPlan } from './steps/plan';
import { preflightStep } from './steps/preflight';
import { readTaskDefinition, registerStep, renderStep } from './steps/register';
import { repositoryStep, tagImage } from './steps/repository';
import { updateStep } from './steps/update';
import { watchStep } from './steps/watch';

export interface Flow {
  /** The settings the target still needs for this mode; the client asks for them, the engine refuses without them. */
  missing(target: DeployTarget, mode: DeployMode): string[];
  /** Runs the steps; a success ends with `run.finish()`, a failure throws (a `Stop` says how). */
  run(run: DeployRun): Promise<void>;
}

const missing = (target: DeployTarget, mode: DeployMode): string[] => (mode === 'image' ? missingForImage(target) : missingForDeploy(target));

/**
 * Everything before the push-specific half: the lint gate, who and where, the tag, the repository and the
 * preflight. A dry run ends here (without credentials it is a plan of what the files say); a deploy builds,
 * checks the image and pushes. Returns false when the run is finished (a plan, or an image-only push).
 */
async function upToThePush(run: DeployRun): Promise<boolean> {
  await lintStep(run);
  await identityStep(run);
  await tagImage(run);
  if (!run.state.offline) await repositoryStep(run);
  await preflightStep(run);
  if (run.options.dryRun) {
    finishPlan(run);
    return false;
  }
  await buildAndPush(run);
  if (run.mode === 'image') {
    run.finish('pushed', `Pushed ${run.result.image} (${run.result.digest}).`);
    return false;
  }
  return true;
}

/** An ECS service with the ECS deployment controller: rolling, blue/green, linear or canary. */
const ecsService: Flow = {
  missing,
  async run(run) {
    if (run.mode === 'deploy') readTaskDefinition(run);
    if (!(await upToThePush(run))) return;
    await renderStep(run);
    await registerStep(run);
    await updateStep(run);
    if (!run.wait) return run.finish('not-watched', `Deployed ${revisionName(run.result.taskDefinitionArn)} to ${run.target.service}; the rollout was not watched.`);
    await watchStep(run);
  },
};

/** An ECS Express Mode service: created on the first deploy (after asking), its image updated after that. */
const expressService: Flow = {
  missing,
  async run(run) {
    if (!(await upToThePush(run))) return;
    await expressUpdateStep(run);
    if (!run.wait) return run.finish('not-watched', `Deployed ${run.result.image} to the Express service ${run.target.service}; it was not watched.`);
    await expressWatchStep(run);
  },
};

/** A container-image Lambda function: its code updated by digest; with an alias, a version published and the alias moved. */
const lambdaFunction: Flow = {
  missing,
  async run(run) {
    if (!(await upToThePush(run))) return;
    await updateFunctionStep(run);
    // Publishing needs the update to have succeeded, so a target with an alias always waits.
    if (!run.wait && !run.target.alias) return run.finish('not-watched', `Updated ${run.target.function} to ${run.result.image}; the update was not waited for.`);
    await waitFunctionStep(run);
    if (run.target.alias) await publishStep(run);
  },
};

const FLOWS: Readonly<Record<TargetKind, Flow>> = { ecs: ecsService, express: expressService, lambda: lambdaFunction };

export function flowOf(target: DeployTarget): Flow {
  return FLOWS[kindOf(target)];
}
