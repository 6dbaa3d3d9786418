/** The Action's inputs, as the runner passes them: INPUT_<NAME> environment variables (action.yml maps them). */
import type { Severity } from '../core/config/severity';

export interface ActionInputs {
  /** Files, folders or globs, relative to the working directory. */
  readonly paths: string[];
  /** A .berthrc.yaml other than the working directory's. */
  readonly config?: string;
  readonly minSeverity: Severity;
  /** Where to write SARIF (relative to the working directory); undefined: none. */
  readonly sarifFile?: string;
  /** Fail the step when Berth finds an error. */
  readonly fail: boolean;
  readonly workingDirectory: string;
}

export class InputError extends Error {}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Reads the inputs; every mistake is an InputError that names the input and the values it takes. */
export function readInputs(env: Readonly<Record<string, string | undefined>>): ActionInputs {
  const input = (name: string, fallback: string): string => (env[`INPUT_${name.toUpperCase()}`] ?? fallback).trim();
  const paths = input('paths', '.').split(/\s+/).filter(Boolean);
  const minSeverity = input('min-severity', 'info') as Severity;
  if (!SEVERITIES.includes(minSeverity)) throw new InputError(`Input min-severity must be one of ${SEVERITIES.join(', ')}, not "${minSeverity}".`);
  const failText = input('fail', 'true').toLowerCase();
  if (failText !== 'true' && failText !== 'false') throw new InputError(`Input fail must be true or false, not "${input('fail', '')}".`);
  const config = input('config', '');
  const sarifFile = input('sarif-file', 'berth.sarif');
  return {
    paths: paths.length ? paths : ['.'],
    ...(config ? { config } : {}),
    minSeverity,
    ...(sarifFile ? { sarifFile } : {}),
    fail: failText === 'true',
    workingDirectory: input('working-directory', '.') || '.',
  };
}
