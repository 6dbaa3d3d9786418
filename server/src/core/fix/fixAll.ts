/**
 * "Fix all": the fixes of one document applied together, as the editor's source action and the rule tester do.
 * Fixes that overlap one already taken wait for the next run (the findings are computed again after it).
 */
import type { Span } from '../parse/tree';
import type { Fix, TextEdit } from './types';

/** The edits of every fix that can be applied in one pass: from the end of the text backwards, skipping overlaps. */
export function fixAllEdits(findings: readonly { readonly span: Span; readonly fix?: Fix }[]): TextEdit[] {
  const edits: TextEdit[] = [];
  let lastStart = Infinity;
  for (const finding of [...findings].sort((a, b) => b.span.start - a.span.start)) {
    const fixEdits = finding.fix?.edits;
    if (!fixEdits?.length) continue;
    if (Math.max(...fixEdits.map((e) => e.span.end)) > lastStart) continue; // overlaps a fix already taken
    edits.push(...fixEdits);
    lastStart = Math.min(...fixEdits.map((e) => e.span.start));
  }
  return edits;
}

/** The text with the edits applied (offsets are into the original text; an edit overlapping a later one is dropped). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  let lastStart = Infinity;
  for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start)) {
    if (edit.span.end > lastStart) continue;
    out = out.slice(0, edit.span.start) + edit.newText + out.slice(edit.span.end);
    lastStart = edit.span.start;
  }
  return out;
}
