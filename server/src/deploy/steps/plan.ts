/**
 * The end of a dry run: the image it would build and push, the task definition it would register (ECS), and what
 * it would change. Without credentials (state.offline) the plan is what the files say, the AWS steps listed as
 * such; a target that lacks settings still gets its steps and the list of what a deploy would ask for.
 */
import type { DeployTarget } from '../../core/config/targets';
import { kindOf } from '../../core/config/targets';
import { ecrHost, imageRef, plannedImage, registryHostOf } from '../../core/deploy/image';
import { planSteps, type DeployMode } from '../../core/deploy/plan';
import { renderTaskDefinition } from '../../core/deploy/render';
import { DeployRun } from '../run';
import type { DeployOptions, DeployResult } from '../types';
import { readTaskDefinition } from './register';

export function finishPlan(run: DeployRun): void {
  const { target, options, state, result: r } = run;
  const uri = state.repository?.repositoryUri;
  const host = options.registryHost ?? (uri ? registryHostOf(uri.split('/')[0]!) : ecrHost(r.account, r.region ?? target.region));
  r.image = imageRef(host, target.ecrRepository!, state.tag!);
  if (state.taskDefinitionText !== undefined) {
    const rendered = renderTaskDefinition(state.taskDefinitionText, { containerName: target.containerName!, image: plannedImage(host, target.ecrRepository!), fileName: target.taskDefinition! });
    if (rendered.ok) r.rendered = rendered.input;
  }
  if (state.offline) r.offline = state.offline;
  const changes = run.mode === 'image' ? '' : `, ${changesOf(run)}`;
  const offline = state.offline ? ` Planned without AWS (the steps that need it are listed, not run): ${state.offline}` : ' No AWS write calls were made.';
  const head = `Plan for "${target.name}": build ${r.image} for ${state.platform}${changes}.`;
  if (state.preflightFailed) run.finish('failed', `${head} ${state.preflightFailed}`);
  else run.finish('planned', `${head}${offline}`);
}

function changesOf(run: DeployRun): string {
  const { target, result: r, state } = run;
  const kind = kindOf(target);
  if (kind === 'lambda') return `update the code of ${target.function}${target.alias ? `, publish a version and move the alias ${target.alias}` : ''}`;
  if (kind === 'express') return `${state.express === null ? 'create' : state.offline ? 'create or update' : 'update'} the Express service ${target.service}`;
  return `register ${(r.rendered?.family as string | undefined) ?? 'the task definition'}, update ${target.cluster}/${target.service}${r.strategy ? ` (${r.strategy} deployment)` : ''}`;
}

/** A plan of a target that lacks settings: its steps, what is missing, and the task definition when it renders. */
export function planIncomplete(target: DeployTarget, options: DeployOptions, mode: DeployMode, missing: string[]): DeployResult {
  const run = new DeployRun(target, options, mode);
  try {
    const r = run.result;
    Object.assign(r, { kind: kindOf(target), plan: planSteps(target, mode, run.wait), missing });
    if (mode === 'deploy' && kindOf(target) === 'ecs' && target.taskDefinition && target.containerName) {
      try {
        readTaskDefinition(run);
        const host = options.registryHost ?? ecrHost(undefined, target.region);
        const rendered = renderTaskDefinition(run.state.taskDefinitionText!, { containerName: target.containerName, image: plannedImage(host, target.ecrRepository ?? '<repository>'), fileName: target.taskDefinition });
        if (rendered.ok) r.rendered = rendered.input;
      } catch (error) {
        r.hints.push((error as Error).message);
      }
    }
    run.finish('planned', `Plan for "${target.name}": it needs ${missing.join(', ')} in .berthrc.yaml (deploy.targets.${target.name}); a deploy in VS Code asks for them, berth deploy refuses without them. No AWS call was made.`);
    return r;
  } finally {
    run.dispose();
  }
}
