/** Finds and reads `.berthrc.yaml` (I/O); the content is validated by core/config/berthrc.ts. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EMPTY_CONFIG, parseBerthrc, type BerthConfig, type ConfigProblem } from '../core/config/berthrc';

export const CONFIG_FILE_NAMES: readonly string[] = ['.berthrc.yaml', '.berthrc.yml'];

export type LoadedConfig =
  | {
      readonly ok: true;
      /** Absolute path of the file read, or undefined when there is none. */
      readonly path?: string;
      /** Folder that exclude globs are relative to. */
      readonly root: string;
      readonly config: BerthConfig;
      readonly warnings: readonly ConfigProblem[];
      /** The file's text (deploy targets are read from it too). */
      readonly text?: string;
    }
  | { readonly ok: false; readonly path: string; readonly errors: readonly ConfigProblem[]; readonly message?: string };

/**
 * `explicit` (from --config) must exist; otherwise the first of CONFIG_FILE_NAMES in `cwd` is used,
 * and having none is fine.
 */
export function loadConfig(cwd: string, explicit?: string): LoadedConfig {
  if (explicit !== undefined) return readConfig(resolve(cwd, explicit), true);
  for (const name of CONFIG_FILE_NAMES) {
    const loaded = readConfig(join(cwd, name), false);
    if (loaded) return loaded;
  }
  return { ok: true, root: cwd, config: EMPTY_CONFIG, warnings: [] };
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
  const result = parseBerthrc(text);
  if (result.errors.length > 0) return { ok: false, path, errors: result.errors };
  return { ok: true, path, root: resolve(path, '..'), config: result.config, warnings: result.warnings, text };
}
