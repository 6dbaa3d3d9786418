/**
 * The task definition: read (and checked by a trial render) before any AWS call, rendered with the pushed image by
 * digest (step 7), registered (step 8). The user's file is never written.
 */
import { readFileSync } from 'node:fs';
import { RegisterTaskDefinitionCommand, type RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { revisionName } from '../../core/deploy/rollout';
import { renderTaskDefinition } from '../../core/deploy/render';
import { Stop, type DeployRun } from '../run';

/** Reads the task definition file; a broken one stops everything before any AWS call. Sets the platform. */
export function readTaskDefinition(run: DeployRun): void {
  const { target, state } = run;
  let text: string;
  try {
    text = readFileSync(run.path(target.taskDefinition!), 'utf8');
  } catch (error) {
    throw new Stop('failed', `Cannot read the task definition ${target.taskDefinition}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Nothing was done.`);
  }
  const probe = renderTaskDefinition(text, { containerName: target.containerName!, image: '<image>', fileName: target.taskDefinition! });
  if (!probe.ok) throw new Stop('failed', `${probe.message} Nothing was done.`);
  state.taskDefinitionText = text;
  state.taskDefinition = probe.input;
  const declared = (probe.input.runtimePlatform as { cpuArchitecture?: unknown } | undefined)?.cpuArchitecture;
  if (typeof declared === 'string') state.declaredPlatform = probe.platform;
  if (target.platform === undefined && probe.platform !== undefined) state.platform = probe.platform;
}

export async function renderStep(run: DeployRun): Promise<void> {
  const { target, state, result: r } = run;
  const image = `${state.registryHost}/${target.ecrRepository}@${r.digest}`;
  await run.step('render', async (rec) => {
    const rendered = renderTaskDefinition(state.taskDefinitionText!, { containerName: target.containerName!, image, fileName: target.taskDefinition! });
    if (!rendered.ok) throw new Stop('failed', rendered.message);
    state.registerInput = rendered.input;
    r.rendered = rendered.input;
    rec.message = `Container ${target.containerName} → ${image}${rendered.stripped.length ? `; removed describe-only keys ${rendered.stripped.join(', ')}` : ''}.`;
  });
}

export async function registerStep(run: DeployRun): Promise<void> {
  const { state, result: r } = run;
  await run.step('register', async (rec) => {
    const out = await run.send<{ taskDefinition?: { taskDefinitionArn?: string } }>(run.clients.ecs, new RegisterTaskDefinitionCommand(state.registerInput as unknown as RegisterTaskDefinitionCommandInput));
    const arn = out.taskDefinition?.taskDefinitionArn;
    if (!arn) throw new Stop('failed', 'RegisterTaskDefinition returned no ARN.');
    r.taskDefinitionArn = arn;
    run.did(`Registered ${revisionName(arn)}.`);
    rec.message = `Registered ${arn}.`;
  });
}
