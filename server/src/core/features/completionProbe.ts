/** The probe key completion writes where a half-typed key breaks the parse, so the document parses again. */
import type { Span } from '../parse/tree';

export const PROBE = '__berth_probe__';

/** `"wor|"` in key position of JSON text (possibly without a closing quote) made a probe key. */
export function jsonKeyProbe(text: string, offset: number, word: Span): { text: string; offset: number } | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd === -1) lineEnd = text.length;
  const typed = text.slice(word.start, offset);
  const open = text.lastIndexOf('"', word.start - 1);
  if (open === -1 || open < lineStart) return undefined;
  let close = text.indexOf('"', offset);
  if (close === -1 || close > lineEnd) close = offset;
  else close += 1;
  const rest = text.slice(close);
  const needsComma = /^\s*"/.test(rest);
  const replacement = `"${typed}${PROBE}": 0${needsComma ? ',' : ''}`;
  return { text: text.slice(0, open) + replacement + rest, offset: open + 1 + typed.length };
}

/** True when the cursor is inside a double-quoted string on its line. */
export function isInsideQuotes(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  return (before.match(/"/g)?.length ?? 0) % 2 === 1;
}
