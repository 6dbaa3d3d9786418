import type { Node, Pair, Span } from '../parse/tree';
import type { TextEdit } from './types';

/** Replaces a scalar, keeping its quoting style ("x", 'x' or plain). */
export function replaceScalar(text: string, node: Node, value: string | number | boolean): TextEdit {
  const raw = text.slice(node.span.start, node.span.end);
  // JSON inside a quoted Terraform string writes its quotes escaped (`\"4096\"`): keep them escaped.
  const quote = raw.startsWith('"') ? '"' : raw.startsWith("'") ? "'" : raw.startsWith('\\"') ? '\\"' : '';
  // A string where there was a number, true or null: JSON and HCL (a Terraform file, JSON in a heredoc) need the
  // quotes; YAML can do without them, but takes them as well, and the text alone does not say which it is.
  if (!quote && typeof value === 'string' && (formatOfText(text) === 'json' || (node.kind === 'scalar' && typeof node.value !== 'string'))) return { span: node.span, newText: JSON.stringify(value) };
  const newText = quote || typeof value === 'string' && node.kind === 'scalar' && typeof node.value === 'string' && needsQuotes(value)
    ? `${quote || '"'}${value}${quote || '"'}`
    : String(value);
  return { span: node.span, newText };
}

function needsQuotes(value: string): boolean {
  return /^[\d.]+$/.test(value) || value === '' || /^(true|false|null|yes|no)$/i.test(value);
}

/**
 * Removes a pair: in JSON with its neighbouring comma, in block YAML with its whole lines.
 * `siblings` are the pairs of the same object, in order.
 */
export function removePair(text: string, pair: Pair, siblings: readonly Pair[], format: 'json' | 'yaml'): TextEdit {
  const index = siblings.indexOf(pair);
  if (format === 'json' || isFlow(text, pair) || commaSeparated(text, pair, siblings[index - 1], siblings[index + 1])) {
    const next = siblings[index + 1];
    const prev = siblings[index - 1];
    if (next) return { span: { start: lineAwareStart(text, pair.span.start), end: lineAwareStart(text, next.span.start) }, newText: '' };
    if (prev) return { span: { start: prev.span.end, end: pair.span.end }, newText: '' };
    return { span: pair.span, newText: '' };
  }
  const start = text.lastIndexOf('\n', pair.span.start - 1) + 1;
  let end = text.indexOf('\n', Math.max(pair.span.end - 1, pair.span.start));
  end = end === -1 ? text.length : end + 1;
  return { span: { start, end }, newText: '' };
}

/** Start of the line when only whitespace precedes the offset, so whole lines disappear. */
function lineAwareStart(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (i < 0 || text[i] === '\n') return i + 1;
  return offset;
}

/**
 * True when a comma separates the pair from a neighbour: JSON inside a document that is not JSON (a heredoc in a
 * Terraform file), or an HCL object written with commas. Removing only the pair's lines would leave a comma behind.
 */
function commaSeparated(text: string, pair: Pair, prev: Pair | undefined, next: Pair | undefined): boolean {
  const before = prev ? text.slice(prev.span.end, pair.span.start) : '';
  const after = next ? text.slice(pair.span.end, next.span.start) : '';
  return /^\s*,/.test(before) || /^\s*,/.test(after);
}

function isFlow(text: string, pair: Pair): boolean {
  const lineStart = text.lastIndexOf('\n', pair.span.start - 1) + 1;
  return /[{,]\s*$/.test(text.slice(lineStart, pair.span.start));
}

export function spanText(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

/** 'json' when the document is JSON-shaped (starts with `{` or `[`), else 'yaml'; for removePair. */
export function formatOfText(text: string): 'json' | 'yaml' {
  return /^\uFEFF?\s*[{[]/.test(text) ? 'json' : 'yaml';
}

/**
 * Removes several pairs of one object without overlapping edits (removePair on each would overlap in JSON
 * when the last pairs go together). `siblings` are the pairs of the same object, in order.
 */
export function removePairs(text: string, pairs: readonly Pair[], siblings: readonly Pair[], format: 'json' | 'yaml'): TextEdit[] {
  const doomed = new Set(pairs);
  const edits: TextEdit[] = [];
  let lastKept = -1;
  for (let i = 0; i < siblings.length; i++) {
    if (!doomed.has(siblings[i]!)) lastKept = i;
  }
  for (let i = 0; i < siblings.length; i++) {
    const pair = siblings[i]!;
    if (!doomed.has(pair)) continue;
    if (format === 'yaml' && !isFlow(text, pair)) {
      edits.push(removePair(text, pair, siblings, format));
    } else if (i < lastKept) {
      const next = siblings[i + 1]!;
      edits.push({ span: { start: lineAwareStart(text, pair.span.start), end: lineAwareStart(text, next.span.start) }, newText: '' });
    } else {
      // The trailing run: from the end of the last kept pair to the end of the last pair, in one edit.
      const from = lastKept >= 0 ? siblings[lastKept]!.span.end : pair.span.start;
      edits.push({ span: { start: from, end: siblings[siblings.length - 1]!.span.end }, newText: '' });
      break;
    }
  }
  return edits;
}
