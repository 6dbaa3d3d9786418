/**
 * Finds and reads `.berthrc.yaml` (I/O); core/config/berthrc.ts reads its content. Problems carry spans, which
 * core/config/problems.ts `positionOf`/`formatProblem` turn into 1-based lines and columns for people.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CONFIG_FILE_NAMES, EMPTY_CONFIG, readBerthrc, type BerthConfig, type ConfigProblem } from '../core/config/berthrc';
import type { DeployTarget } from '../core/config/targets';
import { getRule } from '../core/rules/index';

export { formatProblem, positionOf } from '../core/config/problems';

export type LoadedConfig =
  | {
      readonly ok: true;
      /** Absolute path of the file read, or undefined when there is none. */
      readonly path?: string;
      /** Folder that exclude patterns (and the targets' paths) are relative to. */
      readonly root: string;
      readonly config: BerthConfig;
      readonly warnings: readonly ConfigProblem[];
      readonly targets: Readonly<Record<string, DeployTarget>>;
      /** Problems of `deploy:`: they stop a deploy, not a lint. */
      readonly targetErrors: readonly ConfigProblem[];
      /** The file's text, for positionOf. */
      readonly text?: string;
    }
  | { readonly ok: false; readonly path: string; readonly errors: readonly ConfigProblem[]; readonly message?: string; readonly text?: string };

/** Rule ids a .berthrc.yaml may set: the registered rules (the front ends' own findings among them). */
export function isKnownRuleId(id: string): boolean {
  return getRule(id) !== undefined;
}

/**
 * `explicit` (from --config or berth.configFile) must exist; otherwise the first of CONFIG_FILE_NAMES in `folder`
 * is used, and having none is fine.
 */
export function loadConfig(folder: string, explicit?: string): LoadedConfig {
  if (explicit !== undefined) return readConfig(resolve(folder, explicit), true);
  for (const name of CONFIG_FILE_NAMES) {
    const loaded = readConfig(join(folder, name), false);
    if (loaded) return loaded;
  }
  return { ok: true, root: folder, config: EMPTY_CONFIG, warnings: [], targets: {}, targetErrors: [] };
}

/** The configuration file of `folder`: the first of CONFIG_FILE_NAMES there, else the path a new one gets. */
export function configFileOf(folder: string): { readonly path: string; readonly exists: boolean } {
  for (const name of CONFIG_FILE_NAMES) if (existsSync(join(folder, name))) return { path: join(folder, name), exists: true };
  return { path: join(folder, CONFIG_FILE_NAMES[0]!), exists: false };
}

function readConfig(path: string, required: true): LoadedConfig;
function readConfig(path: string, required: false): LoadedConfig | undefined;
function readConfig(path: string, required: boolean): LoadedConfig | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!required && code === 'ENOENT') return undefined;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    return { ok: false, path, errors: [], message: `cannot read the configuration file (${reason})` };
  }
  const read = readBerthrc(text, { isKnownRule: isKnownRuleId });
  if (read.errors.length > 0) return { ok: false, path, errors: read.errors, text };
  return { ok: true, path, root: resolve(path, '..'), config: read.config, warnings: read.warnings, targets: read.targets, targetErrors: read.targetErrors, text };
}
