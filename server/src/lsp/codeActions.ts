/**
 * Code actions for a document's findings: each diagnostic's quick fix, "Explain" for clients that can open a
 * concept article, and "Fix all" as a source action (and as a quick fix when two or more findings have fixes).
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Range } from 'vscode-languageserver';
import { getConcept } from '../core/docs/concepts';
import { fixAllEdits } from '../core/fix/fixAll';
import type { Finding } from '../core/rules/types';
import type { LineIndex } from '../core/text/lineIndex';
import { SHOW_CONCEPT_COMMAND } from './protocol';
import { quickFix, toRange, type DiagnosticData } from './toLsp';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.berth`;

export interface CodeActionContext {
  readonly uri: string;
  readonly lines: LineIndex;
  /** The document's findings, in the order their diagnostics were numbered (DiagnosticData.findingIndex). */
  readonly findings: readonly Finding[];
  /** Commands the client said it has (initializationOptions.clientCommands). */
  readonly clientCommands: ReadonlySet<string>;
  /** CDK output: no fixes, the next synth would undo them (lsp/generated.ts). */
  readonly generated?: boolean;
}

export function codeActions(params: CodeActionParams, context: CodeActionContext): CodeAction[] {
  const only = params.context.only;
  const wantsQuickFix = !only || only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k));
  const wantsFixAll = only?.some((k) => FIX_ALL_KIND.startsWith(k) || k === CodeActionKind.Source);
  const fixes = !context.generated;
  return [
    ...(wantsQuickFix ? [...(fixes ? [...quickFixes(params, context), ...fixAllAsQuickFix(params, context)] : []), ...explanations(params, context)] : []),
    ...(wantsFixAll && fixes ? fixAll(context) : []),
  ];
}

/** Fix all, also in the Ctrl+. menu of a Berth problem, when the file has two or more fixable findings. */
function fixAllAsQuickFix(params: CodeActionParams, context: CodeActionContext): CodeAction[] {
  if (!params.context.diagnostics.some((d) => d.source === 'berth') || context.findings.filter((f) => f.fix).length < 2) return [];
  return fixAll(context).map((action) => ({ ...action, kind: CodeActionKind.QuickFix }));
}

function quickFixes(params: CodeActionParams, { uri, lines, findings }: CodeActionContext): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== 'berth') continue;
    const data = diagnostic.data as DiagnosticData | undefined;
    const finding = data ? findings[data.findingIndex] : undefined;
    // The index is of the analysis the diagnostic came from; after an edit, find the finding by rule and range.
    const match = finding && finding.ruleId === data?.ruleId ? finding : findings.find((f) => f.ruleId === diagnostic.code && sameRange(toRange(lines, f.span), diagnostic.range));
    if (match?.fix) actions.push(quickFix(uri, lines, match.fix, diagnostic));
  }
  return actions;
}

/** "Explain" after the fixes, once per concept, for clients that can open an article (the VS Code client says so). */
function explanations(params: CodeActionParams, { clientCommands }: CodeActionContext): CodeAction[] {
  if (!clientCommands.has(SHOW_CONCEPT_COMMAND)) return [];
  const actions: CodeAction[] = [];
  const explained = new Set<string>();
  for (const diagnostic of params.context.diagnostics) {
    const conceptId = diagnostic.source === 'berth' ? (diagnostic.data as DiagnosticData | undefined)?.concept : undefined;
    const concept = conceptId ? getConcept(conceptId) : undefined;
    if (!concept || explained.has(concept.id)) continue;
    explained.add(concept.id);
    const title = `Explain: ${concept.title}`;
    actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: SHOW_CONCEPT_COMMAND, arguments: [concept.id] } });
  }
  return actions;
}

function fixAll({ uri, lines, findings }: CodeActionContext): CodeAction[] {
  const edits = fixAllEdits(findings).map((e) => ({ range: toRange(lines, e.span), newText: e.newText }));
  return edits.length ? [{ title: 'Fix all Berth problems in this file', kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } }] : [];
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
