/**
 * Table tests for rules, after typescript-eslint's RuleTester: valid cases give no finding of the rule,
 * invalid cases give exactly the listed findings with exact 1-based ranges, and `output` is the text
 * after "fix all" (core/fix/fixAll.ts: every fix that does not overlap another, as the editor applies them).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint, prepare, toIndexed, type AnalyzeSettings } from '../../server/src/core/analyze';
import { applyEdits, fixAllEdits } from '../../server/src/core/fix/fixAll';
import type { Finding, Rule, Severity } from '../../server/src/core/rules/types';
import { parseDeployTargets } from '../../server/src/core/deploy/target';
import { WorkspaceIndex } from '../../server/src/core/workspace/index';
import type { LocalPathInfo } from '../../server/src/core/workspace/localPaths';

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
      workspace.setDeployTargets(otherUri, Object.values(parseDeployTargets(other.code).targets));
      continue;
    }
    const indexed = toIndexed(prepare({ uri: otherUri, text: other.code }, testCase.settings));
    if (indexed) workspace.set(indexed);
  }
  for (const [relative, info] of Object.entries(testCase.localPaths ?? {})) workspace.setLocalPath(FOLDER + relative, info);
  const doc = prepare({ uri, text: testCase.code }, testCase.settings);
  const indexed = toIndexed(doc);
  if (indexed) workspace.set(indexed);
  const all = lint(doc, { rules: [rule], settings: testCase.settings, workspace, now: testCase.now });
  const crashed = all.find((f) => f.internalError);
  assert.equal(crashed, undefined, `rule crashed: ${crashed?.internalError}`);
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
        if (testCase.output !== undefined) {
          // The output of "fix all", as the editor's source action makes it.
          assert.ok(findings.some((f) => f.fix?.edits.length), 'expected the rule to offer a fix');
          assert.equal(applyEdits(testCase.code, fixAllEdits(findings)), testCase.output);
        }
      });
    });
  });
}
