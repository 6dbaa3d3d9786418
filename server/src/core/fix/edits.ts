import type { Node, Pair, Span } from '../parse/tree';
import type { TextEdit } from './types';

/**
 * The syntax a document is written in, as far as an edit cares: JSON, YAML or HCL (a Terraform file). Inside an
 * HCL file three syntaxes meet: HCL attributes and objects (`jsonencode({ … })`), JSON in a heredoc, and JSON in
 * a quoted string with escaped quotes (`"[{\"cpu\": 256}]"`); the helpers below tell them apart at the edit.
 */
export type TextSyntax = 'json' | 'yaml' | 'hcl';

/** Replaces a scalar, keeping its quoting style ("x", 'x', \"x\" or plain), with the escapes its syntax needs. */
export function replaceScalar(text: string, node: Node, value: string | number | boolean): TextEdit {
  const raw = text.slice(node.span.start, node.span.end);
  const syntax = formatOfText(text);
  const string = (v: string) => quotedString(text, syntax, node.span.start, v);
  if (raw.startsWith('\\"') || raw.startsWith('"')) return { span: node.span, newText: string(String(value)) };
  if (raw.startsWith("'")) return { span: node.span, newText: `'${String(value).replace(/'/g, "''")}'` };
  if (typeof value !== 'string') return { span: node.span, newText: String(value) };
  // A string where there was a number, true or null: JSON and HCL need the quotes; YAML can do without them (and
  // takes them as well), so they are added there only where the text alone would not stay a string.
  if (syntax !== 'yaml' || (node.kind === 'scalar' && typeof node.value !== 'string') || needsQuotes(value)) return { span: node.span, newText: string(value) };
  return { span: node.span, newText: value };
}

function needsQuotes(value: string): boolean {
  return /^[\d.]+$/.test(value) || value === '' || /^(true|false|null|yes|no)$/i.test(value);
}

/**
 * A string written at `offset`: JSON's escapes (valid in YAML's and HCL's double quotes too); in an HCL file also
 * `$${` and `%%{`, which a heredoc and a quoted string would otherwise read as a template; and JSON inside a quoted
 * HCL string escaped once more (`\"…\"`).
 */
export function quotedString(text: string, syntax: TextSyntax, offset: number, value: string): string {
  const json = JSON.stringify(value);
  if (syntax !== 'hcl') return json;
  if (inEscapedJson(text, offset)) return `\\"${hclEscape(json.slice(1, -1))}\\"`;
  return hclTemplateEscape(json).replace(/\\[bf]/g, (e) => (e === '\\b' ? '\\u0008' : '\\u000c'));
}

/** The inside of an HCL quoted string that reads as `value`. */
export function hclEscape(value: string): string {
  const json = JSON.stringify(value).slice(1, -1).replace(/\\[bf]/g, (e) => (e === '\\b' ? '\\u0008' : '\\u000c'));
  return hclTemplateEscape(json);
}

function hclTemplateEscape(value: string): string {
  return value.replace(/([$%])\{/g, '$1$1{');
}

/**
 * True when `offset` lies in JSON written inside a quoted HCL string: the JSON's own quotes there are escaped, so
 * the nearest quote before it on the line is `\"` (a key `\"cpu\": 256`, or a string item).
 */
export function inEscapedJson(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  if (text.startsWith('\\"', offset)) return true;
  const quote = text.lastIndexOf('"', offset - 1);
  if (quote < lineStart) return false;
  // An odd run of backslashes escapes the quote (`\\"` is an escaped backslash, then a plain quote).
  let slashes = 0;
  while (text[quote - 1 - slashes] === '\\') slashes++;
  return slashes % 2 === 1;
}

/**
 * Removes a pair: with its neighbouring comma where commas separate the pairs (JSON, flow YAML, an HCL object
 * written with commas, JSON in a heredoc), else with its whole lines (block YAML, an HCL block's attributes).
 * `siblings` are the pairs of the same object, in order.
 */
export function removePair(text: string, pair: Pair, siblings: readonly Pair[], format: TextSyntax): TextEdit {
  const index = siblings.indexOf(pair);
  const prev = siblings[index - 1];
  const next = siblings[index + 1];
  const inline = format === 'json' || isFlow(text, pair) || commaSeparated(text, pair, prev, next) || (format === 'hcl' && !ownsItsLines(text, pair));
  if (inline) {
    if (next) return { span: { start: lineAwareStart(text, pair.span.start), end: lineAwareStart(text, next.span.start) }, newText: '' };
    if (prev) return { span: { start: prev.span.end, end: pair.span.end }, newText: '' };
    return { span: pair.span, newText: '' };
  }
  return { span: wholeLines(text, pair.span), newText: '' };
}

/** The lines a span covers, with the last line's break. */
function wholeLines(text: string, span: Span): Span {
  const start = text.lastIndexOf('\n', span.start - 1) + 1;
  const end = text.indexOf('\n', Math.max(span.end - 1, span.start));
  return { start, end: end === -1 ? text.length : end + 1 };
}

/** Only blanks before the pair on its first line, and only blanks or a comment after it on its last (HCL). */
function ownsItsLines(text: string, pair: Pair): boolean {
  const lineStart = text.lastIndexOf('\n', pair.span.start - 1) + 1;
  let lineEnd = text.indexOf('\n', pair.span.end);
  if (lineEnd === -1) lineEnd = text.length;
  return /^[ \t]*$/.test(text.slice(lineStart, pair.span.start)) && /^[ \t]*(?:(?:#|\/\/).*)?\r?$/.test(text.slice(pair.span.end, lineEnd));
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

/**
 * The document's syntax from its text: 'json' when it starts with `{` or `[`; 'hcl' when its first line that is
 * not blank or a comment opens a block (`resource "aws_ecs_service" "web" {`, `locals {`) or sets an attribute
 * (`cpu = 256`, a .tfvars file), which YAML cannot start with; else 'yaml'.
 */
export function formatOfText(text: string): TextSyntax {
  if (/^\uFEFF?\s*[{[]/.test(text)) return 'json';
  const first = /^(?:\s|#[^\n]*|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*([^\n]*)/.exec(text.replace(/^\uFEFF/, ''))?.[1] ?? '';
  return /^[A-Za-z_][\w-]*(?:\s*=(?!=)|(?:\s+(?:"[^"\n]*"|[A-Za-z_][\w-]*))*\s*\{)/.test(first) ? 'hcl' : 'yaml';
}

/**
 * Removes several pairs of one object without overlapping edits (removePair on each would overlap in JSON
 * when the last pairs go together). `siblings` are the pairs of the same object, in order.
 */
export function removePairs(text: string, pairs: readonly Pair[], siblings: readonly Pair[], format: TextSyntax): TextEdit[] {
  const doomed = new Set(pairs);
  const edits: TextEdit[] = [];
  let lastKept = -1;
  for (let i = 0; i < siblings.length; i++) {
    if (!doomed.has(siblings[i]!)) lastKept = i;
  }
  let coveredTo = 0;
  const byLines = (pair: Pair, i: number) =>
    format === 'yaml' ? !isFlow(text, pair) : format === 'hcl' && !isFlow(text, pair) && ownsItsLines(text, pair) && !commaSeparated(text, pair, siblings[i - 1], siblings[i + 1]);
  for (let i = 0; i < siblings.length; i++) {
    const pair = siblings[i]!;
    if (!doomed.has(pair)) continue;
    if (byLines(pair, i)) {
      edits.push(format === 'yaml' ? removePair(text, pair, siblings, format) : { span: wholeLines(text, pair.span), newText: '' });
      coveredTo = edits[edits.length - 1]!.span.end;
    } else if (i < lastKept) {
      const next = siblings[i + 1]!;
      edits.push({ span: { start: lineAwareStart(text, pair.span.start), end: lineAwareStart(text, next.span.start) }, newText: '' });
    } else {
      // The trailing run: from the end of the last kept pair to the end of the last pair, in one edit.
      const from = Math.max(lastKept >= 0 ? siblings[lastKept]!.span.end : pair.span.start, coveredTo);
      edits.push({ span: { start: from, end: siblings[siblings.length - 1]!.span.end }, newText: '' });
      break;
    }
  }
  return edits;
}
