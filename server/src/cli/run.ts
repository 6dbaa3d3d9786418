/** `berth` as a function of argv, cwd and two output streams; returns the exit code. main.ts wires it to the process. */
import { isAbsolute, relative } from 'node:path';
import type { Severity } from '../core/config/severity';
import { formatProblem } from '../io/berthrc';
import { parseArgs, UsageError, USAGE, type LintOptions } from './args';
import { lintWorkspace } from './lint';
import { formatJson } from './output/json';
import { formatSarif } from './output/sarif';
import { summarize } from './output/summary';
import { formatText } from './output/text';

export interface CliIo {
  readonly cwd: string;
  readonly version: string;
  readonly informationUri: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** BERTH_DEBUG: print stack traces of internal errors. */
  readonly debug?: boolean;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const command = parseArgs(argv);
    if (command.command === 'help') {
      io.stdout(`${USAGE}\n`);
      return EXIT_OK;
    }
    if (command.command === 'version') {
      io.stdout(`${io.version}\n`);
      return EXIT_OK;
    }
    return await runLint(command, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`berth: ${error.message}\n\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    const err = error instanceof Error ? error : new Error(String(error));
    io.stderr(`berth: internal error: ${io.debug ? (err.stack ?? err.message) : err.message}\n`);
    return EXIT_USAGE;
  }
}

async function runLint(options: LintOptions, io: CliIo): Promise<number> {
  const linted = lintWorkspace({ cwd: io.cwd, patterns: options.patterns, ...(options.config !== undefined ? { config: options.config } : {}) });
  const loaded = linted.config;
  const configName = loaded.path === undefined ? '' : options.config ?? shortPath(io.cwd, loaded.path);
  if (!linted.ok) {
    if (linted.config.message) io.stderr(`berth: ${configName}: ${linted.config.message}\n`);
    for (const e of linted.config.errors) io.stderr(`berth: ${formatProblem(configName, loaded.text ?? '', e)}\n`);
    io.stderr('berth: fix the configuration file first; nothing was checked.\n');
    return EXIT_USAGE;
  }
  for (const w of linted.config.warnings) io.stderr(`berth: warning: ${formatProblem(configName, loaded.text ?? '', w)}\n`);

  const { collected } = linted;
  for (const w of collected.warnings) io.stderr(`berth: warning: ${w}\n`);
  if (options.patterns.length > 0 && collected.unmatched.length > 0 && !options.allowUnmatched) {
    for (const pattern of collected.unmatched) io.stderr(`berth: no files matched "${pattern}"\n`);
    return EXIT_USAGE;
  }

  const run = await linted.lint();
  const findings = run.findings.filter((f) => RANK[f.severity] >= RANK[options.minSeverity]);
  const summary = summarize(findings, run.filesChecked);

  if (options.format === 'json') io.stdout(formatJson(findings, summary));
  else if (options.format === 'sarif') io.stdout(formatSarif(findings, { cwd: io.cwd, version: io.version, informationUri: io.informationUri }));
  else io.stdout(formatText(findings, summary));

  if (run.internalErrors.length > 0) {
    for (const e of run.internalErrors) io.stderr(`berth: internal error: ${io.debug ? e : e.split('\n')[0]}\n`);
    return EXIT_USAGE;
  }
  if (summary.errors > 0) return EXIT_FINDINGS;
  if (options.maxWarnings !== undefined && summary.warnings > options.maxWarnings) {
    io.stderr(`berth: ${summary.warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

function shortPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}
