import {
  CodeAction,
  CodeActionKind,
  DiagnosticSeverity,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type Range,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import type { Span } from '../core/parse/tree';
import type { Finding } from '../core/rules/types';
import type { Severity } from '../core/config/severity';
import type { Fix } from '../core/fix/types';
import type { LineIndex } from '../core/text/lineIndex';

/** The one seam where offsets become editor positions (the model keeps offsets). */
export function toRange(lines: LineIndex, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export interface DiagnosticData {
  readonly ruleId: string;
  /** Index of the finding in the analysis it came from, to find its fix again. */
  readonly findingIndex: number;
  readonly hasFix: boolean;
  readonly concept?: string;
}

export function toDiagnostic(
  finding: Finding,
  index: number,
  uri: string,
  lines: LineIndex,
  linesOf: (uri: string) => LineIndex | undefined,
): Diagnostic {
  const related: DiagnosticRelatedInformation[] = [];
  for (const r of finding.related) {
    const targetUri = r.uri ?? uri;
    const targetLines = r.uri ? linesOf(r.uri) : lines;
    if (targetLines) related.push({ location: { uri: targetUri, range: toRange(targetLines, r.span) }, message: r.message });
  }
  const data: DiagnosticData = { ruleId: finding.ruleId, findingIndex: index, hasFix: finding.fix !== undefined, concept: finding.concept };
  return {
    range: toRange(lines, finding.span),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: finding.docsUrl },
    source: 'berth',
    message: finding.message,
    relatedInformation: related.length ? related : undefined,
    data,
  };
}

export function toTextEdits(lines: LineIndex, fix: Fix): LspTextEdit[] {
  return fix.edits.map((e) => ({ range: toRange(lines, e.span), newText: e.newText }));
}

export function quickFix(uri: string, lines: LineIndex, fix: Fix, diagnostic: Diagnostic): CodeAction {
  const action = CodeAction.create(fix.title, { changes: { [uri]: toTextEdits(lines, fix) } }, CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.isPreferred = true;
  return action;
}
