import type { Node, Pair, Span } from '../parse/tree';
import type { TextEdit } from '../rules/types';

/** Replaces a scalar, keeping its quoting style ("x", 'x' or plain). */
export function replaceScalar(text: string, node: Node, value: string | number | boolean): TextEdit {
  const raw = text.slice(node.span.start, node.span.end);
  const quote = raw.startsWith('"') ? '"' : raw.startsWith("'") ? "'" : '';
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
  if (format === 'json' || isFlow(text, pair)) {
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

function isFlow(text: string, pair: Pair): boolean {
  const lineStart = text.lastIndexOf('\n', pair.span.start - 1) + 1;
  return /[{,]\s*$/.test(text.slice(lineStart, pair.span.start));
}

export function spanText(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}
