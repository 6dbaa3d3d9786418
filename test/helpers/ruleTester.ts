/**
 * Table tests for rules, after typescript-eslint's RuleTester: valid cases give no finding of the rule,
 * invalid cases give exactly the listed findings with exact 1-based ranges, and `output` is the text
 * after "fix all" (core/fix/fixAll.ts: every fix that does not overlap another, as the editor applies them).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { lint, prepare, toIndexed, type AnalyzeSettings } from '../../server/src/core/analyze';
import { applyEdits, fixAllEdits } from '../../server/src/core/fix/fixAll';
import type { ParseProblem } from '../../server/src/core/parse/tree';
import { severitiesOf } from '../../server/src/core/rules/defineRule';
import type { Finding, Rule } from '../../server/src/core/rules/types';
import type { Severity } from '../../server/src/core/config/severity';
import { readBerthrc } from '../../server/src/core/config/berthrc';
import { WorkspaceIndex } from '../../server/src/core/workspace/index';
import type { LocalPathInfo } from '../../server/src/core/workspace/localPaths';
import { loadHclParser } from '../../server/src/io/hclGrammar';

// Terraform cases need tree-sitter's grammar, which an edge loads once (as the CLI and the server do).
before(() => loadHclParser());

export interface OtherFile {
  readonly filename: string;
  readonly code: string;
}

export interface ValidCase {
  readonly name?: string;
  readonly code: string;
  /** Decides the format (and kind hints): defaults to task.json for JSON-looking code, template.yaml otherwise. */
  readonly filename?: string;
  readonly settings?: AnalyzeSettings;
  readonly now?: Date;
  /** Other files in the same workspace folder, for cross-file rules. */
  readonly workspace?: readonly OtherFile[];
  /** Sizes of local paths (relative to the workspace folder) as the CLI or server would measure them. */
  readonly localPaths?: Readonly<Record<string, LocalPathInfo>>;
  /**
   * A problem found while reading the bytes, before any text existed (invalid UTF-8): the CLI and the server then
   * hand the rules the document unparsed, with this problem alone, and `code` is the text decoded leniently.
   */
  readonly readProblem?: ParseProblem;
}

export interface ExpectedFinding {
  readonly messageId: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity?: Severity;
  /** Exact message, or a RegExp it must match. */
  readonly message?: string | RegExp;
  /** Related locations, when the rule points at another place: [line, column] 1-based, and the file for cross-file ones. */
  readonly related?: readonly { readonly line: number; readonly column: number; readonly filename?: string }[];
}

export interface InvalidCase extends ValidCase {
  readonly errors: readonly ExpectedFinding[];
  /** The text after applying every fix of this rule's findings; omit when the rule offers none. */
  readonly output?: string;
  /** No finding offers a fix (a value set elsewhere, such as a Terraform variable's default, is not fixed at its use). */
  readonly noFix?: boolean;
}

const FOLDER = 'file:///workspace/';

export function ruleFindings(rule: Rule, testCase: ValidCase): { findings: Finding[]; uris: Map<string, string> } {
  const filename = testCase.filename ?? (testCase.code.trimStart().startsWith('{') ? 'task.json' : 'template.yaml');
  const uri = FOLDER + filename;
  const workspace = new WorkspaceIndex();
  const uris = new Map<string, string>();
  const texts = new Map<string, string>();
  for (const other of testCase.workspace ?? []) {
    const otherUri = FOLDER + other.filename;
    uris.set(otherUri, other.filename);
    texts.set(otherUri, other.code);
    if (other.filename.endsWith('.berthrc.yaml')) {
      // The config file is not a document: its deploy targets go to the index, as the CLI and server do.
      workspace.setDeployTargets(otherUri, Object.values(readBerthrc(other.code).targets));
      continue;
    }
    const indexed = toIndexed(prepare({ uri: otherUri, text: other.code }, testCase.settings));
    if (indexed) workspace.set(indexed);
  }
  for (const [relative, info] of Object.entries(testCase.localPaths ?? {})) workspace.setLocalPath(FOLDER + relative, info);
  const prepared = prepare({ uri, text: testCase.code }, testCase.settings);
  const doc = testCase.readProblem ? { ...prepared, tree: undefined, model: undefined, problems: [testCase.readProblem] } : prepared;
  const indexed = toIndexed(doc);
  if (indexed) workspace.set(indexed);
  const all = lint(doc, { rules: [rule], settings: testCase.settings, workspace, now: testCase.now });
  const crashed = all.find((f) => f.internalError);
  assert.equal(crashed, undefined, `rule crashed: ${crashed?.internalError}`);
  if (testCase.settings?.rules?.[rule.id] === undefined) {
    // The metadata is honest: a finding's severity is one the rule declares (README, SARIF).
    const declared = severitiesOf(rule);
    // An error on a resource under a Condition is a warning by the engine's policy (rules/engine.ts), for every rule.
    for (const f of all) if (f.ruleId === rule.id) assert.ok(declared.includes(f.severity) || (f.condition !== undefined && f.severity === 'warning'), `${f.messageId} is reported at ${f.severity}, which the rule does not declare (severity, severities)`);
  }
  uris.set(uri, filename);
  return { findings: all.filter((f) => f.ruleId === rule.id), uris };
}

function toLineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split(/\r\n|\r|\n/).length;
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return { line, column: offset - lastBreak };
}

export { applyEdits };

export function runRuleTests(rule: Rule, cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] }): void {
  describe(rule.id, () => {
    expectEveryMessageId(rule, cases.invalid.flatMap((c) => c.errors.map((e) => e.messageId)));
    cases.valid.forEach((testCase, i) => {
      it(`valid ${i + 1}${testCase.name ? `: ${testCase.name}` : ''}`, () => {
        const { findings } = ruleFindings(rule, testCase);
        assert.deepEqual(
          findings.map((f) => `${f.messageId}: ${f.message}`),
          [],
          'expected no findings',
        );
      });
    });
    cases.invalid.forEach((testCase, i) => {
      it(`invalid ${i + 1}${testCase.name ? `: ${testCase.name}` : ''}`, () => {
        const { findings } = ruleFindings(rule, testCase);
        const actual = findings.map((f) => {
          const start = toLineColumn(testCase.code, f.span.start);
          const end = toLineColumn(testCase.code, f.span.end);
          return { messageId: f.messageId, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
        });
        const expected = testCase.errors.map((e) => ({ messageId: e.messageId, line: e.line, column: e.column, endLine: e.endLine, endColumn: e.endColumn }));
        assert.deepEqual(actual, expected);
        testCase.errors.forEach((e, k) => {
          const f = findings[k]!;
          if (e.severity) assert.equal(f.severity, e.severity, `severity of finding ${k + 1}`);
          if (typeof e.message === 'string') assert.equal(f.message, e.message);
          else if (e.message) assert.match(f.message, e.message);
          assert.doesNotMatch(f.message, /\{\w+\}/, 'message has an unfilled placeholder');
          if (e.related) {
            const otherTexts = new Map((testCase.workspace ?? []).map((o) => [o.filename, o.code]));
            assert.deepEqual(
              f.related.map((r) => {
                const filename = r.uri ? r.uri.slice(FOLDER.length) : undefined;
                const text = filename ? otherTexts.get(filename)! : testCase.code;
                const pos = toLineColumn(text, r.span.start);
                return filename ? { line: pos.line, column: pos.column, filename } : { line: pos.line, column: pos.column };
              }),
              e.related.map((r) => (r.filename ? { line: r.line, column: r.column, filename: r.filename } : { line: r.line, column: r.column })),
            );
          }
        });
        if (testCase.noFix) assert.deepEqual(findings.filter((f) => f.fix).map((f) => f.fix!.title), [], 'expected no fix');
        if (testCase.output !== undefined) {
          // The output of "fix all", as the editor's source action makes it.
          assert.ok(findings.some((f) => f.fix?.edits.length), 'expected the rule to offer a fix');
          assert.equal(applyEdits(testCase.code, fixAllEdits(findings)), testCase.output);
        }
      });
    });
  });
}

/**
 * Every messageId the rule declares is expected by some case of its table; as each case passes only when the rule
 * reports exactly what it expects, the table proves that the rule reports every message it declares.
 */
function expectEveryMessageId(rule: Rule, expected: readonly string[]): void {
  it('its cases expect every messageId the rule declares', () => {
    const seen = new Set(expected);
    assert.deepEqual(
      Object.keys(rule.messages).filter((id) => !seen.has(id)),
      [],
      'add an invalid case for each of these messageIds',
    );
    assert.deepEqual(
      [...seen].filter((id) => !Object.prototype.hasOwnProperty.call(rule.messages, id)),
      [],
      'the rule declares no such messageId',
    );
  });
}

/** What a front end reports for a front-end rule (CLI findings carry no messageId: the message template tells). */
export interface FrontEndReport {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly docsUrl: string;
}

export interface FrontEndCase {
  readonly name: string;
  /** Makes the finding the way the front end (the CLI, the engine) does. */
  readonly report: () => FrontEndReport | undefined;
  readonly messageId: string;
  /** Exact message; without it, the message must fit the messageId's template. */
  readonly message?: string;
  /** Defaults to the rule's severity. */
  readonly severity?: Severity;
}

/**
 * Tables for front-end rules (defineFrontEndRule), whose findings a front end or the engine makes itself: each
 * finding carries the rule's id, docs URL and severity, and the message of the expected messageId.
 */
export function runFrontEndRuleTests(rule: Rule, cases: readonly FrontEndCase[]): void {
  describe(rule.id, () => {
    expectEveryMessageId(rule, cases.map((c) => c.messageId));
    for (const testCase of cases) {
      it(testCase.name, () => {
        const report = testCase.report();
        assert.ok(report, 'expected a finding');
        assert.equal(report.ruleId, rule.id);
        assert.equal(report.docsUrl, rule.docsUrl);
        assert.equal(report.severity, testCase.severity ?? rule.severity);
        const template = rule.messages[testCase.messageId];
        assert.ok(template !== undefined, `the rule declares no messageId ${testCase.messageId}`);
        assert.match(report.message, templatePattern(template));
        if (testCase.message !== undefined) assert.equal(report.message, testCase.message);
      });
    }
  });
}

/** A message template as a pattern: each `{placeholder}` matches some text. */
function templatePattern(template: string): RegExp {
  return new RegExp(`^${template.split(/\{\w+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+?')}$`, 's');
}
