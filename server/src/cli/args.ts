/** Command-line parsing for `berth`: no dependencies, every mistake a UsageError with a clear message. */
import type { Severity } from '../core/config/severity';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface LintOptions {
  readonly patterns: readonly string[];
  readonly format: OutputFormat;
  readonly minSeverity: Severity;
  /** Undefined: no limit. */
  readonly maxWarnings?: number;
  readonly config?: string;
  readonly quiet: boolean;
  /** Paths and globs that match nothing (or only excluded files) are skipped instead of failing the run (pre-commit). */
  readonly allowUnmatched: boolean;
}

export type Command = { readonly command: 'help' } | { readonly command: 'version' } | ({ readonly command: 'lint' } & LintOptions);

export class UsageError extends Error {}

export const USAGE = `Usage: berth lint [options] [paths or globs...]
       berth deploy <target> [--dry-run] [--yes] [--no-wait] [--timeout MIN] [--format json]
       berth mcp [--root DIR]

Lints ECS task and service definitions, Batch job definitions, Lambda configs,
CloudFormation/SAM templates and Dockerfiles. With no paths, lints the current
folder (skipping node_modules, .git and the configured excludes).

Options:
  --format text|json|sarif       Output format (default: text)
  --min-severity error|warning|info
                                 Report only findings at least this severe (default: info)
  --max-warnings N               Exit 1 when there are more than N warnings
  --config FILE                  Configuration file (default: .berthrc.yaml in the current folder)
  --quiet                        Report errors only
  --no-error-on-unmatched-pattern
                                 Skip paths that match no file or only excluded ones
                                 instead of exiting 2 (for pre-commit and other hooks)
  -h, --help                     Show this help
  --version                      Show the version

Exit codes: 0 no errors, 1 errors found (or too many warnings),
            2 usage error, no files matched, broken configuration or internal error.

berth deploy --help describes deploying a target from .berthrc.yaml to ECR/ECS;
berth mcp --help the MCP server for coding agents.`;

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const VALUE_OPTIONS = new Set(['--format', '--min-severity', '--max-warnings', '--config']);

export function parseArgs(argv: readonly string[]): Command {
  if (argv.length === 0) throw new UsageError('missing command: berth lint [paths or globs...]');
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help') return { command: 'help' };
  if (command === '--version' || command === '-v' || command === 'version') return { command: 'version' };
  if (command !== 'lint') {
    throw new UsageError(command!.startsWith('-') ? `unknown option "${command}" before the command` : `unknown command "${command}"; the commands are lint, deploy and mcp`);
  }

  const patterns: string[] = [];
  let format: OutputFormat = 'text';
  let minSeverity: Severity = 'info';
  let maxWarnings: number | undefined;
  let config: string | undefined;
  let quiet = false;
  let onlyPaths = false;
  let allowUnmatched = false;

  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (onlyPaths || !arg.startsWith('-') || arg === '-') {
      patterns.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    if (arg === '-h' || arg === '--help') return { command: 'help' };
    if (arg === '--version') return { command: 'version' };
    if (arg === '--quiet') {
      quiet = true;
      continue;
    }
    if (arg === '--no-error-on-unmatched-pattern') {
      allowUnmatched = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (!VALUE_OPTIONS.has(name)) throw new UsageError(`unknown option "${name}"`);
    let value: string;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      const next = rest[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) throw new UsageError(`option ${name} needs a value`);
      value = next;
      i++;
    }
    switch (name) {
      case '--format':
        if (!FORMATS.includes(value as OutputFormat)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${value}"`);
        format = value as OutputFormat;
        break;
      case '--min-severity':
        if (!SEVERITIES.includes(value as Severity)) throw new UsageError(`--min-severity must be one of ${SEVERITIES.join(', ')}, not "${value}"`);
        minSeverity = value as Severity;
        break;
      case '--max-warnings':
        if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw new UsageError(`--max-warnings must be a whole number of 0 or more, not "${value}"`);
        maxWarnings = Number(value);
        break;
      case '--config':
        if (value === '') throw new UsageError('--config needs a file name');
        config = value;
        break;
    }
  }
  return { command: 'lint', patterns, format, minSeverity: quiet ? 'error' : minSeverity, maxWarnings, config, quiet, allowUnmatched };
}
