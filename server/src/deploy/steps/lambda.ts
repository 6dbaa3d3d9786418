/**
 * A Lambda target (a container-image function): read the function (identity), UpdateFunctionCode with the pushed
 * image by digest, wait until Lambda says the update succeeded or failed, then publish a version and move the
 * target's alias to it. Berth never creates or deletes a function and never touches its configuration.
 */
import {
  CreateAliasCommand,
  GetAliasCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  PublishVersionCommand,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
  type FunctionConfiguration,
  type GetFunctionCommandOutput,
} from '@aws-sdk/client-lambda';
import { lambdaPlatform } from '../../core/deploy/image';
import { describeAwsError } from '../aws';
import { Stop, type DeployRun } from '../run';
import { sleep } from './watch';

/** Reads the function; refuses a .zip function or one in the middle of another update. Sets the build platform. */
export async function readFunction(run: DeployRun): Promise<string> {
  const { target, state, result: r } = run;
  const name = target.function!;
  let out: GetFunctionCommandOutput;
  try {
    out = await run.send<GetFunctionCommandOutput>(run.clients.lambda, new GetFunctionCommand({ FunctionName: name }));
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
    throw new Stop('failed', `The function "${name}" was not found in account ${r.account}, region ${r.region}. Create it as a container-image function first (Berth updates the code of existing functions).${run.nothingDoneYet()}`);
  }
  const config = out.Configuration ?? {};
  if (config.PackageType !== 'Image') {
    throw new Stop('refused', `The function "${name}" is a .zip function (PackageType ${config.PackageType ?? 'Zip'}): a lambda target deploys container images. Deploy it with SAM, the Serverless Framework or UpdateFunctionCode with a .zip, or recreate it from an image.${run.nothingDoneYet()}`);
  }
  if (config.LastUpdateStatus === 'InProgress') {
    throw new Stop('failed', `An update of "${name}" is in progress (LastUpdateStatus InProgress); Lambda rejects another until it ends. Deploy again in a minute.${run.nothingDoneYet()}`);
  }
  const architecture = config.Architectures?.[0] ?? 'x86_64';
  if (target.platform === undefined) state.platform = lambdaPlatform(architecture);
  const imageConfig = config.ImageConfigResponse?.ImageConfig;
  state.lambda = { config, ...(imageConfig?.EntryPoint?.length ? { entryPoint: imageConfig.EntryPoint } : {}), ...(imageConfig?.Command?.length ? { command: imageConfig.Command } : {}) };
  let alias = '';
  if (target.alias) {
    const version = await aliasVersion(run);
    alias = version === undefined ? `; alias ${target.alias} does not exist yet (the deploy creates it)` : `; alias ${target.alias} → version ${version}`;
  }
  return `Function ${name} (${architecture}) runs ${out.Code?.ImageUri ?? 'an unknown image'}${alias}.`;
}

async function aliasVersion(run: DeployRun): Promise<string | undefined> {
  try {
    const out = await run.send<{ FunctionVersion?: string }>(run.clients.lambda, new GetAliasCommand({ FunctionName: run.target.function!, Name: run.target.alias! }));
    return out.FunctionVersion;
  } catch (error) {
    if ((error as Error).name === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}

/** UpdateFunctionCode with the pushed image by digest (guarded by the RevisionId read in the identity step). */
export async function updateFunctionStep(run: DeployRun): Promise<void> {
  const { target, state, result: r } = run;
  await run.step('update', async (rec) => {
    const imageUri = `${state.registryHost}/${target.ecrRepository}@${r.digest}`;
    const revision = state.lambda?.config.RevisionId;
    try {
      await run.send<FunctionConfiguration>(run.clients.lambda, new UpdateFunctionCodeCommand({ FunctionName: target.function!, ImageUri: imageUri, ...(revision ? { RevisionId: revision } : {}) }));
    } catch (error) {
      if ((error as Error).name === 'PreconditionFailedException') {
        throw new Stop('failed', `The function "${target.function}" changed since Berth read it (another deploy or a console edit); it was not updated. Deploy again. ${r.image} stays in the repository.`);
      }
      throw error;
    }
    state.functionUpdated = true;
    run.did(`Updated the code of function ${target.function} to ${imageUri}.`);
    rec.message = `UpdateFunctionCode: ${target.function} → ${imageUri}.`;
    r.consoleUrl = `https://${r.region}.console.aws.amazon.com/lambda/home?region=${r.region}#/functions/${encodeURIComponent(functionName(target.function!))}`;
  });
}

/** Polls GetFunctionConfiguration until the update Successful or Failed (or the timeout). */
export async function waitFunctionStep(run: DeployRun): Promise<void> {
  const { target, options, state } = run;
  const minutes = options.timeoutMinutes ?? target.timeoutMinutes ?? 30;
  const interval = options.pollIntervalMs ?? 3000;
  const deadline = Date.now() + minutes * 60_000;
  let last = '';
  await run.step('watch', async (rec) => {
    for (let poll = 0; ; poll++) {
      if (poll > 0) await sleep(Math.min(interval, Math.max(0, deadline - Date.now())), options.signal);
      run.checkCancel();
      let config: FunctionConfiguration;
      try {
        config = await run.send<FunctionConfiguration>(run.clients.lambda, new GetFunctionConfigurationCommand({ FunctionName: target.function! }));
      } catch (error) {
        if (options.signal?.aborted || error instanceof Stop) throw error;
        throw new Stop('failed', `Lost track of the function update: ${describeAwsError(error).message} UpdateFunctionCode was already called; Lambda goes on with it.${target.alias ? ` The alias ${target.alias} was not moved.` : ''}`);
      }
      const summary = `LastUpdateStatus ${config.LastUpdateStatus ?? '?'}, State ${config.State ?? '?'}`;
      if (summary !== last) run.emit({ type: 'rollout', message: (last = summary) });
      if (config.LastUpdateStatus === 'Successful') {
        state.lambda = { ...state.lambda, config };
        rec.message = `Lambda updated ${target.function} (CodeSha256 ${config.CodeSha256}).`;
        if (!target.alias) run.finish('completed', `${target.function} runs ${run.result.image} (${run.result.digest}); no alias to move.`);
        return;
      }
      if (config.LastUpdateStatus === 'Failed') {
        const why = `${(config.LastUpdateStatusReason ?? 'no reason given').replace(/\.\s*$/, '')}${config.LastUpdateStatusReasonCode ? ` (${config.LastUpdateStatusReasonCode})` : ''}`;
        throw new Stop('failed', `Lambda could not update ${target.function}: ${why}. The function was not updated to the new image${target.alias ? `; no version was published and the alias ${target.alias} was not moved` : ''}.`);
      }
      if (Date.now() >= deadline) {
        throw new Stop('timed-out', `The function update did not finish within ${minutes} minute(s) (${last}). Lambda goes on with it${target.alias ? `; the alias ${target.alias} was not moved` : ''}.`);
      }
    }
  });
}

/** PublishVersion (of exactly the code that was checked) and the alias moved, or created, to it. */
export async function publishStep(run: DeployRun): Promise<void> {
  const { target, state, result: r } = run;
  await run.step('publish', async (rec) => {
    const sha = state.lambda?.config.CodeSha256;
    const published = await run.send<FunctionConfiguration>(
      run.clients.lambda,
      new PublishVersionCommand({ FunctionName: target.function!, ...(sha ? { CodeSha256: sha } : {}), Description: `berth deploy ${state.tag ?? ''} ${r.digest ?? ''}`.trim() }),
    );
    const version = published.Version!;
    r.functionVersion = version;
    run.did(`Published version ${version} of ${target.function}.`);
    const before = await aliasVersion(run);
    if (before === undefined) {
      await run.send(run.clients.lambda, new CreateAliasCommand({ FunctionName: target.function!, Name: target.alias!, FunctionVersion: version }));
      run.did(`Created alias ${target.alias} → version ${version}.`);
    } else {
      await run.send(run.clients.lambda, new UpdateAliasCommand({ FunctionName: target.function!, Name: target.alias!, FunctionVersion: version }));
      run.did(`Moved alias ${target.alias} from version ${before} to ${version}.`);
    }
    rec.message = r.done.at(-1)!;
    run.finish('completed', `${target.function}:${target.alias} runs version ${version} (${r.image}, ${r.digest}).`);
  });
}

function functionName(nameOrArn: string): string {
  return nameOrArn.slice(nameOrArn.lastIndexOf(':') + 1);
}
