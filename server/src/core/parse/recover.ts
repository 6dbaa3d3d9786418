/**
 * A broken JSON or YAML document, read as far as it goes (issue 21). Both parsers recover by themselves, but one
 * half-typed line can cost a neighbour: after a key without its colon jsonc-parser skips to the next comma, taking
 * the next property with it, and the yaml package folds the next key into a half-typed one. So the text is also
 * parsed with its first broken line blanked (spaces keep every offset), with the line before it blanked, and with
 * the lines just edited blanked; the tree that keeps the most of the document wins, then the one with the fewest
 * errors. The syntax problems stay those of the text as written; `broken` adds the blanked lines, where the
 * document's content is not in the tree. standsOnParsedText() says which findings such a tree can back.
 */
import type { Node, ParsedTree, ParseProblem, Span } from './tree';

export interface RecoverOptions {
  /** The stretch the last edit changed, when the previous version is known: the likeliest broken lines. */
  readonly edited?: Span;
  /** Rounds of blanking (each round blanks one more region); each candidate is one more parse. */
  readonly rounds: number;
}

interface Candidate {
  readonly tree: ParsedTree;
  readonly blanked: readonly Span[];
  readonly size: number;
  readonly errors: number;
}

export function recoverBroken(text: string, first: ParsedTree, parse: (text: string) => ParsedTree, options: RecoverOptions): ParsedTree {
  const written = syntaxProblems(first);
  if (written.length === 0) return first;
  let best = candidate(first, []);
  for (let round = 0; round < options.rounds && best.errors > 0; round++) {
    const at = syntaxProblems(best.tree)[0]!.span.start;
    const line = lineAround(text, at);
    const regions = [line, previousLine(text, line), ...(round === 0 && options.edited ? [linesAround(text, options.edited)] : [])];
    let next = best;
    const tried = new Set<string>();
    for (const region of regions) {
      if (!region || tried.has(`${region.start}:${region.end}`) || best.blanked.some((b) => overlaps(b, region))) continue;
      tried.add(`${region.start}:${region.end}`);
      const blanked = [...best.blanked, region];
      const option = candidate(parse(blankOut(text, blanked)), blanked);
      if (option.tree.root && better(option, next)) next = option;
    }
    if (next === best) break;
    best = next;
  }
  const { tree } = best;
  // Other problems only where the text as written has them too: blanking can make a comma trailing.
  const same = (a: ParseProblem, b: ParseProblem): boolean => a.code === b.code && a.span.start === b.span.start && a.span.end === b.span.end;
  const agreed = tree.problems.filter((p) => p.code !== 'syntax' && first.problems.some((q) => same(p, q)));
  const problems: ParseProblem[] = [...written, ...agreed];
  const broken = [...best.blanked, ...(tree.broken ?? []), ...syntaxProblems(tree).map((p) => p.span)];
  return { ...tree, problems, broken };
}

function candidate(tree: ParsedTree, blanked: readonly Span[]): Candidate {
  return { tree, blanked, size: tree.root ? countNodes(tree.root) : 0, errors: syntaxProblems(tree).length };
}

function better(a: Candidate, b: Candidate): boolean {
  return a.size > b.size || (a.size === b.size && a.errors < b.errors);
}

function syntaxProblems(tree: ParsedTree): ParseProblem[] {
  return tree.problems.filter((p) => p.code === 'syntax');
}

function countNodes(node: Node): number {
  switch (node.kind) {
    case 'object':
      return 1 + node.pairs.reduce((n, p) => n + countNodes(p.value), 0);
    case 'array':
      return 1 + node.items.reduce((n, item) => n + countNodes(item), 0);
    case 'intrinsic':
      return 1 + countNodes(node.argument);
    default:
      return 1;
  }
}

/** The text with these stretches turned into spaces (line breaks kept), so every other offset stays. */
export function blankOut(text: string, regions: readonly Span[]): string {
  let out = '';
  let at = 0;
  for (const r of [...regions].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, r.start) + text.slice(r.start, r.end).replace(/[^\r\n]/g, ' ');
    at = r.end;
  }
  return out + text.slice(at);
}

/** The line holding `offset`, without its line break. */
function lineAround(text: string, offset: number): Span {
  const at = Math.min(offset, text.length);
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const nl = text.indexOf('\n', at);
  return { start, end: nl === -1 ? text.length : nl };
}

/** Whole lines covering `span`. */
function linesAround(text: string, span: Span): Span {
  return { start: lineAround(text, span.start).start, end: lineAround(text, Math.max(span.start, span.end)).end };
}

/** The last line before `line` that is not blank, if any. */
function previousLine(text: string, line: Span): Span | undefined {
  let at = line.start - 1; // the line break before `line`
  while (at >= 0) {
    const prev = lineAround(text, at);
    if (text.slice(prev.start, prev.end).trim() !== '') return prev;
    at = prev.start - 1;
  }
  return undefined;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The stretch of `text` an edit of `before` changed (common prefix and suffix left out). */
export function editedSpan(before: string, text: string): Span {
  const shorter = Math.min(before.length, text.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === text.charCodeAt(start)) start++;
  let end = text.length;
  let oldEnd = before.length;
  while (end > start && oldEnd > start && before.charCodeAt(oldEnd - 1) === text.charCodeAt(end - 1)) {
    end--;
    oldEnd--;
  }
  return { start, end };
}

/**
 * Whether a finding at `span` stands on text that parsed whole: it touches no broken stretch, and every object or
 * array on the way down to it that holds a broken stretch is passed through the value of one of its entries. A
 * finding on such a container itself (one of its keys, where rules report what an object lacks; its braces;
 * several of its entries) is not judged, since part of that container is not in the tree as written.
 */
export function standsOnParsedText(span: Span, root: Node, broken: readonly Span[]): boolean {
  if (broken.some((b) => touches(b, span))) return false;
  let node: Node | undefined = root;
  while (node) {
    const at: Node = node;
    if (!broken.some((b) => touches(b, at.span))) return true;
    node = valueHolding(at, span);
  }
  return false;
}

/** The value in `node` (an entry's value, an item, an argument) that holds `span`, if any. */
function valueHolding(node: Node, span: Span): Node | undefined {
  const holds = (outer: Span): boolean => outer.start <= span.start && span.end <= outer.end;
  switch (node.kind) {
    case 'object':
      return node.pairs.find((p) => holds(p.value.span))?.value;
    case 'array':
      return node.items.find((item) => holds(item.span));
    case 'intrinsic':
      return holds(node.argument.span) ? node.argument : undefined;
    default:
      return undefined;
  }
}

/** Overlap, where an empty span touches what starts or ends at it. */
function touches(a: Span, b: Span): boolean {
  if (a.start === a.end || b.start === b.end) return a.start <= b.end && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}
