/**
 * The steps of linting files, shared by one thread (lint.ts) and two (parallel.ts): read and prepare a file,
 * index it, lint it against the index, and turn findings into the CLI's 1-based form. Every step never throws
 * for a bad file: unreadable, binary, invalid UTF-8 and oversized files become findings.
 */
import { lint, prepare, toIndexed, type AnalyzeSettings, type PreparedDocument } from '../core/analyze';
import type { DeployTarget } from '../core/config/targets';
import { candidateKinds, formatOf, type DocumentKind, type TextFormat } from '../core/kinds/detect';
import { resolveLimits } from '../core/parse/limits';
import type { ParseProblem } from '../core/parse/tree';
import { frontEndFinding, type FrontEndFinding } from '../core/rules/engine';
import cliErrorRule from '../core/rules/internal/cli-error';
import unreadableFile from '../core/rules/parse/unreadable-file';
import type { Finding, Rule } from '../core/rules/types';
import type { Severity } from '../core/config/severity';
import { LineIndex } from '../core/text/lineIndex';
import { WorkspaceIndex, type IndexedDocument } from '../core/workspace/index';
import { cdkConstructs, type CdkConstruct } from '../io/cdk';
import type { Target } from '../io/files';
import { measureCodePathsOf } from '../io/measure';
import { readForLint, type ReadResult } from '../io/read';
import { fileUri } from '../io/uri';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A finding at the CLI's edge: 1-based lines and columns; endColumn is exclusive (one past the last character). */
export interface CliFinding {
  readonly file: string;
  /** Absolute path, for SARIF URIs; not part of the JSON output. */
  readonly absolute: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Severity;
  readonly ruleId: string;
  readonly message: string;
  readonly docsUrl: string;
  /** In a template the CDK synthesized: the construct that made the resource (and where the app created it). */
  readonly construct?: CdkConstruct;
}

export interface LintRun {
  readonly findings: CliFinding[];
  /** Files read (whatever their kind). */
  readonly filesChecked: number;
  /** Set when Berth itself failed on a file: the CLI exits 2 after printing everything else. */
  readonly internalErrors: string[];
}

/** The deploy targets of the configuration file in use, with its URI. */
export interface DeployTargetsOf {
  readonly configUri: string;
  readonly targets: readonly DeployTarget[];
}

/** The index the cross-file rules read; deploy targets link Dockerfiles to task definitions, as in the editor. */
export function newIndex(deploy: DeployTargetsOf | undefined): WorkspaceIndex {
  const index = new WorkspaceIndex();
  if (deploy) index.setDeployTargets(deploy.configUri, deploy.targets);
  return index;
}

export interface PreparedTarget {
  /** Findings about the file itself (unreadable, Berth failed on it). */
  readonly findings: CliFinding[];
  /** The file was read (whatever its kind). */
  readonly checked: boolean;
  readonly doc?: PreparedDocument;
}

/** Reads and prepares one file. Never throws. */
export function prepareTarget(target: Target, settings: AnalyzeSettings, internalErrors: string[]): PreparedTarget {
  if (target.error !== undefined) return unreadableTarget(target, target.error, settings);
  let uri: string;
  let read: ReadResult;
  const limits = resolveLimits(settings.limits);
  try {
    uri = fileUri(target.absolute);
    read = readForLint(target.absolute, limits.maxFileSize);
  } catch (error) {
    return { findings: [cliError(target, error, internalErrors)], checked: false };
  }
  if (read.kind === 'unreadable') return unreadableTarget(target, read.reason, settings);
  try {
    // The text decides the format of a CloudFormation .template (JSON or YAML).
    const format = formatOf(uri, undefined, read.kind === 'too-large' ? read.sample : read.kind === 'text' ? undefined : read.text);
    if (read.kind === 'text') return { findings: [], checked: true, doc: prepare({ uri, text: read.text }, settings) };
    if (read.kind === 'too-large') {
      const kind = kindHint(format, read.sample);
      if (!kind) return { findings: [], checked: true };
      const message = `This file is ${formatSize(read.bytes)}, over the ${formatSize(limits.maxFileSize)} that Berth analyses (limits.maxFileSize); it was not checked.`;
      return { findings: [], checked: true, doc: problemDocument(uri, read.sample, format, kind, { code: 'too-large', message, span: { start: 0, end: 0 } }) };
    }
    const kind = kindHint(format, read.text) ?? fallbackKind(format);
    const span = { start: read.offset, end: Math.min(read.text.length, read.offset + 1) };
    return { findings: [], checked: true, doc: problemDocument(uri, read.text, format, kind, { code: read.reason, message: read.message, span }) };
  } catch (error) {
    return { findings: [cliError(target, error, internalErrors)], checked: true };
  }
}

/** Adds a prepared document to the index (when it has a model); returns what was indexed. */
export function indexDocument(index: WorkspaceIndex, doc: PreparedDocument, measure = true): IndexedDocument | undefined {
  const indexed = toIndexed(doc);
  if (indexed) {
    index.set(indexed);
    // Local Lambda code folders and zips are measured here, at the edge; the rules read the figures.
    if (measure) measureCodePathsOf(index, indexed, true);
  }
  return indexed;
}

/** Lints one prepared document against the index. Never throws. */
export function lintPrepared(
  target: Target,
  doc: PreparedDocument,
  index: WorkspaceIndex,
  settings: AnalyzeSettings,
  internalErrors: string[],
  rules?: readonly Rule[],
): CliFinding[] {
  const findings: CliFinding[] = [];
  try {
    const constructOf = cdkConstructs(target, doc);
    // A plan's findings come with the .tf file that declares the resource (uri), when it was read.
    const linted = lint(doc, rules ? { settings, workspace: index, rules } : { settings, workspace: index });
    for (const finding of linted) {
      // A rule that threw is reported as a finding like any other, and makes the run exit 2.
      if (finding.internalError) internalErrors.push(`${target.display}: ${finding.internalError}`);
      const elsewhere = finding.uri !== undefined ? index.get(finding.uri) : undefined;
      if (elsewhere) findings.push(toCli(besideTarget(target, elsewhere.uri), elsewhere.lines, finding));
      else findings.push(toCli(target, doc.lines, finding, constructOf?.(finding.span)));
    }
    // Moved findings keep the order of their files' lines.
    if (doc.kind === 'terraform-plan') findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  } catch (error) {
    findings.push(cliError(target, error, internalErrors));
  }
  return findings;
}

/** Another file, named as the target is (relative stays relative): the .tf file beside a plan. */
function besideTarget(target: Target, uri: string): Target {
  const absolute = fileURLToPath(uri);
  const display = isAbsolute(target.display) ? absolute : join(dirname(target.display), relative(dirname(target.absolute), absolute));
  return { display: display.split(sep).join('/'), absolute };
}

/**
 * Each finding once: a plan's finding moved to a .tf file may be the one the .tf file reports itself (a value the
 * source already knows), when both are linted.
 */
export function withoutRepeats(findings: readonly CliFinding[]): CliFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = [f.file, f.line, f.column, f.endLine, f.endColumn, f.ruleId, f.message].join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function cliError(target: Target, error: unknown, internalErrors: string[]): CliFinding {
  const err = error instanceof Error ? error : new Error(String(error));
  internalErrors.push(`${target.display}: ${err.stack ?? err.message}`);
  return atFileStart(target, frontEndFinding(cliErrorRule, 'cliFailed', { error: err.message })!);
}

function unreadableTarget(target: Target, reason: string, settings: AnalyzeSettings): PreparedTarget {
  const finding = frontEndFinding(unreadableFile, target.folder ? 'folder' : 'file', { reason }, settings.rules);
  return { findings: finding ? [atFileStart(target, finding)] : [], checked: false };
}

/** A front-end finding about the whole file, placed at its start. */
function atFileStart(target: Target, finding: FrontEndFinding): CliFinding {
  const { ruleId, severity, message, docsUrl } = finding;
  return { file: target.display, absolute: target.absolute, line: 1, column: 1, endLine: 1, endColumn: 1, severity, ruleId, message, docsUrl };
}

function toCli(target: Target, lines: LineIndex, finding: Finding, construct?: CdkConstruct): CliFinding {
  const start = lines.positionAt(finding.span.start);
  const end = lines.positionAt(finding.span.end);
  return {
    file: target.display,
    absolute: target.absolute,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    severity: finding.severity,
    ruleId: finding.ruleId,
    message: finding.message,
    docsUrl: finding.docsUrl,
    ...(construct ? { construct } : {}),
  };
}

function formatSize(n: number): string {
  if (n >= 1048576) return `${(n / 1048576).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

function kindHint(format: TextFormat | undefined, text: string): DocumentKind | undefined {
  if (format === 'dockerfile') return 'dockerfile';
  return candidateKinds(text)[0];
}

/** The kind only routes the parse rules here (they apply to every kind); it is never printed. */
function fallbackKind(format: TextFormat | undefined): DocumentKind {
  return format === 'dockerfile' ? 'dockerfile' : 'cloudformation';
}

/** A document that did not get as far as parsing: only its problem is reported, by the parse rules. */
function problemDocument(uri: string, text: string, format: TextFormat | undefined, kind: DocumentKind, problem: ParseProblem): PreparedDocument {
  return { uri, text, format, kind, lines: new LineIndex(text), problems: [problem] };
}
