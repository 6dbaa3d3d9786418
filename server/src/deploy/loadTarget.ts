/** The target a deploy names: `deploy.targets.<name>` of the workspace's .berthrc.yaml, read by the one reader. */
import { basename } from 'node:path';
import type { DeployTarget } from '../core/config/targets';
import { configFileOf, formatProblem, loadConfig } from '../io/berthrc';

export class TargetError extends Error {}

/** Reads `deploy.targets.<name>` from the workspace's .berthrc.yaml. Throws TargetError with a clear message. */
export function loadTarget(workspace: string, name: string): DeployTarget {
  const file = configFileOf(workspace);
  if (!file.exists) throw new TargetError(`No .berthrc.yaml in ${workspace}; add deploy.targets.${name} there.`);
  const loaded = loadConfig(workspace);
  const fileName = basename(file.path);
  if (!loaded.ok && loaded.message) throw new TargetError(`${fileName}: ${loaded.message}`);
  // The deploy section's problems stop a deploy; so does a file berth lint refuses (a YAML syntax error among them).
  const problems = loaded.ok ? loaded.targetErrors : loaded.errors;
  if (problems.length > 0) throw new TargetError(problems.map((e) => formatProblem(fileName, loaded.text ?? '', e)).join('\n'));
  const targets = loaded.ok ? loaded.targets : {};
  const target = targets[name];
  if (!target) {
    const names = Object.keys(targets);
    throw new TargetError(`No deploy target "${name}" in ${fileName}${names.length ? `; the targets are ${names.join(', ')}` : '; it has no deploy.targets'}.`);
  }
  return target;
}
