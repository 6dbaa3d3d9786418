/** Step 2: who and where (STS), the service read-only (so a missing service stops before anything is pushed), and `confirm: true`. */
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { revisionName } from '../../core/deploy/plan';
import { Stop, type DeployRun } from '../run';
import { describeService } from './service';

export async function identityStep(run: DeployRun): Promise<void> {
  const { target, options, result: r } = run;
  await run.step('identity', async (rec) => {
    const id = await run.send<{ Account?: string; Arn?: string }>(run.clients.sts, new GetCallerIdentityCommand({}));
    r.account = id.Account;
    r.region = await run.clients.ecs.config.region();
    rec.message = `Account ${id.Account} (${id.Arn}), region ${r.region}.`;
    run.log(rec.message);
    if (run.mode === 'deploy') {
      const service = await describeService(run, target);
      r.previousTaskDefinitionArn = service.taskDefinition;
      rec.message += ` Service ${target.service} runs ${revisionName(service.taskDefinition)}.`;
    }
    if (target.confirm && !options.dryRun) {
      const what = run.mode === 'deploy' ? `service ${target.service} in cluster ${target.cluster}` : `repository ${target.ecrRepository}`;
      const ok = await run.ask({ kind: 'confirm-target', message: `Deploy "${target.name}" to ${what}, account ${r.account}, region ${r.region}?` });
      if (!ok) throw new Stop('declined', `Deploy to "${target.name}" was not confirmed. Nothing was done.`);
    }
  });
}
