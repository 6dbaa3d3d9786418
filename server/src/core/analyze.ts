import { baseName, candidateKinds, detectKind, formatOf, isJsonTemplateName, isTerraformName, type DocumentKind, type TextFormat } from './kinds/detect';
import { buildModel, type DocumentModel } from './model/document';
import { jsonTemplate } from './parse/embeddedJson';
import { parseHcl, reparseHcl, type HclSyntax } from './parse/hcl';
import { parseJson } from './parse/json';
import { parseJsonIncrementally } from './parse/jsonIncremental';
import { DEFAULT_LIMITS, equalLimits, resolveLimits, type Limits } from './parse/limits';
import type { Node, ParsedTree, ParseProblem, Span } from './parse/tree';
import { editedSpan, recoverBroken, standsOnParsedText } from './parse/recover';
import { parseYaml } from './parse/yaml';
import { parseYamlIncrementally, type PreviousParse } from './parse/yamlIncremental';
import { applySuppressions, runRules } from './rules/engine';
import { PARSE_RULE_IDS, RULES } from './rules/index';
import type { Finding, Rule } from './rules/types';
import type { RuleSetting } from './config/severity';
import { containerDefinitionsModel, terraformDocumentModel, terraformModuleModel } from './terraform/document';
import { terraformPlanModel } from './terraform/plan';
import { findingsInConfiguration, sameProblem } from './terraform/planSource';
import { withTemplateLambdaLinks } from './template/lambdaLinks';
import { withTemplateWeb } from './template/web';
import type { TextChange } from './parse/textChanges';
import { LineIndex } from './text/lineIndex';
import { EMPTY_WORKSPACE, planFolders, type IndexedDocument, type WorkspaceView } from './workspace/index';
import { folderOf } from './workspace/references';

export interface AnalyzeSettings {
  /** Severity per rule id. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  readonly limits?: Partial<Limits>;
  /** Kinds the user switched off. */
  readonly disabledKinds?: readonly DocumentKind[];
  /** Run the rules marked `docs.genericFeature` (off unless an edge turns it on: the CLI always, the editor per setting). */
  readonly genericFeatures?: boolean;
}

export interface DocumentInput {
  readonly uri: string;
  readonly text: string;
  /** The editor's language id, when there is one: json, jsonc, yaml, dockerfile. */
  readonly languageId?: string;
}

/** Parse → detect → model: done once per document version, shared by diagnostics, hover and completion. */
export interface PreparedDocument {
  readonly uri: string;
  readonly text: string;
  readonly format?: TextFormat;
  readonly kind?: DocumentKind;
  readonly lines: LineIndex;
  readonly tree?: ParsedTree;
  readonly model?: DocumentModel;
  readonly problems: readonly ParseProblem[];
  /** The limits the text was parsed under (a later version may re-use the tree only under the same ones). */
  readonly limits?: Limits;
}

export interface Analysis {
  readonly document: PreparedDocument;
  readonly findings: Finding[];
}

/**
 * An editor's Terraform document between edits: its last HCL parse and the changes made since (when known). The
 * syntax tree is WASM memory the editor's side owns: `keep` receives the new parse, and the caller disposes of the
 * one it replaces (parse/hcl.ts disposeHclSyntax); a document prepared without a new parse never calls `keep`.
 */
export interface HclSession {
  readonly previous?: HclSyntax;
  readonly changes?: readonly TextChange[];
  keep(syntax: HclSyntax): void;
}

/**
 * Never throws: every problem with the input becomes a parse problem (and so a finding).
 * `previous`, the same document's last prepared version, lets a YAML edit re-parse only what changed; `hcl` does
 * the same for Terraform.
 */
export function prepare(input: DocumentInput, settings: AnalyzeSettings = {}, previous?: PreparedDocument, hcl?: HclSession): PreparedDocument {
  const { uri, text } = input;
  const lines = new LineIndex(text);
  const format = formatOf(uri, input.languageId, text);
  const base = { uri, text, format, lines };
  if (!format) return { ...base, problems: [] };
  const limits = resolveLimits(settings.limits);

  if (format === 'dockerfile') {
    const kind: DocumentKind = 'dockerfile';
    if (settings.disabledKinds?.includes(kind)) return { ...base, problems: [] };
    const guard = guardText(text, limits, true);
    if (guard) return { ...base, kind, problems: [guard] };
    return { ...base, kind, model: buildModel(kind, undefined, text, lines), problems: [] };
  }

  if (format === 'hcl' || (format === 'json' && isTerraformName(baseName(uri)))) {
    // Terraform: every .tf file is read (HCL errors matter even before any AWS resource is written).
    const kind: DocumentKind = 'terraform';
    if (settings.disabledKinds?.includes(kind)) return { ...base, problems: [] };
    const guard = guardText(text, limits, false);
    if (guard) return { ...base, kind, problems: [guard] };
    const tree = format === 'json' ? parseJson(text, limits) : hcl ? reparseInSession(hcl, text, limits) : parseHcl(text, limits);
    const model = tree.root ? terraformDocumentModel(uri, tree.root, text, limits) : undefined;
    return { ...base, kind, tree, limits, model, problems: tree.problems };
  }

  // Cheap text test first: most JSON/YAML in a workspace is not an AWS config and stops here.
  const candidates = candidateKinds(text);
  if (candidates.length === 0) return { ...base, problems: [] };
  const allowed = candidates.filter((k) => !settings.disabledKinds?.includes(k));
  if (allowed.length === 0) return { ...base, problems: [] };

  const guard = guardText(text, limits, false);
  if (guard) return { ...base, kind: allowed[0], problems: [guard] };

  const reusable = previous?.tree && previous.uri === uri && equalLimits(previous.limits, limits) ? { text: previous.text, tree: previous.tree } : undefined;
  const tree = readTree(format, baseName(uri), text, limits, reusable);
  const fatal = tree.problems.find((p) => p.code === 'too-deep' || p.code === 'alias-limit') ?? (tree.root ? undefined : tree.problems.find((p) => p.code === 'syntax'));
  if (fatal || !tree.root) {
    // A file nothing could be read from still gets its one clear finding, under the kind its text suggests.
    return fatal ? { ...base, kind: allowed[0], tree, problems: [fatal] } : { ...base, problems: [] };
  }
  const kind = detectKind(tree.root, allowed, baseName(uri));
  if (!kind) {
    // What parsed of a broken file shows no kind (the broken lines held it): its syntax error alone, as above.
    const syntax = tree.problems.find((p) => p.code === 'syntax');
    return syntax ? { ...base, kind: allowed[0], tree, problems: [syntax] } : { ...base, problems: [] };
  }
  const model = kind === 'terraform-plan' ? terraformPlanModel(tree.root, text, limits) : buildModel(kind, tree.root, text, lines);
  return { ...base, kind, tree, limits, model, problems: tree.problems };
}

function reparseInSession(session: HclSession, text: string, limits: Limits): ParsedTree {
  const { tree, syntax } = reparseHcl(text, session.previous, session.changes, limits);
  if (syntax) session.keep(syntax);
  return tree;
}

/** Rounds of parse/recover.ts on a broken document: each blanks one more broken line and parses again. */
const RECOVERY_ROUNDS = 3;

/**
 * The document's tree. Both parsers skip a leading BOM without moving offsets. A document with a syntax error is
 * read as far as it goes (parse/recover.ts): what parses is analysed, and the broken stretches are marked.
 */
function readTree(format: 'json' | 'yaml', name: string, text: string, limits: Limits, reusable: PreviousParse | undefined): ParsedTree {
  if (reusable?.text === text && reusable.tree.format === format) return reusable.tree;
  const parse =
    format === 'yaml' ? (t: string) => parseYaml(t, limits, { recover: true })
    : isJsonTemplateName(name) ? (t: string): ParsedTree => ({ format: 'json', ...jsonTemplate(t, limits) })
    : (t: string) => parseJson(t, limits);
  const tree =
    format === 'yaml' ? parseYamlIncrementally(text, reusable, limits)
    : isJsonTemplateName(name) ? parse(text)
    : parseJsonIncrementally(text, reusable, limits);
  if (!tree.problems.some((p) => p.code === 'syntax')) return tree;
  // The strict YAML parse stops at the first error; the recovering one reads past it.
  const first = format === 'yaml' ? parse(text) : tree;
  if (first.problems.some((p) => p.code === 'too-deep' || p.code === 'alias-limit')) return first;
  return recoverBroken(text, first, parse, { rounds: RECOVERY_ROUNDS, ...(reusable ? { edited: editedSpan(reusable.text, text) } : {}) });
}

function guardText(text: string, limits: Limits, dockerfile: boolean): ParseProblem | undefined {
  if (text.length > limits.maxFileSize) {
    const size = (n: number) => (n >= 1048576 ? `${(n / 1048576).toFixed(2).replace(/\.?0+$/, '')} MB` : `${n.toLocaleString('en-US')} characters`);
    let actual = size(text.length);
    let limit = size(limits.maxFileSize);
    if (actual === limit) {
      actual = `${text.length.toLocaleString('en-US')} characters`;
      limit = `${limits.maxFileSize.toLocaleString('en-US')} characters`;
    }
    return {
      code: 'too-large',
      message: `This file has ${actual}, over the ${limit} that Berth analyses (berth.limits.maxFileSize); it was not checked.`,
      span: { start: 0, end: 0 },
    };
  }
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    return { code: 'binary', message: `This file contains binary data (a NUL character at offset ${nul}); Berth analyses text files only.`, span: { start: nul, end: nul + 1 } };
  }
  if (dockerfile) {
    const maxLines = limits.maxDockerfileLines ?? DEFAULT_LIMITS.maxDockerfileLines;
    let lines = 1;
    for (let i = text.indexOf('\n'); i !== -1 && lines <= maxLines; i = text.indexOf('\n', i + 1)) lines++;
    if (lines > maxLines) {
      return {
        code: 'too-large',
        message: `This Dockerfile has more than ${maxLines.toLocaleString('en-US')} lines, the most that Berth analyses (berth.limits.maxDockerfileLines); it was not checked.`,
        span: { start: 0, end: 0 },
      };
    }
  }
  if (dockerfile && text.trim() === '') return { code: 'empty', message: 'This file is empty.', span: { start: 0, end: 0 } };
  return undefined;
}

export interface LintOptions {
  readonly settings?: AnalyzeSettings;
  readonly workspace?: WorkspaceView;
  readonly now?: Date;
  /** Defaults to every registered rule; tests pass one. */
  readonly rules?: readonly Rule[];
  /**
   * Only the findings shown in this document (the editor): a Terraform plan's findings that move to the `.tf` file
   * declaring their resource are left out of the plan's, since that file shows them. By default they are returned
   * with that file's `uri` (berth lint prints them there).
   */
  readonly ownDocumentOnly?: boolean;
}

/**
 * Runs the rules on a prepared document. Parse problems alone are reported when the file did not parse. A Terraform
 * plan's findings are shown at the `.tf` block that declares their resource when the workspace has it: a plan's
 * findings move there (`uri`), and a `.tf` file's include those of the plans made from its folder, each problem once.
 */
export function lint(doc: PreparedDocument, options: LintOptions = {}): Finding[] {
  const found = lintAlone(doc, options);
  if (doc.kind === 'terraform-plan' && doc.model) return placedPlanFindings(doc, found, options);
  if (doc.kind === 'terraform' && doc.model?.terraform && !doc.model.terraform.isVars) return withPlanFindings(doc, found, options);
  return found;
}

/**
 * A plan's findings moved to the `.tf` files that declare their resources (terraform/planSource.ts), each problem
 * once: where a `.tf` file of that module reports the same problem itself (on the service where the plan finds it on
 * the target group, in another file perhaps), its own finding stands for the plan's (the file may be only context
 * for berth lint, which prints it then); a rule suppressed on that line is suppressed. `into`: only those moved to
 * this file, and none the module reports itself.
 */
function placedPlanFindings(plan: PreparedDocument, found: Finding[], options: LintOptions, into?: { uri: string; own: Finding[] }): Finding[] {
  const workspace = options.workspace ?? EMPTY_WORKSPACE;
  const limits = plan.limits ?? resolveLimits(options.settings?.limits);
  const placed = findingsInConfiguration({ uri: plan.uri, text: plan.text, root: plan.tree?.root ?? plan.model?.root }, found, workspace, limits);
  const own = new Map<string, Finding[]>(into ? [[into.uri, into.own]] : []);
  const ownOf = (doc: IndexedDocument): Finding[] => {
    let findings = own.get(doc.uri);
    if (!findings) own.set(doc.uri, (findings = lintAlone(fromIndex(doc, limits), options)));
    return findings;
  };
  const kept = placed.flatMap((f): Finding[] => {
    if (f.uri === undefined) return into ? [] : [f];
    if (into ? f.uri !== into.uri : options.ownDocumentOnly) return [];
    const target = workspace.get(f.uri);
    if (target?.text === undefined) return [f];
    if (applySuppressions([f], target.text, target.lines).length === 0) return [];
    const module = workspace.documentsInFolder(folderOf(f.uri)).filter((d) => d.uri !== target.uri && d.kind === 'terraform' && d.text !== undefined && !d.model.terraform?.isVars);
    for (const doc of [target, ...module]) {
      const same = ownOf(doc).find((t) => sameProblem(t, doc.uri, f, plan.uri));
      // Its fix edits that .tf file, not the document linted.
      if (same) return into ? [] : [{ ...same, uri: doc.uri, fix: undefined, related: same.related.map((r) => ({ ...r, uri: r.uri ?? doc.uri })) }];
    }
    return [f];
  });
  // Instances of one resource (count, for_each) land on the same block: each problem once.
  return withoutRepeats(kept);
}

/** A `.tf` file's findings with those of the plans made from its folder (a root module or a local module). */
function withPlanFindings(doc: PreparedDocument, found: Finding[], options: LintOptions): Finding[] {
  const workspace = options.workspace ?? EMPTY_WORKSPACE;
  const limits = doc.limits ?? resolveLimits(options.settings?.limits);
  const moved: Finding[] = [];
  for (const indexed of workspace.documents()) {
    if (indexed.kind !== 'terraform-plan' || indexed.text === undefined || !planFolders(indexed).includes(folderOf(doc.uri))) continue;
    const plan = fromIndex(indexed, limits);
    for (const { uri: _here, ...finding } of placedPlanFindings(plan, lintAlone(plan, options), options, { uri: doc.uri, own: found })) moved.push(finding);
  }
  return moved.length ? withoutRepeats([...found, ...moved].sort(bySpan)) : found;
}

/** A document of the index as prepared (its text kept there): for a plan, or a `.tf` file its findings move to. */
function fromIndex(doc: IndexedDocument, limits: Limits): PreparedDocument {
  const text = doc.text ?? '';
  return { uri: doc.uri, text, format: formatOf(doc.uri, undefined, text), kind: doc.kind, lines: doc.lines, model: doc.model, problems: [], limits };
}

/** The findings of one document on its own. */
function lintAlone(doc: PreparedDocument, options: LintOptions): Finding[] {
  if (!doc.kind) return [];
  const all = options.rules ?? RULES;
  const rules = options.settings?.genericFeatures ? all : all.filter((r) => !r.docs.genericFeature);
  const parsedOk = doc.model !== undefined;
  const applicable = parsedOk ? rules : rules.filter((r) => PARSE_RULE_IDS.has(r.id));
  const workspace = options.workspace ?? EMPTY_WORKSPACE;
  const own: DocumentModel = doc.model ?? { kind: doc.kind, taskDefinitions: [], services: [], jobDefinitions: [], lambdaFunctions: [] };
  const limits = doc.limits ?? resolveLimits(options.settings?.limits);
  // Terraform reads a module (and the JSON files it reads) as one model; other kinds read their own document.
  const model =
    doc.kind === 'terraform'
      ? terraformModuleModel(doc.uri, own, workspace, limits)
      : doc.kind === 'ecs-container-definitions'
        ? containerDefinitionsModel(doc.uri, own, workspace, limits)
        : doc.kind === 'terraform-plan'
          ? own
          : withTemplateWeb(withTemplateLambdaLinks(own, doc.text), doc.text);
  const findings = runRules(
    applicable,
    {
      uri: doc.uri,
      text: doc.text,
      kind: doc.kind,
      model,
      lines: doc.lines,
      parseProblems: model.embeddedProblems?.length ? [...doc.problems, ...model.embeddedProblems] : doc.problems,
      workspace,
      now: options.now ?? new Date(),
    },
    options.settings?.rules,
  );
  // A plan is generated: a fix belongs in the configuration, never in the plan's JSON.
  const fixable = doc.kind === 'terraform-plan' ? findings.map(({ fix: _fix, ...finding }) => finding) : findings;
  const judged = doc.tree?.broken && doc.tree.root ? onParsedText(fixable, doc.tree.root, doc.tree.broken) : fixable;
  const visible = doc.format === 'json' ? judged : applySuppressions(judged, doc.text, doc.lines);
  return withoutRepeats(visible.sort(bySpan));
}

// Plain comparison: rule ids are ASCII, and localeCompare would load locale data on the first call.
function bySpan(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/** A broken document: the parse findings, and the others only where the text around them parsed whole. */
function onParsedText(findings: Finding[], root: Node, broken: readonly Span[]): Finding[] {
  return findings.filter((f) => PARSE_RULE_IDS.has(f.ruleId) || standsOnParsedText(f.span, root, broken));
}

/**
 * One finding per rule, place and message: a value several resources share (a provider-level runtime in
 * serverless.yml, a SAM Globals property) would otherwise be reported once per resource on the same line.
 */
function withoutRepeats(sorted: Finding[]): Finding[] {
  const seen = new Set<string>();
  return sorted.filter((f) => {
    const key = `${f.uri ?? ''}\u0000${f.ruleId}\u0000${f.span.start}\u0000${f.span.end}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** prepare + lint, for one document. */
export function analyze(input: DocumentInput, options: LintOptions = {}): Analysis {
  const document = prepare(input, options.settings);
  return { document, findings: lint(document, options) };
}

/** What the workspace index keeps of a prepared document. */
export function toIndexed(doc: PreparedDocument): IndexedDocument | undefined {
  if (!doc.kind || !doc.model) return undefined;
  return { uri: doc.uri, kind: doc.kind, model: doc.model, lines: doc.lines, text: doc.text };
}
