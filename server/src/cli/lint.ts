/**
 * Reads the collected files, indexes every one in a WorkspaceIndex first, then lints each against that
 * index, so cross-file rules see exactly what they see in the editor. Never throws for a bad file:
 * unreadable, binary, invalid UTF-8 and oversized files become findings.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { lint, prepare, toIndexed, type AnalyzeSettings, type PreparedDocument } from '../core/analyze';
import { candidateKinds, formatOf, type DocumentKind, type TextFormat } from '../core/kinds/detect';
import { resolveLimits } from '../core/parse/limits';
import type { ParseProblem } from '../core/parse/tree';
import { frontEndFinding, type FrontEndFinding } from '../core/rules/engine';
import cliErrorRule from '../core/rules/internal/cli-error';
import unreadableFile from '../core/rules/parse/unreadable-file';
import type { Finding, Rule } from '../core/rules/types';
import type { Severity } from '../core/config/severity';
import { decodeBytes } from '../core/text/decode';
import { LineIndex } from '../core/text/lineIndex';
import type { DeployTarget } from '../core/config/targets';
import { WorkspaceIndex, type IndexedDocument } from '../core/workspace/index';
import { measureCodePathsOf } from '../io/measure';
import { describeError, type Target } from './files';
import { lintInParallel } from './parallel';

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
}

export interface LintRun {
  readonly findings: CliFinding[];
  /** Files read (whatever their kind). */
  readonly filesChecked: number;
  /** Set when Berth itself failed on a file: the CLI exits 2 after printing everything else. */
  readonly internalErrors: string[];
}

/** Bytes sampled from a file too large to read whole, to decide whether it looks like an AWS config at all. */
const SAMPLE_BYTES = 64 * 1024;

/** The deploy targets of the configuration file in use, with its URI. */
export interface DeployTargetsOf {
  readonly configUri: string;
  readonly targets: readonly DeployTarget[];
}

type Loaded =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'prepared'; readonly doc: PreparedDocument }
  | { readonly kind: 'skip' };

/** `rules` defaults to every registered rule; tests pass their own. */
export function lintTargets(targets: readonly Target[], settings: AnalyzeSettings, rules?: readonly Rule[], deploy?: DeployTargetsOf): LintRun {
  // Many files: two threads prepare and lint their share (./parallel.ts); same findings, same order.
  if (!rules) {
    const parallel = lintInParallel(targets, settings, deploy);
    if (parallel) return parallel;
  }
  const perTarget: CliFinding[][] = targets.map(() => []);
  const internalErrors: string[] = [];
  const index = newIndex(deploy);
  const prepared: { target: Target; doc: PreparedDocument; findings: CliFinding[] }[] = [];
  let filesChecked = 0;

  for (const [i, target] of targets.entries()) {
    const findings = perTarget[i]!;
    const step = prepareTarget(target, settings, internalErrors);
    findings.push(...step.findings);
    if (step.checked) filesChecked++;
    if (!step.doc) continue;
    try {
      indexDocument(index, step.doc);
    } catch (error) {
      findings.push(cliError(target, error, internalErrors));
      continue;
    }
    if (step.doc.kind) prepared.push({ target, doc: step.doc, findings });
  }

  for (const { target, doc, findings } of prepared) findings.push(...lintPrepared(target, doc, index, settings, internalErrors, rules));
  return { findings: perTarget.flat(), filesChecked, internalErrors };
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
  if (target.error !== undefined) {
    const finding = unreadable(target, target.error, settings);
    return { findings: finding ? [finding] : [], checked: false };
  }
  let uri: string;
  let loaded: Loaded | { error: string };
  try {
    uri = pathToFileURL(target.absolute).href;
    loaded = load(target, uri, settings);
  } catch (error) {
    return { findings: [cliError(target, error, internalErrors)], checked: false };
  }
  if ('error' in loaded) {
    const finding = unreadable(target, loaded.error, settings);
    return { findings: finding ? [finding] : [], checked: false };
  }
  if (loaded.kind === 'skip') return { findings: [], checked: true };
  try {
    const doc = loaded.kind === 'prepared' ? loaded.doc : prepare({ uri, text: loaded.text }, settings);
    return { findings: [], checked: true, doc };
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
    for (const finding of lint(doc, rules ? { settings, workspace: index, rules } : { settings, workspace: index })) {
      // A rule that threw is reported as a finding like any other, and makes the run exit 2.
      if (finding.internalError) internalErrors.push(`${target.display}: ${finding.internalError}`);
      findings.push(toCli(target, doc.lines, finding));
    }
  } catch (error) {
    findings.push(cliError(target, error, internalErrors));
  }
  return findings;
}

function load(target: Target, uri: string, settings: AnalyzeSettings): Loaded | { error: string } {
  const limits = resolveLimits(settings.limits);
  let fd: number;
  try {
    // O_NONBLOCK: a FIFO that slipped through must not hang the run.
    fd = openSync(target.absolute, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { error: describeError(error) };
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) return { error: 'it is a directory, where a file was expected' };
    if (!stats.isFile()) return { error: 'not a regular file' };
    const format = formatOf(uri);
    // UTF-8 takes at most 3 bytes per UTF-16 code unit: beyond 3 × the limit the text is surely too large.
    if (stats.size > limits.maxFileSize * 3) {
      const sample = readBytes(fd, Math.min(stats.size, SAMPLE_BYTES));
      const text = new TextDecoder('utf-8').decode(sample);
      const kind = kindHint(format, text);
      if (!kind) return { kind: 'skip' };
      return {
        kind: 'prepared',
        doc: problemDocument(uri, text, format, kind, {
          code: 'too-large',
          message: `This file is ${formatSize(stats.size)}, over the ${formatSize(limits.maxFileSize)} that Berth analyses (limits.maxFileSize); it was not checked.`,
          span: { start: 0, end: 0 },
        }),
      };
    }
    const bytes = readBytes(fd, stats.size);
    const decoded = decodeBytes(bytes);
    if (decoded.ok) return { kind: 'text', text: decoded.text };
    // Keep going with a lenient decoding, so the finding lands on the right line and column.
    const text = new TextDecoder('utf-8').decode(bytes);
    const offset = new TextDecoder('utf-8').decode(bytes.subarray(0, decoded.offset)).length;
    const kind = kindHint(format, text) ?? fallbackKind(format);
    return {
      kind: 'prepared',
      doc: problemDocument(uri, text, format, kind, { code: decoded.reason, message: decoded.message, span: { start: offset, end: Math.min(text.length, offset + 1) } }),
    };
  } catch (error) {
    return { error: describeError(error) };
  } finally {
    closeSync(fd);
  }
}

function formatSize(n: number): string {
  if (n >= 1048576) return `${(n / 1048576).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

function readBytes(fd: number, size: number): Uint8Array {
  const buffer = Buffer.alloc(size);
  let read = 0;
  while (read < size) {
    const n = readSync(fd, buffer, read, size - read, read);
    if (n === 0) break;
    read += n;
  }
  return buffer.subarray(0, read);
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

function toCli(target: Target, lines: LineIndex, finding: Finding): CliFinding {
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
  };
}

function unreadable(target: Target, reason: string, settings: AnalyzeSettings): CliFinding | undefined {
  const finding = frontEndFinding(unreadableFile, target.folder ? 'folder' : 'file', { reason }, settings.rules);
  return finding && atFileStart(target, finding);
}

export function cliError(target: Target, error: unknown, internalErrors: string[]): CliFinding {
  const err = error instanceof Error ? error : new Error(String(error));
  internalErrors.push(`${target.display}: ${err.stack ?? err.message}`);
  return atFileStart(target, frontEndFinding(cliErrorRule, 'cliFailed', { error: err.message })!);
}

/** A front-end finding about the whole file, placed at its start. */
function atFileStart(target: Target, finding: FrontEndFinding): CliFinding {
  const { ruleId, severity, message, docsUrl } = finding;
  return { file: target.display, absolute: target.absolute, line: 1, column: 1, endLine: 1, endColumn: 1, severity, ruleId, message, docsUrl };
}
