/**
 * The project an MCP session works on: a root folder (where `berth mcp` started, or --root), its
 * .berthrc.yaml and its files, read and linted by the CLI's own steps (server/src/cli: collection,
 * preparation, the workspace index, the core's rules), so an agent sees exactly what `berth lint` reports.
 */
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { lint, prepare, type AnalyzeSettings, type PreparedDocument } from '../core/analyze';
import type { DeployTarget } from '../core/config/targets';
import { DOCUMENT_KINDS, type DocumentKind } from '../core/kinds/detect';
import type { Finding } from '../core/rules/types';
import type { Severity } from '../core/config/severity';
import { lintSettingsOf, lintWorkspace } from '../cli/lint';
import { indexDocument, newIndex, prepareTarget, type CliFinding, type DeployTargetsOf } from '../cli/pipeline';
import { collectFiles, type Target } from '../io/files';
import { summarize, type Summary } from '../cli/output/summary';
import { formatProblem, loadConfig, type LoadedConfig } from '../io/berthrc';
import { cdkConstructs, type CdkConstruct } from '../io/cdk';
import type { Span } from '../core/parse/tree';
import type { LineIndex } from '../core/text/lineIndex';
import type { WorkspaceIndex } from '../core/workspace/index';

/** A problem with the request (a path outside the project, a broken config): the tool answers with isError. */
export class ToolError extends Error {}

export interface Project {
  readonly root: string;
  readonly settings: AnalyzeSettings;
  readonly excludeRoot: string;
  readonly exclude: readonly string[];
  readonly deploy?: DeployTargetsOf;
  readonly targets: Readonly<Record<string, DeployTarget>>;
  /** Problems in deploy.targets, as `file:line:col: message`. */
  readonly targetErrors: readonly string[];
  /** Warnings about .berthrc.yaml (unknown rule ids, ...), as `berth lint` prints them. */
  readonly configWarnings: readonly string[];
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** Reads the project's configuration afresh (the agent may have just edited it). */
export function openProject(root: string): Project {
  const loaded = loadConfig(root);
  if (!loaded.ok) throw brokenConfig(root, loaded);
  const where = loaded.path ? projectPath(root, loaded.path) : '';
  return {
    root,
    settings: lintSettingsOf(loaded.config),
    excludeRoot: loaded.root,
    exclude: loaded.config.exclude,
    ...(loaded.path ? { deploy: { configUri: pathToFileURL(loaded.path).href, targets: Object.values(loaded.targets) } } : {}),
    targets: loaded.targets,
    targetErrors: loaded.targetErrors.map((e) => formatProblem(where, loaded.text ?? '', e)),
    configWarnings: loaded.warnings.map((w) => formatProblem(where, loaded.text ?? '', w)),
  };
}

function brokenConfig(root: string, loaded: Extract<LoadedConfig, { ok: false }>): ToolError {
  const where = projectPath(root, loaded.path);
  const details = [loaded.message ?? '', ...loaded.errors.map((e) => formatProblem(where, loaded.text ?? '', e))].filter(Boolean);
  return new ToolError(`The configuration file ${where} is broken, so nothing was checked:\n${details.join('\n')}`);
}

/** The absolute path of `path` (relative to the root, or absolute), which must lie inside the project. */
export function resolveInProject(project: Project, path: string): string {
  const absolute = resolve(project.root, path);
  const rel = relative(project.root, absolute);
  if (rel.startsWith('..') || isAbsolute(rel)) throw new ToolError(`${path} is outside the project folder ${project.root}; Berth reads files inside it only.`);
  return absolute;
}

export function projectPath(root: string, absolute: string): string {
  const rel = relative(root, absolute);
  return rel === '' ? '.' : rel.split(sep).join('/');
}

export interface LintReport {
  readonly findings: CliFinding[];
  readonly summary: Summary;
  /** Paths given that matched no file (or only excluded ones), and other notes `berth lint` prints on stderr. */
  readonly notes: string[];
}

/** `berth lint <paths>` from the project root: same files, same index, same findings, same order. */
export async function lintProjectPaths(project: Project, paths: readonly string[], minSeverity: Severity = 'info'): Promise<LintReport> {
  for (const p of paths) resolveInProject(project, p);
  const linted = lintWorkspace({ cwd: project.root, patterns: paths });
  if (!linted.ok) throw brokenConfig(project.root, linted.config);
  const { collected } = linted;
  if (paths.length && collected.unmatched.length === paths.length) {
    throw new ToolError(`No files matched ${collected.unmatched.map((p) => `"${p}"`).join(', ')} in ${project.root}.${collected.warnings.length ? ` ${collected.warnings.join('; ')}.` : ''}`);
  }
  const run = await linted.lint();
  const findings = run.findings.filter((f) => RANK[f.severity] >= RANK[minSeverity]);
  const notes = [...project.configWarnings, ...collected.warnings, ...collected.unmatched.map((p) => `no files matched "${p}"`), ...run.internalErrors.map((e) => `internal error: ${e.split('\n')[0]}`)];
  return { findings, summary: summarize(findings, run.filesChecked), notes };
}

/** What an agent names to check: a file in the project, or text (optionally standing in for a file, before it is saved). */
export interface DocumentRequest {
  readonly path?: string;
  readonly text?: string;
  readonly kind?: DocumentKind;
  readonly language?: 'json' | 'yaml' | 'dockerfile';
}

export interface LintedDocument {
  /** The project-relative path, or `<text>`. */
  readonly display: string;
  readonly doc: PreparedDocument;
  readonly findings: Finding[];
  /** In a template the CDK synthesized: the construct behind a finding. */
  readonly constructOf?: (span: Span) => CdkConstruct | undefined;
  /** The file a finding is shown in: the document, or (a Terraform plan's finding) the `.tf` file that declares its resource. */
  fileOf(finding: Finding): { display: string; lines: LineIndex };
}

/**
 * Lints one document with the core's findings (spans and fixes), against an index of the whole project as
 * `berth lint .` builds it, so cross-file rules (a service and its task definition) see the other files.
 * A `text` given with a `path` stands in for that file's content on disk.
 */
export function lintDocument(project: Project, request: DocumentRequest): LintedDocument {
  if (request.path === undefined && request.text === undefined) throw new ToolError('Give a path (a file in the project) or a text to check.');
  const absolute = request.path !== undefined ? resolveInProject(project, request.path) : undefined;
  if (absolute !== undefined && request.text === undefined) {
    if (!existsSync(absolute)) throw new ToolError(`${request.path} does not exist in ${project.root}.`);
    if (statSync(absolute).isDirectory()) throw new ToolError(`${request.path} is a folder; give one file (the lint tool checks folders).`);
  }
  const settings: AnalyzeSettings = request.kind ? { ...project.settings, disabledKinds: DOCUMENT_KINDS.filter((k) => k !== request.kind) } : project.settings;
  const index = projectIndex(project, absolute);
  const display = absolute !== undefined ? projectPath(project.root, absolute) : '<text>';
  let doc: PreparedDocument;
  if (request.text !== undefined) {
    const uri = absolute !== undefined ? pathToFileURL(absolute).href : `untitled:/${display}`;
    doc = prepare({ uri, text: request.text, languageId: request.language ?? (absolute === undefined ? guessLanguage(request.text, request.kind) : undefined) }, settings);
  } else {
    const internalErrors: string[] = [];
    const prepared = prepareTarget({ display, absolute: absolute! }, settings, internalErrors);
    if (!prepared.doc) {
      const reason = prepared.findings[0]?.message ?? internalErrors[0] ?? 'it is not a JSON, YAML or Dockerfile name';
      throw new ToolError(`${display} cannot be checked: ${reason}`);
    }
    doc = prepared.doc;
  }
  if (request.kind && doc.kind !== request.kind) {
    // Other kinds were switched off above, so the text is not this kind (or not JSON, YAML or a Dockerfile at all).
    throw new ToolError(`${display} does not look like a ${request.kind}; leave out "kind" to let Berth detect what it is.`);
  }
  indexDocument(index, doc, absolute !== undefined);
  const constructOf = absolute !== undefined ? cdkConstructs({ display, absolute }, doc) : undefined;
  const fileOf = (finding: Finding): { display: string; lines: LineIndex } => {
    const elsewhere = finding.uri !== undefined ? index.get(finding.uri) : undefined;
    return elsewhere?.uri.startsWith('file:') ? { display: projectPath(project.root, fileURLToPath(elsewhere.uri)), lines: elsewhere.lines } : { display, lines: doc.lines };
  };
  return { display, doc, findings: lint(doc, { settings, workspace: index }), fileOf, ...(constructOf ? { constructOf } : {}) };
}

/** Every file `berth lint .` reads in the project, indexed; `except` is left out (its new text is indexed by the caller). */
function projectIndex(project: Project, except: string | undefined): WorkspaceIndex {
  const index = newIndex(project.deploy);
  const { targets } = collectFiles(['.'], { cwd: project.root, excludeRoot: project.excludeRoot, exclude: project.exclude });
  for (const target of targets) {
    if (target.absolute === except) continue;
    const prepared = prepareTarget(target as Target, project.settings, []);
    if (prepared.doc?.kind) {
      try {
        indexDocument(index, prepared.doc);
      } catch {
        // A file Berth fails on is reported when it is linted itself; the index goes on without it.
      }
    }
  }
  return index;
}

function guessLanguage(text: string, kind: DocumentKind | undefined): 'json' | 'yaml' | 'dockerfile' {
  if (kind === 'dockerfile' || (!kind && /^\s*(#.*\n\s*)*(FROM|ARG)\s/i.test(text))) return 'dockerfile';
  return /^\s*[[{]/.test(text) ? 'json' : 'yaml';
}
