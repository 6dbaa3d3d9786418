/** The end of a dry run, after the read-only steps: the image it would build and the task definition it would register. */
import { imageRef, registryHostOf } from '../../core/deploy/plan';
import { renderTaskDefinition } from '../../core/deploy/render';
import type { DeployRun } from '../run';

export function finishPlan(run: DeployRun): void {
  const { target, options, state, result: r } = run;
  const uri = state.repository?.repositoryUri;
  const host = options.registryHost ?? (uri ? registryHostOf(uri.split('/')[0]!) : '<registry>');
  r.image = imageRef(host, target.ecrRepository!, state.tag!);
  if (state.taskDefinitionText !== undefined) {
    const rendered = renderTaskDefinition(state.taskDefinitionText, { containerName: target.containerName!, image: `${host}/${target.ecrRepository}@<digest after push>`, fileName: target.taskDefinition! });
    if (rendered.ok) r.rendered = rendered.input;
  }
  const registers = run.mode === 'deploy' ? `, register ${r.rendered?.family as string}, update ${target.cluster}/${target.service}` : '';
  run.finish('planned', `Plan for "${target.name}": build ${r.image} for ${state.platform}${registers}. No AWS write calls were made.`);
}
