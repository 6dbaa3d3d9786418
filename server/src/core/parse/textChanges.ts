/**
 * What changed between two versions of a text, in the terms a syntax tree is edited in (tree-sitter's `Tree.edit`):
 * start, old end and new end as offsets and as row/column points (UTF-16 columns, rows counted at "\n"). Pure.
 */
import { changedStretch } from './shift';

/** One change as an editor sends it: [start, end) of the text just before it became `text`. */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface Point {
  readonly row: number;
  readonly column: number;
}

/** The fields of tree-sitter's Edit. */
export interface SyntaxEdit {
  readonly startIndex: number;
  readonly oldEndIndex: number;
  readonly newEndIndex: number;
  readonly startPosition: Point;
  readonly oldEndPosition: Point;
  readonly newEndPosition: Point;
}

/**
 * Past this many changes between two parses, one edit over the changed stretch is cheaper to check (the editor's
 * side stops noting changes there too).
 */
export const MAX_TEXT_CHANGES = 20;

/**
 * The edits that turn a syntax tree of `oldText` into one for `newText`: the editor's own changes when they do
 * produce `newText` from `oldText` (each is then one edit, and the tree keeps what lies between them), else one
 * edit over the changed stretch. Empty for equal texts.
 */
export function syntaxEdits(oldText: string, newText: string, changes?: readonly TextChange[]): SyntaxEdit[] {
  if (changes && changes.length > 0 && changes.length <= MAX_TEXT_CHANGES) {
    const edits: SyntaxEdit[] = [];
    let text = oldText;
    for (const change of changes) {
      if (change.start < 0 || change.start > change.end || change.end > text.length) {
        edits.length = 0;
        break;
      }
      const next = text.slice(0, change.start) + change.text + text.slice(change.end);
      const newEnd = change.start + change.text.length;
      const [startPosition, oldEndPosition] = pointsAt(text, [change.start, change.end]);
      edits.push(edit(change.start, change.end, newEnd, startPosition!, oldEndPosition!, pointAt(next, newEnd)));
      text = next;
    }
    if (edits.length > 0 && text === newText) return edits;
  }
  if (oldText === newText) return [];
  const stretch = changedStretch(oldText, newText);
  const [startPosition, oldEndPosition] = pointsAt(oldText, [stretch.start, stretch.oldEnd]);
  return [edit(stretch.start, stretch.oldEnd, stretch.newEnd, startPosition!, oldEndPosition!, pointAt(newText, stretch.newEnd))];
}

function edit(startIndex: number, oldEndIndex: number, newEndIndex: number, startPosition: Point, oldEndPosition: Point, newEndPosition: Point): SyntaxEdit {
  return { startIndex, oldEndIndex, newEndIndex, startPosition, oldEndPosition, newEndPosition };
}

/** Row and column of an offset, as tree-sitter counts them. */
function pointAt(text: string, offset: number): Point {
  return pointsAt(text, [offset])[0]!;
}

/** pointAt for ascending offsets, in one pass. */
export function pointsAt(text: string, offsets: readonly number[]): Point[] {
  const points: Point[] = [];
  let row = 0;
  let lineStart = 0;
  let nl = text.indexOf('\n');
  for (const offset of offsets) {
    while (nl !== -1 && nl < offset) {
      row++;
      lineStart = nl + 1;
      nl = text.indexOf('\n', nl + 1);
    }
    points.push({ row, column: offset - lineStart });
  }
  return points;
}
