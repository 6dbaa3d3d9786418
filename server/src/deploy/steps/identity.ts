/**
 * Step 2: who and where (STS), the live service or function read-only (so a missing or refused one stops before
 * anything is pushed), and `confirm: true`.
 */
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { revisionName } from '../../core/deploy/rollout';
import { describeAwsError } from '../aws';
import { Stop, type DeployRun } from '../run';
import { readExpressService } from './express';
import { readFunction } from './lambda';
import { describeService } from './service';

export async function identityStep(run: DeployRun): Promise<void> {
  const { target, options, result: r, state } = run;
  await run.step('identity', async (rec) => {
    let id: { Account?: string; Arn?: string };
    try {
      id = await run.send<{ Account?: string; Arn?: string }>(run.clients.sts, new GetCallerIdentityCommand({}));
    } catch (error) {
      // A plan goes on without AWS: no credentials, no region or no endpoint only take away what AWS would add.
      if (!options.dryRun || options.signal?.aborted) throw error;
      state.offline = describeAwsError(error).message;
      r.region = target.region ?? (await run.clients.ecs.config.region().catch(() => undefined));
      rec.status = 'skipped';
      rec.message = `Not checked without AWS: ${state.offline}`;
      return;
    }
    r.account = id.Account;
    r.region = await run.clients.ecs.config.region();
    state.callerArn = id.Arn;
    rec.message = `Account ${id.Account} (${id.Arn}), region ${r.region}.`;
    run.log(rec.message);
    if (run.mode === 'deploy') rec.message += ` ${await readLive(run)}`;
    if (target.confirm && !options.dryRun) {
      const ok = await run.ask({ kind: 'confirm-target', message: `Deploy "${target.name}" to ${whereTo(run)}, account ${r.account}, region ${r.region}?` });
      if (!ok) throw new Stop('declined', `Deploy to "${target.name}" was not confirmed. Nothing was done.`);
    }
  });
}

/** Reads what the deploy changes; returns a sentence about it. */
async function readLive(run: DeployRun): Promise<string> {
  const { target, result: r, state } = run;
  if (run.kind === 'express') return readExpressService(run);
  if (run.kind === 'lambda') return readFunction(run);
  const service = await describeService(run, target);
  state.service = service;
  r.previousTaskDefinitionArn = service.taskDefinition;
  r.strategy = service.deploymentConfiguration?.strategy ?? 'ROLLING';
  return `Service ${target.service} runs ${revisionName(service.taskDefinition)} (${r.strategy} deployments).`;
}

function whereTo(run: DeployRun): string {
  const { target } = run;
  if (run.mode === 'image') return `repository ${target.ecrRepository}`;
  if (run.kind === 'lambda') return `function ${target.function}${target.alias ? ` (alias ${target.alias})` : ''}`;
  if (run.kind === 'express') return `Express service ${target.service} in cluster ${target.cluster ?? 'default'}`;
  return `service ${target.service} in cluster ${target.cluster}`;
}
