/** Step 1: the lint gate. Errors in the target's files stop the deploy unless the user deploys anyway. */
import { relative } from 'node:path';
import { Stop, type DeployRun } from '../run';
import type { Linter } from '../types';

export async function lintStep(run: DeployRun): Promise<void> {
  const { target, options } = run;
  await run.step('lint', async (rec) => {
    const files = [run.path(target.dockerfile), ...(run.state.taskDefinitionText !== undefined ? [run.path(target.taskDefinition!)] : [])];
    const errors = await (options.linter ?? lintAsBerthLint)(files, options.workspace);
    if (errors.length === 0) {
      rec.message = `No errors in ${files.map((f) => relative(options.workspace, f)).join(', ')}.`;
      return;
    }
    for (const e of errors) run.log(e);
    if (options.dryRun) {
      rec.message = `${errors.length} lint error(s); a deploy would ask before going on.`;
      return;
    }
    const anyway = await run.ask({ kind: 'lint-errors', message: `Berth found ${errors.length} error(s) in the target's files. Deploy anyway?` });
    if (!anyway) throw new Stop('declined', `Berth found ${errors.length} error(s) in the target's files (first: ${errors[0]}). Fix them, or deploy anyway. Nothing was done.`);
    rec.message = `${errors.length} lint error(s); deploying anyway as asked.`;
  });
}

/**
 * The default linter: what `berth lint` run in the workspace says about the target's files, through the same
 * lintWorkspace: the same .berthrc.yaml (rules, excludes, limits, deploy targets), every file of the workspace
 * indexed for the cross-file rules, the generic Dockerfile features on. Required lazily, so the engine's tests
 * do not load the rule set unless they lint.
 */
export const lintAsBerthLint: Linter = async (files, workspace) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { lintWorkspace } = require('../../cli/lint') as typeof import('../../cli/lint');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { formatProblem } = require('../../io/berthrc') as typeof import('../../io/berthrc');
  const linted = lintWorkspace({ cwd: workspace, only: files });
  if (!linted.ok) {
    // berth lint refuses such a configuration (exit 2); the gate counts its problems as errors.
    const { config } = linted;
    const name = relative(workspace, config.path) || config.path;
    return config.message ? [`${name}: ${config.message}`] : config.errors.map((e) => formatProblem(name, config.text ?? '', e));
  }
  return (await linted.lint()).findings.filter((f) => f.severity === 'error')
    .map((f) => `${f.file}:${f.line}:${f.column}: ${f.message} (${f.ruleId})`);
};
