/**
 * Terraform's HCL → the shared offset tree (cf. yaml-language-server's ast-converter), through tree-sitter.
 *
 * The tree follows Terraform's own JSON syntax, so `.tf` and `.tf.json` read alike: a block is a pair whose key is
 * the block type and whose value nests one single-key object per label (`resource "aws_sqs_queue" "jobs" { … }` is
 * `resource: { aws_sqs_queue: { jobs: { …body } } }`); an attribute is a pair; a body may repeat a block's key
 * (`load_balancer { … }` twice), and such pairs carry `block: true`. Literals become scalars, tuples arrays, object
 * constructors objects; every other expression (references, calls, templates with interpolations, conditionals)
 * becomes an `expression` node whose value is unknown here.
 *
 * A broken file still yields a tree: when tree-sitter reports errors, the file is parsed again in top-level pieces
 * (one per block or attribute that starts a line), so one half-typed block costs only itself.
 *
 * In an editor the previous version's parse (HclSyntax) makes an edit cheap: tree-sitter re-parses incrementally,
 * a top-level block or attribute the edit did not touch keeps its converted pair (moved by the edit's length), and
 * a piece of a broken file whose text did not change keeps its conversion. The result equals a fresh parse
 * (test/unit/parse/hclIncremental.test.ts checks it over random edits). The content of a heredoc without
 * interpolations is not given to tree-sitter at all (hclHeredocs.ts): it is read from the text.
 */
import type { Edit, Parser, Range, Tree } from 'web-tree-sitter';
import { HclConverter, type Piece } from './hclConvert';
import { TooDeep } from './hclCursor';
import { parseSkippingHeredocs } from './hclHeredocs';
import { hclParser } from './hclParser';
import { DEFAULT_LIMITS, equalLimits, type Limits } from './limits';
import { changedStretch, shiftPairBy, shiftProblem, type ChangedStretch } from './shift';
import { syntaxEdits, type TextChange } from './textChanges';
import { bomAsSpace, type Pair, type ParsedTree, type ParseProblem, type Span } from './tree';

/**
 * A document's last parse, kept by the editor's side between edits. It holds tree-sitter's syntax tree (WASM
 * memory): whoever keeps it must call disposeHclSyntax when it is replaced or the document closes.
 */
export interface HclSyntax {
  /** The text parsed (a leading BOM as a space). */
  readonly source: string;
  readonly limits: Limits;
  readonly syntaxTree: Tree;
  readonly tree: ParsedTree;
  /** The top-level blocks and attributes converted without problems, by their start. */
  readonly items: ReadonlyMap<number, Item>;
  /** The converted pieces of a broken file, by their text. */
  readonly pieces: ReadonlyMap<string, { readonly start: number; readonly piece: Piece }>;
}

interface Item {
  readonly start: number;
  readonly end: number;
  readonly pair?: Pair;
}

export function parseHcl(text: string, limits: Limits = DEFAULT_LIMITS): ParsedTree {
  return parseHclWith(hclParser(), text, limits);
}

/** parseHcl with the parser given (tests pass none to see the not-loaded problem). */
export function parseHclWith(parser: Parser | undefined, text: string, limits: Limits = DEFAULT_LIMITS): ParsedTree {
  const { tree, syntax } = reparseHclWith(parser, text, undefined, undefined, limits);
  if (syntax) disposeHclSyntax(syntax);
  return tree;
}

/**
 * Parses `text` re-using `previous` (the same document's last parse) and, when known, the changes the editor made
 * since (else they are found by comparing the texts). The caller owns the returned syntax and disposes of
 * `previous` when it is not the one returned.
 */
export function reparseHcl(text: string, previous: HclSyntax | undefined, changes: readonly TextChange[] | undefined, limits: Limits = DEFAULT_LIMITS): { tree: ParsedTree; syntax?: HclSyntax } {
  return reparseHclWith(hclParser(), text, previous, changes, limits);
}

export function disposeHclSyntax(syntax: HclSyntax): void {
  syntax.syntaxTree.delete();
  live--;
}

/** How many parses are kept and not yet disposed (tests check that an editor frees each one). */
let live = 0;
export function liveHclSyntaxCount(): number {
  return live;
}

interface Reuse {
  readonly previous: HclSyntax;
  readonly stretch: ChangedStretch;
  readonly changed: readonly Range[];
}

function reparseHclWith(parser: Parser | undefined, text: string, previous: HclSyntax | undefined, changes: readonly TextChange[] | undefined, limits: Limits): { tree: ParsedTree; syntax?: HclSyntax } {
  if (!parser) {
    // An edge forgot to load the grammar: say so rather than report nothing.
    return { tree: { format: 'hcl', root: undefined, problems: [{ code: 'syntax', message: 'The Terraform (HCL) parser is not loaded, so this file was not checked.', span: { start: 0, end: 0 } }] } };
  }
  const source = bomAsSpace(text);
  const sameLimits = previous !== undefined && equalLimits(previous.limits, limits);
  if (previous && sameLimits && previous.source === source) return { tree: previous.tree, syntax: previous };

  let syntaxTree: Tree | null;
  let reuse: Reuse | undefined;
  if (previous) {
    const edited = previous.syntaxTree.copy();
    try {
      // tree.edit reads only these fields.
      for (const edit of syntaxEdits(previous.source, source, changes)) edited.edit(edit as Edit);
      syntaxTree = parseSkippingHeredocs(parser, source, edited);
      if (syntaxTree && sameLimits) reuse = { previous, stretch: changedStretch(previous.source, source), changed: edited.getChangedRanges(syntaxTree) };
    } finally {
      edited.delete();
    }
  } else {
    syntaxTree = parseSkippingHeredocs(parser, source);
  }
  if (!syntaxTree) return { tree: { format: 'hcl', root: undefined, problems: [{ code: 'syntax', message: 'Terraform (HCL) parsing was cancelled.', span: { start: 0, end: 0 } }] } };

  const items = new Map<number, Item>();
  const pieces = new Map<string, { start: number; piece: Piece }>();
  let tree: ParsedTree;
  try {
    const whole = syntaxTree.rootNode.hasError ? undefined : convertWhole(syntaxTree, source, limits, reuse, items);
    tree = whole ? finish(source, whole, []) : convertPieces(parser, source, limits, reuse?.previous.pieces, pieces);
  } catch (error) {
    if (!(error instanceof TooDeep)) {
      syntaxTree.delete();
      throw error;
    }
    tree = { format: 'hcl', root: undefined, problems: [{ code: 'too-deep', message: `This file nests deeper than ${limits.maxDepth} levels, which Berth does not analyse (limit: berth.limits.maxDepth).`, span: { start: error.offset, end: error.offset } }] };
  }
  live++;
  return { tree, syntax: { source, limits, syntaxTree, tree, items, pieces } };
}

function finish(text: string, pairs: Pair[], problems: ParseProblem[]): ParsedTree {
  return { format: 'hcl', root: { kind: 'object', span: { start: 0, end: text.length }, pairs }, problems };
}

/**
 * A file tree-sitter parsed without errors, item by item, re-using the items an edit did not touch. Undefined when
 * any problem shows (a duplicate argument, a bare object): the pieces then say where.
 */
function convertWhole(syntaxTree: Tree, source: string, limits: Limits, reuse: Reuse | undefined, items: Map<number, Item>): Pair[] | undefined {
  const converter = new HclConverter(source, 0, limits);
  const pairs: Pair[] = [];
  const attributes = new Set<string>();
  const c = syntaxTree.walk();
  try {
    if (!c.gotoFirstChild()) return pairs;
    do {
      if (c.nodeType === 'comment') continue;
      if (c.nodeType !== 'body') return undefined;
      if (!c.gotoFirstChild()) continue;
      do {
        const start = c.startIndex;
        const end = c.endIndex;
        let item = reuse && reusedItem(reuse, start, end);
        if (!item) {
          const pair = converter.item(c);
          if (converter.problems.length > 0) return undefined;
          item = { start, end, ...(pair ? { pair } : {}) };
        }
        items.set(start, item);
        if (!item.pair) continue;
        // An argument set twice: the pieces report it.
        if (!item.pair.block) {
          if (attributes.has(item.pair.key)) return undefined;
          attributes.add(item.pair.key);
        }
        pairs.push(item.pair);
      } while (c.gotoNextSibling());
      c.gotoParent();
    } while (c.gotoNextSibling());
    return pairs;
  } finally {
    c.delete();
  }
}

/** The previous conversion of the item at [start, end) when the edit left its text and its syntax as they were. */
function reusedItem({ previous, stretch, changed }: Reuse, start: number, end: number): Item | undefined {
  let oldStart: number;
  if (end < stretch.start) oldStart = start;
  else if (start > stretch.newEnd) oldStart = start - (stretch.newEnd - stretch.oldEnd);
  else return undefined;
  if (changed.some((r) => r.startIndex <= end && r.endIndex >= start)) return undefined;
  const item = previous.items.get(oldStart);
  if (!item || item.end - item.start !== end - start) return undefined;
  if (oldStart === start) return item;
  return { start, end, ...(item.pair ? { pair: shiftPairBy(item.pair, 0, start - oldStart) } : {}) };
}

/** A broken file, piece by piece; a piece whose text the previous version had keeps its conversion. */
function convertPieces(parser: Parser, source: string, limits: Limits, known: HclSyntax['pieces'] | undefined, pieces: Map<string, { start: number; piece: Piece }>): ParsedTree {
  const pairs: Pair[] = [];
  const problems: ParseProblem[] = [];
  for (const { start, end } of topLevelPieces(source)) {
    const text = source.slice(start, end);
    const hit = known?.get(text) ?? pieces.get(text);
    const part = !hit ? convertPiece(parser, source, start, end, limits) : hit.start === start ? hit.piece : shiftPiece(hit.piece, start - hit.start);
    pieces.set(text, { start, piece: part });
    pairs.push(...part.pairs);
    problems.push(...part.problems);
  }
  return finish(source, pairs, problems);
}

function shiftPiece(piece: Piece, delta: number): Piece {
  return { pairs: piece.pairs.map((p) => shiftPairBy(p, 0, delta)), problems: piece.problems.map((p) => shiftProblem(p, 0, delta)) };
}

/** Where a line starts a top-level block or attribute; each piece runs to the next such line. */
function topLevelPieces(text: string): Span[] {
  const starts = [0];
  const re = /\n(?=[A-Za-z_][\w-]*\s*(?:=|"|\{|[A-Za-z_]))/g;
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index + 1);
  return starts.map((start, i) => ({ start, end: starts[i + 1] ?? text.length }));
}

function convertPiece(parser: Parser, text: string, start: number, end: number, limits: Limits): Piece {
  const slice = start === 0 && end === text.length ? text : text.slice(start, end);
  const tree = parseSkippingHeredocs(parser, slice);
  if (!tree) return { pairs: [], problems: [{ code: 'syntax', message: 'Terraform (HCL) parsing was cancelled.', span: { start, end: start } }] };
  try {
    const converter = new HclConverter(text, start, limits);
    const cursor = tree.walk();
    try {
      const piece = converter.file(cursor);
      if (piece.problems.some((p) => p.code === 'syntax') || !tree.rootNode.hasError) return piece;
      // tree-sitter saw an error the conversion did not pass through (a missing token inside a skipped node).
      cursor.reset(tree.rootNode);
      return { ...piece, problems: [...piece.problems, converter.firstError(cursor)] };
    } finally {
      cursor.delete();
    }
  } finally {
    tree.delete();
  }
}
