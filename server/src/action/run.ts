/**
 * The GitHub Action: `berth lint` (the same workspace lint, config and exit rules) reported the way GitHub shows
 * it: an annotation per finding on the pull request, a SARIF file for code scanning, the job summary and step
 * outputs. A function of the environment and two streams, returning the exit code; main.ts wires the process.
 */
import { appendFileSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Severity } from '../core/config/severity';
import { positionOf } from '../io/berthrc';
import { lintWorkspace, type CliFinding } from '../cli/lint';
import { formatSarif } from '../cli/output/sarif';
import { summarize } from '../cli/output/summary';
import { formatText } from '../cli/output/text';
import { jobSummary } from './summary';
import { InputError, readInputs } from './inputs';
import { annotation, outputLine, type AnnotationLevel } from './workflowCommands';

export interface ActionIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The process's folder (the runner starts steps in GITHUB_WORKSPACE). */
  readonly cwd: string;
  readonly version: string;
  readonly informationUri: string;
  stdout(text: string): void;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
const LEVEL: Record<Severity, AnnotationLevel> = { error: 'error', warning: 'warning', info: 'notice' };

export async function runAction(io: ActionIo): Promise<number> {
  const fail = (message: string, properties: Parameters<typeof annotation>[2] = {}): number => {
    io.stdout(annotation('error', message, { title: 'Berth', ...properties }));
    return EXIT_USAGE;
  };
  let inputs;
  try {
    inputs = readInputs(io.env);
  } catch (error) {
    if (error instanceof InputError) return fail(error.message);
    throw error;
  }
  const workspace = resolve(io.cwd, io.env.GITHUB_WORKSPACE || '.');
  const cwd = resolve(io.cwd, inputs.workingDirectory);
  try {
    if (!statSync(cwd).isDirectory()) return fail(`Input working-directory ${inputs.workingDirectory} is not a folder.`);
  } catch {
    return fail(`Input working-directory ${inputs.workingDirectory} does not exist.`);
  }
  /** Paths in annotations are relative to the repository root. */
  const repoPath = (absolute: string): string | undefined => {
    const rel = relative(workspace, absolute);
    return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? undefined : rel.split(sep).join('/');
  };

  const linted = lintWorkspace({ cwd, patterns: inputs.paths, ...(inputs.config !== undefined ? { config: inputs.config } : {}) });
  if (!linted.ok) {
    const { config } = linted;
    const file = repoPath(config.path);
    const name = file ?? config.path;
    if (config.message) fail(`${name}: ${config.message}`, { file });
    for (const e of config.errors) {
      const { line, column } = positionOf(config.text ?? '', e);
      fail(`${name}:${line}:${column}: ${e.message} Nothing was checked: fix the configuration file first.`, { file, line, col: column });
    }
    return EXIT_USAGE;
  }
  for (const w of linted.config.warnings) {
    const { line, column } = positionOf(linted.config.text ?? '', w);
    io.stdout(annotation('warning', w.message, { title: 'Berth configuration', file: linted.config.path ? repoPath(linted.config.path) : undefined, line, col: column }));
  }
  const { collected } = linted;
  for (const w of collected.warnings) io.stdout(annotation('warning', w, { title: 'Berth' }));
  if (collected.unmatched.length > 0) {
    const where = cwd === workspace ? '.' : (repoPath(cwd) ?? cwd);
    for (const pattern of collected.unmatched) fail(`No files matched "${pattern}" in ${where} (input paths).`);
    return EXIT_USAGE;
  }

  const run = await linted.lint();
  const findings = run.findings.filter((f) => RANK[f.severity] >= RANK[inputs.minSeverity]);
  const summary = summarize(findings, run.filesChecked);
  io.stdout(formatText(findings, summary));
  for (const f of findings) io.stdout(annotationOf(f, repoPath));

  let sarifFile: string | undefined;
  if (inputs.sarifFile) {
    const target = resolve(cwd, inputs.sarifFile);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, formatSarif(findings, { cwd: workspace, version: io.version, informationUri: io.informationUri }));
    sarifFile = repoPath(target) ?? target;
  }
  const outputs = io.env.GITHUB_OUTPUT;
  if (outputs) {
    appendFileSync(
      outputs,
      [['errors', summary.errors], ['warnings', summary.warnings], ['infos', summary.infos], ['files', summary.files], ['sarif-file', sarifFile ?? '']]
        .map(([k, v]) => outputLine(String(k), String(v)))
        .join(''),
    );
  }
  if (io.env.GITHUB_STEP_SUMMARY) appendFileSync(io.env.GITHUB_STEP_SUMMARY, jobSummary(findings, summary, { ...(sarifFile ? { sarifFile } : {}), paths: inputs.paths }));

  if (run.internalErrors.length > 0) {
    for (const e of run.internalErrors) fail(`Berth failed on a file; this is a bug in Berth, please report it: ${e.split('\n')[0]}`);
    return EXIT_USAGE;
  }
  return summary.errors > 0 && inputs.fail ? EXIT_FINDINGS : EXIT_OK;
}

function annotationOf(f: CliFinding, repoPath: (absolute: string) => string | undefined): string {
  const title = `Berth: ${f.ruleId}`;
  const file = repoPath(f.absolute);
  const { construct } = f;
  // CDK output is rarely in the repository: the annotation goes on the app's line that created the construct.
  const source = construct?.source && repoPath(construct.source.absolute);
  if (construct && source !== undefined) {
    const where = `${file ?? f.file}:${f.line}:${f.column}`;
    return annotation(LEVEL[f.severity], `${f.message} (in ${where}, synthesized from the CDK construct ${construct.path})`, { file: source, line: construct.source!.line, col: construct.source!.column, title });
  }
  const message = construct ? `${f.message} (CDK construct ${construct.path})` : f.message;
  return annotation(LEVEL[f.severity], message, { ...(file !== undefined ? { file, line: f.line, endLine: f.endLine, col: f.column, endColumn: f.endColumn } : {}), title });
}
