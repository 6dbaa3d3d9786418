import { DEFAULT_LIMITS, type Limits } from './limits';
import { changedStretch, shiftPairBy, shiftProblem } from './shift';
import type { ObjectNode, Pair, ParsedTree, ParseProblem } from './tree';
import { parseYaml, parseYamlEntry } from './yaml';

/** The previous version of a document, as it was parsed. */
export interface PreviousParse {
  readonly text: string;
  readonly tree: ParsedTree;
}

/**
 * Parses `text`, re-using the previous version's tree when the edit lies inside one entry of a block
 * mapping at the top two levels (a section, or one resource, parameter or output). Only that entry is
 * parsed again; everything after it is shifted. The result equals a full parse (test/unit/parse/
 * yamlIncremental.test.ts checks this on random edits); whenever that is not certain, this parses the whole
 * document.
 */
export function parseYamlIncrementally(text: string, previous: PreviousParse | undefined, limits: Limits = DEFAULT_LIMITS): ParsedTree {
  if (previous) {
    if (previous.text === text && previous.tree.format === 'yaml') return previous.tree;
    const reused = reparse(previous, text, limits);
    if (reused) return reused;
  }
  return parseYaml(text, limits);
}

/** One entry of a block mapping, with where its text starts and ends (line starts). */
interface Entry {
  readonly pair: Pair;
  readonly index: number;
  readonly regionStart: number;
  readonly regionEnd: number;
}

/** The incremental path alone: undefined when only a full parse is certain to be right. */
export function reparse(previous: PreviousParse, text: string, limits: Limits = DEFAULT_LIMITS): ParsedTree | undefined {
  const { tree, text: oldText } = previous;
  const root = tree.root;
  if (tree.format !== 'yaml' || tree.usesAnchors || root?.kind !== 'object') return undefined;
  if (tree.problems.some((p) => p.code !== 'duplicate-key')) return undefined;

  const { start, oldEnd } = changedStretch(oldText, text);
  const delta = text.length - oldText.length;
  // Document markers, directives and tabs change how lines are read; leave those to the full parser.
  if (hasDocumentMarkers(oldText) || hasDocumentMarkers(text)) return undefined;

  const outer = entryAround(oldText, root, oldText.length, start, oldEnd);
  if (!outer) return undefined;
  const inner = outer.pair.value.kind === 'object' ? entryAround(oldText, outer.pair.value, outer.regionEnd, start, oldEnd) : undefined;
  const entry = inner ?? outer;
  const depth = inner ? 2 : 1;

  const segment = text.slice(entry.regionStart, entry.regionEnd + delta);
  if (entry.regionEnd < oldText.length && !segment.endsWith('\n')) return undefined;
  if (segment.includes('\t')) return undefined;
  const parsed = parseYamlEntry(segment, depth, limits);
  if (!parsed) return undefined;
  const pair = shiftPair(parsed.pair, entry.regionStart);
  // Same key at the same place: duplicate-key findings among its siblings stay as they were.
  if (pair.key !== entry.pair.key || pair.keySpan.start !== entry.pair.keySpan.start || pair.keySpan.end !== entry.pair.keySpan.end) return undefined;

  const replaceIn = (object: ObjectNode, at: Entry, replacement: Pair): ObjectNode | undefined => {
    const pairs = object.pairs.map((p, i) => (i < at.index ? p : i === at.index ? replacement : shiftPairAfter(p, entry.regionEnd, delta)));
    const last = object.pairs.length - 1;
    let end: number;
    if (object.span.end === object.pairs[last]!.span.end) end = pairs[last]!.span.end;
    else if (object.span.end >= entry.regionEnd) end = object.span.end + delta;
    else return undefined;
    return { kind: 'object', span: { start: object.span.start, end }, pairs };
  };

  let outerPair = pair;
  if (inner) {
    const section = replaceIn(outer.pair.value as ObjectNode, inner, pair);
    if (!section) return undefined;
    const old = outer.pair;
    outerPair = { kind: 'pair', key: old.key, keySpan: old.keySpan, value: section, span: { start: old.span.start, end: Math.max(old.keySpan.end, section.span.end) } };
  }
  const newRoot = replaceIn(root, outer, outerPair);
  if (!newRoot) return undefined;

  const problems: ParseProblem[] = [];
  for (const problem of tree.problems) {
    // Findings about the entry's own key (a duplicate of a sibling) stay: the key did not change.
    const ownKey = problem.span.start === entry.pair.keySpan.start && problem.span.end === entry.pair.keySpan.end;
    const inside = problem.span.start >= entry.regionStart && problem.span.start < entry.regionEnd;
    if (inside && !ownKey) continue;
    problems.push(problem.span.start >= entry.regionEnd ? shiftProblem(problem, entry.regionEnd, delta) : problem);
  }
  for (const problem of parsed.problems) problems.push(shiftProblem(problem, 0, entry.regionStart));
  problems.sort((a, b) => a.span.start - b.span.start);
  return { format: 'yaml', root: newRoot, problems };
}

/**
 * The entry of a block mapping whose text holds the whole change, or undefined. An entry's text runs from
 * the start of its key's line to the start of the next key's line (`end` for the last one); the change
 * must start at or after the key itself, so the indentation and everything before stay as they were.
 */
function entryAround(text: string, object: ObjectNode, end: number, changeStart: number, changeEnd: number): Entry | undefined {
  // A flow mapping (`{ … }`) spans from its brace: its entries are not lines.
  if (text.charCodeAt(object.span.start) === 123 /* { */ || object.pairs.length === 0) return undefined;
  for (let i = 0; i < object.pairs.length; i++) {
    const pair = object.pairs[i]!;
    if (pair.keySpan.start > changeStart) return undefined;
    const next = object.pairs[i + 1];
    const regionEnd = next ? lineStart(text, next.keySpan.start) : end;
    if (changeEnd > regionEnd || (changeEnd === regionEnd && next)) continue;
    const regionStart = lineStart(text, pair.keySpan.start);
    if (!onlySpaces(text, regionStart, pair.keySpan.start)) return undefined;
    if (next && !onlySpaces(text, regionEnd, next.keySpan.start)) return undefined;
    if (next && next.keySpan.start - regionEnd !== pair.keySpan.start - regionStart) return undefined;
    return { pair, index: i, regionStart, regionEnd };
  }
  return undefined;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function onlySpaces(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) !== 32) return false;
  return true;
}

const DOCUMENT_MARKER = /^(?:---|\.\.\.|%)/m;
function hasDocumentMarkers(text: string): boolean {
  return DOCUMENT_MARKER.test(text);
}

function shiftPairAfter(pair: Pair, from: number, delta: number): Pair {
  return delta === 0 ? pair : shiftPairBy(pair, from, delta);
}

function shiftPair(pair: Pair, delta: number): Pair {
  return shiftPairBy(pair, 0, delta);
}
