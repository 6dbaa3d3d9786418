/**
 * Text edits that add to a Terraform file in its own layout: an attribute beside another (in a block body, an HCL
 * object of `jsonencode`, or JSON in a heredoc) and a new top-level block. Pure. Replacing and removing values is
 * edits.ts, which handles HCL as well.
 */
import type { Pair } from '../parse/tree';
import { hclEscape, inEscapedJson } from './edits';
import type { TextEdit } from './types';

/** A Terraform expression written as it is: a reference (`aws_lb_target_group.app.arn`), a call. */
export class HclExpression {
  constructor(readonly text: string) {}
  /** `aws_cloudfront_origin_access_control.site.id` from its parts. */
  static reference(...parts: readonly string[]): HclExpression {
    return new HclExpression(parts.join('.'));
  }
}

/** A nested block to write (`health_check { … }`), or a top-level one (`resource "type" "name" { … }`). */
export class HclBlock {
  constructor(
    readonly type: string,
    readonly labels: readonly string[],
    readonly body: readonly HclEntry[],
  ) {}
}

/** An object constructor (`{ name = "web", essential = true }`), its entries in order. */
export class HclObject {
  constructor(readonly entries: readonly (readonly [string, HclValue])[]) {}
}

export type HclValue = string | number | boolean | HclExpression | HclObject | readonly HclValue[];
export type HclEntry = readonly [string, HclValue] | HclBlock;

/** How a Terraform file is written: line break and indentation step (from a block's first attribute). */
export interface HclLayout {
  readonly eol: string;
  readonly step: number;
}

export function hclLayoutOf(text: string, block?: Pair): HclLayout {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const body = block ? innermostBody(text, block) : undefined;
  const first = body?.pairs[0];
  const step = block && first ? columnOf(text, first.keySpan.start) - columnOf(text, block.keySpan.start) : 0;
  return { eol, step: step > 0 && step <= 8 ? step : 2 };
}

/**
 * A new attribute in the same block body or object as `after`, just after it: on its own line at its indentation
 * where `after` has its own lines, else on the same line; with a comma where the neighbours are separated by
 * commas. In JSON (a heredoc) the pair is written as JSON. JSON in a quoted string is left alone (undefined), and so
 * is an expression in JSON.
 */
export function insertAttributeAfter(text: string, after: Pair, key: string, value: HclValue, layout: HclLayout = hclLayoutOf(text)): TextEdit[] | undefined {
  if (inEscapedJson(text, after.keySpan.start)) return undefined;
  const json = text[after.keySpan.start] === '"' && /^\s*:/.test(text.slice(after.keySpan.end, after.value.span.start));
  const indent = columnOf(text, after.keySpan.start);
  const ownLine = /^[ \t]*$/.test(text.slice(lineStartOf(text, after.span.start), after.span.start));
  const rest = text.slice(after.span.end, Math.max(text.indexOf('\n', after.span.end), after.span.end));
  const followedByComma = /^\s*,/.test(text.slice(after.span.end));
  const rendered = json ? jsonValue(value, indent, layout) : hclValue(value, indent, layout);
  if (rendered === undefined) return undefined;
  const comma = json || followedByComma || /,/.test(textBetweenSiblings(text, after));
  if (ownLine && /^[ \t]*,?[ \t]*(?:(?:#|\/\/).*)?\r?$/.test(rest)) {
    // After the line's comment, if any; a comma goes right after the pair (JSON needs it, HCL takes it).
    const lineEnd = after.span.end + rest.replace(/\r$/, '').length;
    const aligned = json ? undefined : alignedInsert(text, lineEnd, indent + hclKey(key).length, !rendered.includes('\n'));
    const written = json ? `${JSON.stringify(key)}: ${rendered}` : `${hclKey(key)}${' '.repeat(aligned?.spaces ?? 1)}= ${rendered}`;
    const neighbours = aligned?.edits ?? [];
    if (comma && !followedByComma) {
      return [...neighbours, { span: { start: after.span.end, end: lineEnd }, newText: `,${text.slice(after.span.end, lineEnd)}${layout.eol}${' '.repeat(indent)}${written}` }];
    }
    return [...neighbours, { span: { start: lineEnd, end: lineEnd }, newText: `${layout.eol}${' '.repeat(indent)}${written}${followedByComma ? ',' : ''}` }];
  }
  // On one line with its neighbours (`{ a = 1, b = 2 }`): HCL needs the comma there.
  const written = json ? `${JSON.stringify(key)}: ${rendered}` : `${hclKey(key)} = ${rendered.replace(/\r?\n\s*/g, ' ')}`;
  return [{ span: { start: after.span.end, end: after.span.end }, newText: `, ${written}` }];
}

/**
 * terraform fmt's `=` alignment around a new attribute line inserted at `at` (the end of the line before it): each
 * run of consecutive one-line attributes has its `=` one column after its longest key. A one-line attribute joins
 * the run around it; one whose value spans lines splits it. The spaces before the new `=`, and the edits that
 * re-align the neighbours where the run's column moves.
 */
function alignedInsert(text: string, at: number, lead: number, oneLine: boolean): { spaces: number; edits: TextEdit[] } {
  const above: AssignLine[] = [];
  for (let start = lineStartOf(text, at); ; ) {
    const line = assignLineAt(text, start);
    if (!line) break;
    above.unshift(line);
    if (start === 0) break;
    start = lineStartOf(text, start - 1);
  }
  const below: AssignLine[] = [];
  for (let start = text.indexOf('\n', at) + 1; start > 0 && start < text.length; start = text.indexOf('\n', start) + 1) {
    const line = assignLineAt(text, start);
    if (!line) break;
    below.push(line);
  }
  const realign = (run: readonly AssignLine[], column: number): TextEdit[] =>
    run.flatMap((line) => (line.eq - line.keyEnd === column - line.lead ? [] : [{ span: { start: line.keyEnd, end: line.eq }, newText: ' '.repeat(column - line.lead) }]));
  const columnOfRun = (run: readonly AssignLine[], extra = 0) => Math.max(extra, ...run.map((l) => l.lead)) + 1;
  if (!oneLine) return { spaces: 1, edits: [...realign(above, columnOfRun(above)), ...realign(below, columnOfRun(below))] };
  const column = columnOfRun([...above, ...below], lead);
  return { spaces: column - lead, edits: realign([...above, ...below], column) };
}

interface AssignLine {
  /** Columns up to the end of the key (indentation included). */
  readonly lead: number;
  /** Offsets of the key's end and of its `=`. */
  readonly keyEnd: number;
  readonly eq: number;
}

/** The line at `start` when it is a one-line attribute (`key = value`, its brackets closed on the line), as terraform fmt sees it. */
function assignLineAt(text: string, start: number): AssignLine | undefined {
  const end = text.indexOf('\n', start);
  const line = text.slice(start, end === -1 ? text.length : end).replace(/\r$/, '');
  const match = /^([ \t]*(?:[A-Za-z_][\w-]*|"(?:[^"\\]|\\.)*"))([ \t]*)=(?![=>])(.*)$/.exec(line);
  if (!match) return undefined;
  const value = match[3]!.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/(?:#|\/\/).*$/, '');
  let brackets = 0;
  for (const c of value) brackets += '([{'.includes(c) ? 1 : ')]}'.includes(c) ? -1 : 0;
  if (brackets !== 0) return undefined;
  const keyEnd = start + match[1]!.length;
  return { lead: match[1]!.replace(/\t/g, ' ').length, keyEnd, eq: keyEnd + match[2]!.length };
}

/** A new top-level block after `block` (a top-level pair), with one blank line between. */
export function insertBlockAfter(text: string, block: Pair, newBlock: HclBlock, layout: HclLayout = hclLayoutOf(text, block)): TextEdit {
  let at = text.indexOf('\n', block.span.end);
  at = at === -1 ? text.length : at;
  const before = text.slice(0, at).endsWith('\r') ? at - 1 : at;
  return { span: { start: before, end: before }, newText: `${layout.eol}${layout.eol}${blockText(newBlock, 0, layout)}` };
}

/** A name not taken yet: `base`, else `base_2`, `base_3`, … (Terraform names: letters, digits, _ and -). */
export function uniqueName(taken: (name: string) => boolean, base: string): string {
  let name = base;
  for (let i = 2; taken(name); i++) name = `${base}_${i}`;
  return name;
}

// ---- writing ------------------------------------------------------------------------------------

export function blockText(block: HclBlock, indent: number, layout: HclLayout): string {
  const header = [block.type, ...block.labels.map((l) => `"${hclEscape(l)}"`)].join(' ');
  const inner = indent + layout.step;
  const lines = alignedEntries(block.body, inner, layout);
  return `${header} {${layout.eol}${lines.map((l) => l + layout.eol).join('')}${' '.repeat(indent)}}`;
}

export function hclValue(value: HclValue, indent: number, layout: HclLayout): string {
  if (typeof value === 'string') return `"${hclEscape(value)}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof HclExpression) return value.text;
  if (value instanceof HclObject) {
    if (value.entries.length === 0) return '{}';
    const lines = alignedEntries(value.entries, indent + layout.step, layout);
    return `{${layout.eol}${lines.map((l) => l + layout.eol).join('')}${' '.repeat(indent)}}`;
  }
  return `[${value.map((v) => hclValue(v, indent, layout)).join(', ')}]`;
}

/** The lines of a body or an object, each run of one-line attributes with its `=` aligned as terraform fmt does. */
function alignedEntries(entries: readonly HclEntry[], inner: number, layout: HclLayout): string[] {
  const written = entries.map((entry) => (entry instanceof HclBlock ? { block: blockText(entry, inner, layout) } : { key: hclKey(entry[0]), value: hclValue(entry[1], inner, layout) }));
  const lines: string[] = [];
  for (let i = 0; i < written.length; ) {
    let j = i;
    while (j < written.length && written[j]!.key !== undefined && !written[j]!.value!.includes('\n')) j++;
    const width = Math.max(0, ...written.slice(i, j).map((w) => w.key!.length));
    for (const w of written.slice(i, j)) lines.push(`${' '.repeat(inner)}${w.key!.padEnd(width)} = ${w.value}`);
    if (j < written.length) {
      const w = written[j]!;
      lines.push(' '.repeat(inner) + (w.block ?? `${w.key} = ${w.value}`));
    }
    i = Math.max(j, i) + 1;
  }
  return lines;
}

/** JSON for a heredoc; undefined for an expression, which JSON cannot hold. */
function jsonValue(value: HclValue, indent: number, layout: HclLayout): string | undefined {
  if (value instanceof HclExpression) return undefined;
  if (typeof value === 'string') return hclEscapeTemplate(JSON.stringify(value));
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof HclObject) {
    const inner = indent + layout.step;
    const entries = value.entries.map(([k, v]) => {
      const written = jsonValue(v, inner, layout);
      return written === undefined ? undefined : `${' '.repeat(inner)}${JSON.stringify(k)}: ${written}`;
    });
    if (entries.some((e) => e === undefined)) return undefined;
    return entries.length ? `{${layout.eol}${entries.join(`,${layout.eol}`)}${layout.eol}${' '.repeat(indent)}}` : '{}';
  }
  const items = value.map((v) => jsonValue(v, indent, layout));
  return items.some((i) => i === undefined) ? undefined : `[${items.join(', ')}]`;
}

/** A heredoc is a template: `${` and `%{` in its JSON are doubled. */
function hclEscapeTemplate(json: string): string {
  return json.replace(/([$%])\{/g, '$1$1{');
}

function hclKey(key: string): string {
  return /^[A-Za-z_][\w-]*$/.test(key) ? key : `"${hclEscape(key)}"`;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

/** The text between `after` and the pair that follows it in the text (a comma there means commas separate them). */
function textBetweenSiblings(text: string, after: Pair): string {
  const next = /^\s*(?:(?:#|\/\/)[^\n]*\n\s*)*/.exec(text.slice(after.span.end));
  return text.slice(after.span.end, after.span.end + (next?.[0].length ?? 0));
}

/** The body of a block pair (`resource: { type: { name: { …body } } }`): label objects start at their label, the body at `{`. */
function innermostBody(text: string, block: Pair): { pairs: readonly Pair[] } | undefined {
  let node = block.value;
  while (node.kind === 'object' && text[node.span.start] !== '{' && node.pairs.length === 1) node = node.pairs[0]!.value;
  return node.kind === 'object' && text[node.span.start] === '{' ? node : undefined;
}
