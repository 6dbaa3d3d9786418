/** Step 3: the image tag (from git) and the ECR repository, created after asking when missing. The preflight judges the tag. */
import { CreateRepositoryCommand, DescribeRepositoriesCommand, type Repository } from '@aws-sdk/client-ecr';
import { imageTag } from '../../core/deploy/image';
import { Stop, type DeployRun } from '../run';
import { childEnv } from '../runner';

/** The tag the image will get: needs git, not AWS (a plan without credentials shows it too). */
export async function tagImage(run: DeployRun): Promise<void> {
  run.state.tag = imageTag(await gitState(run), (run.options.now ?? (() => new Date()))());
}

export async function repositoryStep(run: DeployRun): Promise<void> {
  const { target, options, result: r, state } = run;
  const name = target.ecrRepository!;
  await run.step('repository', async (rec) => {
    state.repository = await findRepository(run, name);
    if (!state.repository) {
      if (options.dryRun) {
        rec.message = `Repository ${name} does not exist; a deploy would offer to create it (IMMUTABLE tags, scan on push).`;
        return;
      }
      const create = await run.ask({ kind: 'create-repository', message: `The ECR repository "${name}" does not exist in ${r.account}/${r.region}. Create it (IMMUTABLE tags, scan on push)?` });
      if (!create) throw new Stop('declined', `The ECR repository "${name}" does not exist and was not created. Nothing was done.`);
      const created = await run.send<{ repository?: Repository }>(
        run.clients.ecr,
        new CreateRepositoryCommand({ repositoryName: name, imageTagMutability: 'IMMUTABLE', imageScanningConfiguration: { scanOnPush: true } }),
      );
      state.repository = created.repository;
      run.did(`Created the ECR repository ${state.repository?.repositoryUri ?? name}.`);
    }
    const repository = state.repository;
    rec.message = `${repository?.repositoryUri ?? name} (${repository?.imageTagMutability ?? 'IMMUTABLE'} tags); the image tag will be ${state.tag}.`;
  });
}

async function findRepository(run: DeployRun, name: string): Promise<Repository | undefined> {
  try {
    const out = await run.send<{ repositories?: Repository[] }>(run.clients.ecr, new DescribeRepositoriesCommand({ repositoryNames: [name] }));
    return out.repositories?.[0];
  } catch (error) {
    if ((error as Error).name === 'RepositoryNotFoundException') return undefined;
    throw error;
  }
}

async function gitState(run: DeployRun): Promise<{ sha?: string; dirty?: boolean }> {
  const env = childEnv(run.env, {});
  const head = await run.runner.run('git', ['rev-parse', '--short', 'HEAD'], { cwd: run.options.workspace, env });
  if (head.code !== 0) return {};
  const status = await run.runner.run('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: run.options.workspace, env });
  return { sha: head.stdout.trim(), dirty: status.code !== 0 || status.stdout.trim() !== '' };
}
