/**
 * JSON written inside another file's string (a Terraform heredoc or quoted string, `container_definitions =
 * <<EOF [...] EOF`), or a JSON file with template placeholders (`templatefile("containers.json.tpl", …)`):
 * parsed into the shared tree with every span in the outer file. A `${…}` or `%{…}` placeholder is a value Berth
 * cannot know: a string that holds one becomes a template expression (its static text kept), one that stands
 * where a value goes becomes an unknown expression.
 */
import { heredocContent, unquote } from './hclStrings';
import { parseJson } from './json';
import { equalLimits, type Limits } from './limits';
import type { ExpressionNode, Node, Pair, ParseProblem, Span } from './tree';

/** Stands for one character of a placeholder inside the masked JSON text; never typed by people. */
const HOLE = '\ue000';

export interface EmbeddedJson {
  readonly root: Node | undefined;
  readonly problems: ParseProblem[];
}

/**
 * The JSON inside an HCL string node: a string scalar (quoted or heredoc) or a template with interpolations.
 * Undefined when the string does not start like JSON (`[` or `{`), so plain strings are left alone. `text` is the
 * text the node was parsed from.
 */
export function jsonInHclString(text: string, node: Node, limits: Limits): EmbeddedJson | undefined {
  // Parsed once per node: a module's model is built for the document and again for each lint, and an edit keeps
  // the nodes of the blocks it did not touch. A node's text never changes (a block an edit moves is a new node).
  const known = PARSED.get(node);
  if (known && equalLimits(known.limits, limits)) return known.json;
  const chars = stringChars(text, node);
  const json = chars && /^\s*[[{]/.test(chars.value) ? parseMasked(chars.value, chars.offsets, limits, text) : undefined;
  PARSED.set(node, { limits, json });
  return json;
}

const PARSED = new WeakMap<Node, { readonly limits: Limits; readonly json: EmbeddedJson | undefined }>();

/**
 * The JSON inside a JSON string (a Terraform plan's `container_definitions`), with JSON's escapes; undefined when
 * the string does not start like JSON. Nothing in it is a placeholder: a plan's values are final.
 */
export function jsonInJsonString(text: string, node: Node, limits: Limits): EmbeddedJson | undefined {
  if (node.kind !== 'scalar' || typeof node.value !== 'string' || text[node.span.start] !== '"') return undefined;
  if (!/^\s*[[{]/.test(node.value)) return undefined;
  const raw = text.slice(node.span.start + 1, node.span.end - 1);
  let value = '';
  const offsets: number[] = [];
  for (let i = 0; i < raw.length; ) {
    const at = node.span.start + 1 + i;
    if (raw[i] !== '\\') {
      value += raw[i];
      offsets.push(at);
      i++;
      continue;
    }
    const next = raw[i + 1] ?? '';
    const code = parseInt(raw.slice(i + 2, i + 6), 16);
    const decoded = next === 'u' ? String.fromCharCode(Number.isNaN(code) ? 0xfffd : code) : (JSON_ESCAPES[next] ?? next);
    value += decoded;
    offsets.push(at);
    i += next === 'u' ? 6 : 2;
  }
  offsets.push(node.span.end - 1);
  // A plan's string holds no placeholders: a HOLE character in it is plain text.
  return parseMasked(value.replace(new RegExp(HOLE, 'g'), '\ufffd'), offsets, limits, text);
}

const JSON_ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * A JSON document with template placeholders (`${cpu}`, `%{ if … }`): the placeholders are masked in place (same
 * length, so offsets stay), then parsed. A placeholder outside a JSON string becomes an unknown value.
 */
export function jsonTemplate(text: string, limits: Limits): EmbeddedJson {
  return parseMasked(maskPlaceholders(text), undefined, limits);
}

/** `${…}` / `%{…}` (not `$${`) replaced by same-length placeholders, so offsets stay (see quoteHoles). */
export function maskPlaceholders(text: string): string {
  return quoteHoles(holePlaceholders(text));
}

/** Every `${…}` / `%{…}` (not `$${` / `%%{`) becomes a run of HOLEs of the same length. */
function holePlaceholders(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if ((c === '$' || c === '%') && text[i + 1] === '{') {
      if (text[i - 1] === c) {
        out += c;
        continue;
      }
      const end = closingBrace(text, i + 2);
      if (end !== undefined) {
        out += HOLE.repeat(end + 1 - i);
        i = end;
        continue;
      }
    }
    out += c;
  }
  return out;
}

/** A run of HOLEs where a JSON value goes (outside a string) becomes a quoted run of the same length. */
function quoteHoles(value: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === HOLE && !inString) {
      let end = i;
      while (value[end] === HOLE) end++;
      const length = end - i;
      out += length >= 2 ? `"${HOLE.repeat(length - 2)}"` : HOLE;
      i = end - 1;
      continue;
    }
    if (inString && c === '\\') {
      out += c + (value[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '"') inString = !inString;
    out += c;
  }
  return out;
}

function closingBrace(text: string, from: number): number | undefined {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return undefined;
}

/** The characters a string node stands for, each with its offset in `text`; interpolations as placeholders. */
function stringChars(text: string, node: Node): { value: string; offsets: ArrayLike<number> } | undefined {
  const heredoc = text.startsWith('<<', node.span.start);
  if (node.kind === 'scalar') {
    if (typeof node.value !== 'string') return undefined;
    if (heredoc) return heredocContent(text, node.span.start, node.span.end);
    const inner = unquote(text.slice(node.span.start + 1, node.span.end - 1));
    return { value: inner.value, offsets: inner.offsets.map((o) => o + node.span.start + 1) };
  }
  if (node.kind !== 'expression' || node.form !== 'template') return undefined;
  if (heredoc) {
    // Heredoc content is verbatim: put the placeholders in the raw text, then strip as the heredoc does.
    const masked = text.slice(0, node.span.start) + holePlaceholders(text.slice(node.span.start, node.span.end));
    const chars = heredocContent(masked, node.span.start, node.span.end);
    return chars && { value: quoteHoles(chars.value), offsets: chars.offsets };
  }
  // A quoted template: literal parts decode their escapes; each interpolation is a placeholder over its own text.
  let value = '';
  const offsets: number[] = [];
  for (const part of node.args) {
    if (part.kind === 'scalar') {
      const decoded = unquote(text.slice(part.span.start, part.span.end));
      value += decoded.value;
      offsets.push(...decoded.offsets.slice(0, -1).map((o) => o + part.span.start));
    } else {
      // `${` and `}` around the expression belong to it too.
      const start = text.lastIndexOf('${', part.span.start);
      const end = text.indexOf('}', part.span.end) + 1;
      for (let at = start; at < end; at++) offsets.push(at);
      value += HOLE.repeat(Math.max(2, end - start));
    }
  }
  offsets.push(node.span.end - 1);
  return { value: quoteHoles(value), offsets };
}

function parseMasked(value: string, offsets: ArrayLike<number> | undefined, limits: Limits, text = ''): EmbeddedJson {
  const tree = parseJson(value, limits);
  const at = (offset: number): number => (offsets ? (offsets[Math.min(offset, offsets.length - 1)] ?? 0) : offset);
  // A span ends where its last character's raw text ends: an escape (`\"`) is longer than one character, and a
  // heredoc line's indentation that follows is not part of it.
  const endAt = (end: number): number => {
    if (!offsets || end === 0) return at(end);
    const last = at(end - 1);
    const next = at(end);
    return text.slice(last, next).includes('\n') ? last + 1 : next;
  };
  const map = (span: Span): Span => ({ start: at(span.start), end: span.end > span.start ? endAt(span.end) : at(span.start) });
  const problems = tree.problems.map((p) => ({ ...p, span: map(p.span), ...(p.related ? { related: map(p.related) } : {}) }));
  return { root: tree.root ? convert(tree.root, map) : undefined, problems };
}

/** Remaps every span into the outer file and turns strings holding placeholders into expressions. */
function convert(node: Node, map: (span: Span) => Span): Node {
  const span = map(node.span);
  switch (node.kind) {
    case 'scalar':
      if (typeof node.value === 'string' && node.value.includes(HOLE)) return placeholder(span, node.value);
      return { ...node, span };
    case 'array':
      return { kind: 'array', span, items: node.items.map((item) => convert(item, map)) };
    case 'object':
      return { kind: 'object', span, pairs: node.pairs.map((pair): Pair => ({ ...pair, keySpan: map(pair.keySpan), span: map(pair.span), value: convert(pair.value, map) })) };
    case 'intrinsic':
      return { ...node, span, nameSpan: map(node.nameSpan), argument: convert(node.argument, map) };
    case 'expression':
      return { ...node, span, args: node.args.map((arg) => convert(arg, map)) };
  }
}

/** A string with holes: wholly a placeholder (an unknown value) or text around placeholders (a template). */
function placeholder(span: Span, decoded: string): ExpressionNode {
  if (decoded.replace(new RegExp(HOLE, 'g'), '') === '') return { kind: 'expression', span, form: 'other', args: [] };
  // Static parts keep their text; each run of holes is an unknown part. Spans of the parts are approximate
  // (escapes inside the JSON string are not mapped), so rules report on the whole string.
  const args: Node[] = [];
  for (const part of decoded.split(new RegExp(`(${HOLE}+)`))) {
    if (part === '') continue;
    args.push(part.startsWith(HOLE) ? { kind: 'expression', span, form: 'other', args: [] } : { kind: 'scalar', span, value: part });
  }
  return { kind: 'expression', span, form: 'template', args };
}
