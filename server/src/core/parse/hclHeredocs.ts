/**
 * tree-sitter's HCL scanner makes a token of every character of a heredoc, so a 1 MB heredoc took ~2 s and ~170 MB
 * of WASM memory (which WebAssembly never gives back). A heredoc without interpolations or directives is read from
 * the text itself (hclStrings.ts heredocContent), not from its tokens: its content is left out of the parse
 * (tree-sitter's included ranges). Each such heredoc must then parse as one, from its `<<` to its closing marker;
 * when any does not (a `<<EOF` in a comment, say), the text is parsed whole, as before.
 */
import type { ParseOptions, Parser, Range, Tree } from 'web-tree-sitter';
import { pointsAt } from './textChanges';

interface LiteralHeredoc {
  /** Where `<<` is. */
  readonly open: number;
  /** The content: from the line after the opening marker to the closing marker's line. */
  readonly contentStart: number;
  readonly contentEnd: number;
  /** The end of the closing marker. */
  readonly end: number;
}

/** Parses `text` (with `old`, edited to match, when given), leaving out the content of its literal heredocs. */
export function parseSkippingHeredocs(parser: Parser, text: string, old?: Tree): Tree | null {
  const heredocs = literalHeredocs(text);
  if (heredocs.length === 0) return parser.parse(text, old);
  const tree = parser.parse(text, old, { includedRanges: includedRanges(text, heredocs) } satisfies ParseOptions);
  if (!tree || heredocs.every((h) => parsedAsHeredoc(tree, h))) return tree;
  tree.delete();
  return parser.parse(text, old);
}

/** Heredocs with content and no `${` or `%{` in it, in text order. */
export function literalHeredocs(text: string): LiteralHeredoc[] {
  if (!text.includes('<<')) return [];
  const found: LiteralHeredoc[] = [];
  const opening = /<<-?([A-Za-z0-9_-]+)[^\S\n]*\n/g;
  for (let m = opening.exec(text); m; m = opening.exec(text)) {
    const contentStart = m.index + m[0].length;
    const closing = closingLine(text, contentStart, m[1]!);
    // Unterminated: tree-sitter reports it.
    if (!closing) continue;
    opening.lastIndex = closing.end;
    if (closing.lineStart > contentStart && !hasTemplate(text, contentStart, closing.lineStart)) {
      found.push({ open: m.index, contentStart, contentEnd: closing.lineStart, end: closing.end });
    }
  }
  return found;
}

/**
 * The first line after `from` that holds only the marker (spaces around it), as the scanner closes a heredoc; a
 * line is never missed here that the scanner would close at, or the parse with the content left out would differ.
 */
function closingLine(text: string, from: number, marker: string): { lineStart: number; end: number } | undefined {
  for (let at = from; at < text.length; ) {
    const nl = text.indexOf('\n', at);
    if (nl === -1) return undefined;
    let i = at;
    while (i < nl && isSpace(text.charCodeAt(i))) i++;
    if (text.startsWith(marker, i)) {
      let j = i + marker.length;
      while (j < nl && isSpace(text.charCodeAt(j))) j++;
      if (j === nl) return { lineStart: at, end: i + marker.length };
    }
    at = nl + 1;
  }
  return undefined;
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0xfeff || (code >= 0x2000 && code <= 0x200a) || code === 0x1680 || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000;
}

function hasTemplate(text: string, start: number, end: number): boolean {
  for (let i = start; i < end - 1; i++) {
    const code = text.charCodeAt(i);
    if ((code === 36 /* $ */ || code === 37) /* % */ && text.charCodeAt(i + 1) === 123 /* { */) return true;
  }
  return false;
}

/** The text without the heredocs' content, as tree-sitter ranges. */
function includedRanges(text: string, heredocs: readonly LiteralHeredoc[]): Range[] {
  const bounds = [0];
  for (const h of heredocs) bounds.push(h.contentStart, h.contentEnd);
  bounds.push(text.length);
  const points = pointsAt(text, bounds);
  const ranges: Range[] = [];
  for (let i = 0; i < bounds.length; i += 2) {
    ranges.push({ startIndex: bounds[i]!, endIndex: bounds[i + 1]!, startPosition: points[i]!, endPosition: points[i + 1]! });
  }
  return ranges;
}

/** Whether the tree has a heredoc from `h.open` to the end of its closing marker. */
function parsedAsHeredoc(tree: Tree, h: LiteralHeredoc): boolean {
  let node = tree.rootNode.descendantForIndex(h.open);
  while (node && node.type !== 'heredoc_template' && node.startIndex === h.open) node = node.parent;
  return node?.type === 'heredoc_template' && node.startIndex === h.open && node.endIndex === h.end;
}
