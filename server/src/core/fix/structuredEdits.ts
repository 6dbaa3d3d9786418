/**
 * Text edits that add pairs, list items and resources to a template in its own layout (block YAML, or JSON),
 * and the values they write (intrinsic functions, objects, pairs copied from the document). Pure.
 */
import type { Resource, Template } from '../model/template';
import { getPair, type ArrayNode, type Node, type Pair } from '../parse/tree';
import { formatOfText } from './edits';
import type { TextEdit } from './types';

export type Format = 'json' | 'yaml';

/** How the document is written: its format, line break and indentation step. */
export interface Layout {
  readonly format: Format;
  readonly eol: string;
  readonly step: number;
}

/** An intrinsic function to write: short form in YAML, long form in JSON. */
export class Fn {
  private constructor(
    readonly name: 'Ref' | 'Fn::GetAtt' | 'Fn::Sub',
    readonly argument: string | readonly [string, string],
  ) {}
  static ref(target: string): Fn {
    return new Fn('Ref', target);
  }
  static getAtt(target: string, attribute: string): Fn {
    return new Fn('Fn::GetAtt', [target, attribute]);
  }
  static sub(body: string): Fn {
    return new Fn('Fn::Sub', body);
  }
}

/** A pair copied from the document as it is written (`Action: s3:GetObject`), re-indented where it lands. */
export class RawPair {
  /** `fromIndent`: the column of the key in the document (only matters when the text spans several lines). */
  constructor(
    readonly text: string,
    readonly fromIndent: number,
  ) {}
  at(indent: number): string {
    const delta = indent - this.fromIndent;
    return this.text
      .split('\n')
      .map((line, i) => {
        if (i === 0 || line.trim() === '') return line;
        if (delta >= 0) return ' '.repeat(delta) + line;
        const lead = line.length - line.trimStart().length;
        return line.slice(Math.min(lead, -delta));
      })
      .join('\n');
  }
}

export type Value = string | Fn | readonly string[] | Obj;

/** An object to write, its entries in order. */
export class Obj {
  constructor(readonly entries: readonly (readonly [string, Value] | RawPair)[]) {}
}

/** The first-column-relative indentation of the line holding an offset, and whether only `- ` or spaces precede it. */
export function blockIndent(text: string, offset: number): { indent: number; block: boolean } {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  return { indent: offset - lineStart, block: /^[ ]*(- +)*$/.test(before) };
}

/** The layout of a template, taking the indentation step from a resource (`Type` under the logical id). */
export function layoutOf(text: string, resource: Resource): Layout | undefined {
  const format = formatOfText(text);
  // HCL has its own writers (hclEdits.ts).
  if (format === 'hcl') return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const key = blockIndent(text, resource.pair.keySpan.start);
  const typeKey = resource.node ? getPair(resource.node, 'Type') : undefined;
  const type = typeKey ? blockIndent(text, typeKey.keySpan.start) : undefined;
  const step = key.block && type?.block ? type.indent - key.indent : 0;
  if (step > 0) return { format, eol, step };
  // JSON written on one line still takes edits; YAML that is not block-style does not.
  return format === 'json' ? { format, eol, step: 2 } : undefined;
}

/** A logical id not used yet: `base`, else `base2`, `base3`, … */
export function uniqueLogicalId(template: Template, base: string): string {
  let id = base;
  for (let i = 2; template.resourcesById.has(id); i++) id = `${base}${i}`;
  return id;
}

/** A new resource written just before `before` (a resource of the same template). */
export function insertResourceBefore(text: string, layout: Layout, before: Resource, id: string, body: Obj): TextEdit | undefined {
  const key = blockIndent(text, before.pair.keySpan.start);
  const at = before.pair.keySpan.start;
  if (layout.format === 'yaml') {
    if (!key.block) return undefined;
    const lineStart = at - key.indent;
    return { span: { start: lineStart, end: lineStart }, newText: entryLines([id, body], key.indent, layout).join(layout.eol) + layout.eol };
  }
  if (!key.block) return { span: { start: at, end: at }, newText: `${jsonEntry([id, body], key.indent, layout, true)}, ` };
  return { span: { start: at, end: at }, newText: `${jsonEntry([id, body], key.indent, layout, false)},${layout.eol}${pad(key.indent)}` };
}

/** A new pair in the same object as `after`, just after it. */
export function insertPairAfter(text: string, layout: Layout, after: Pair, key: string, value: Value): TextEdit | undefined {
  const k = blockIndent(text, after.keySpan.start);
  if (layout.format === 'yaml') {
    if (!k.block) return undefined;
    const at = lineEnd(text, after.span.end);
    return { span: { start: at, end: at }, newText: layout.eol + entryLines([key, value], k.indent, layout).join(layout.eol) };
  }
  const at = after.span.end;
  if (!k.block) return { span: { start: at, end: at }, newText: `, ${jsonEntry([key, value], k.indent, layout, true)}` };
  return { span: { start: at, end: at }, newText: `,${layout.eol}${pad(k.indent)}${jsonEntry([key, value], k.indent, layout, false)}` };
}

/** A new item at the end of a non-empty list, in the list's own style (block YAML items, flow or JSON). */
export function appendItem(text: string, layout: Layout, list: ArrayNode, value: Value): TextEdit | undefined {
  const last = list.items[list.items.length - 1];
  if (!last) return undefined;
  const lineStart = text.lastIndexOf('\n', last.span.start - 1) + 1;
  const prefix = text.slice(lineStart, last.span.start);
  const blockItem = /^ *- +$/.test(prefix);
  if (layout.format === 'yaml' && blockItem) {
    const indent = prefix.length;
    const at = lineEnd(text, last.span.end);
    const lines = value instanceof Obj ? objectLines(value, indent, layout) : [pad(indent) + yamlInline(value)];
    if (lines.length === 0) return undefined;
    lines[0] = prefix + lines[0]!.slice(indent);
    return { span: { start: at, end: at }, newText: layout.eol + lines.join(layout.eol) };
  }
  if (layout.format === 'yaml') {
    // A flow list: only scalars and intrinsics fit on one line.
    if (value instanceof Obj || isFlowYaml(text, list) === false) return undefined;
    return { span: { start: last.span.end, end: last.span.end }, newText: `, ${yamlInline(value)}` };
  }
  const onItsLine = /^ *$/.test(prefix);
  const at = last.span.end;
  if (!onItsLine) return { span: { start: at, end: at }, newText: `, ${jsonValue(value, 0, layout, true)}` };
  return { span: { start: at, end: at }, newText: `,${layout.eol}${prefix}${jsonValue(value, prefix.length, layout, false)}` };
}

/** Replaces a value with a string: `''` in YAML, `""` in JSON, other strings quoted as needed. */
export function replaceWithString(layout: Layout, node: Node, value: string): TextEdit {
  return { span: node.span, newText: layout.format === 'json' ? JSON.stringify(value) : yamlString(value) };
}

/** Replaces a value with an inline value (a scalar, an intrinsic or a flow list of names). */
export function replaceValue(layout: Layout, node: Node, value: Exclude<Value, Obj>): TextEdit {
  return { span: node.span, newText: layout.format === 'json' ? jsonValue(value, 0, layout, true) : yamlInline(value) };
}

// ---- writing ------------------------------------------------------------------------------------

function pad(n: number): string {
  return ' '.repeat(n);
}

/** End of the line holding `offset` (before its line break): block YAML has at most a comment after a value. */
function lineEnd(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset - (text[offset - 2] === '\r' ? 2 : 1);
  let end = text.indexOf('\n', offset);
  if (end === -1) end = text.length;
  if (end > offset && text[end - 1] === '\r') end--;
  return end;
}

function isFlowYaml(text: string, list: ArrayNode): boolean {
  return text[list.span.start] === '[';
}

function objectLines(obj: Obj, indent: number, layout: Layout): string[] {
  return obj.entries.flatMap((entry) => entryLines(entry, indent, layout));
}

function entryLines(entry: readonly [string, Value] | RawPair, indent: number, layout: Layout): string[] {
  if (entry instanceof RawPair) return (pad(indent) + entry.at(indent)).split('\n').map((l) => l.replace(/\r$/, ''));
  const [key, value] = entry;
  if (value instanceof Obj) return [`${pad(indent)}${yamlKey(key)}:`, ...objectLines(value, indent + layout.step, layout)];
  return [`${pad(indent)}${yamlKey(key)}: ${yamlInline(value)}`];
}

function yamlKey(key: string): string {
  return /^[A-Za-z_][\w:.-]*$/.test(key) && !key.endsWith(':') ? key : yamlString(key);
}

function yamlInline(value: Exclude<Value, Obj>): string {
  if (typeof value === 'string') return yamlString(value);
  if (value instanceof Fn) {
    if (value.name === 'Ref') return `!Ref ${String(value.argument)}`;
    if (value.name === 'Fn::GetAtt') return `!GetAtt ${(value.argument as readonly string[]).join('.')}`;
    return `!Sub ${singleQuoted(String(value.argument))}`;
  }
  return `[${value.map(yamlString).join(', ')}]`;
}

function yamlString(value: string): string {
  const plain = /^[A-Za-z][\w.:/-]*$/.test(value) && !value.endsWith(':') && !/^(true|false|yes|no|on|off|null|y|n)$/i.test(value);
  return plain ? value : singleQuoted(value);
}

function singleQuoted(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function jsonEntry(entry: readonly [string, Value] | RawPair, indent: number, layout: Layout, inline: boolean): string {
  if (entry instanceof RawPair) return inline ? entry.text : entry.at(indent);
  return `${JSON.stringify(entry[0])}: ${jsonValue(entry[1], indent, layout, inline)}`;
}

function jsonValue(value: Value, indent: number, layout: Layout, inline: boolean): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Fn) {
    const arg = typeof value.argument === 'string' ? JSON.stringify(value.argument) : `[${value.argument.map((a) => JSON.stringify(a)).join(', ')}]`;
    return `{ ${JSON.stringify(value.name)}: ${arg} }`;
  }
  if (value instanceof Obj) {
    if (inline) return `{ ${value.entries.map((e) => jsonEntry(e, indent, layout, true)).join(', ')} }`;
    const inner = indent + layout.step;
    const lines = value.entries.map((e) => pad(inner) + jsonEntry(e, inner, layout, false));
    return `{${layout.eol}${lines.join(`,${layout.eol}`)}${layout.eol}${pad(indent)}}`;
  }
  return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
}
