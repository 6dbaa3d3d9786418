/** The probe key completion writes where a half-typed key breaks the parse, so the document parses again. */
import type { Span } from '../parse/tree';

export const PROBE = '__berth_probe__';

/**
 * `"wor|"` in key position of JSON text, possibly without a closing quote, or a bare `wor|` where a key goes, made a
 * probe key; a comma the previous value lacks is added too (the completion writes it; the probe needs it to parse).
 */
export function jsonKeyProbe(text: string, offset: number, word: Span): { text: string; offset: number } | undefined {
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd === -1) lineEnd = text.length;
  const typed = text.slice(word.start, offset);
  const quoted = text[word.start - 1] === '"' && isInsideQuotes(text, offset);
  const open = quoted ? word.start - 1 : word.start;
  let close = quoted ? text.indexOf('"', offset) : -1;
  if (close === -1 || close > lineEnd) close = word.end;
  else close += 1;
  const rest = text.slice(close);
  const needsComma = /^\s*"/.test(rest);
  const before = text.slice(0, open);
  const commaBefore = /["}\]\w]\s*$/.test(before) && !/[{[,:]\s*$/.test(before) ? ',' : '';
  const replacement = `${commaBefore}"${typed}${PROBE}": 0${needsComma ? ',' : ''}`;
  return { text: before + replacement + rest, offset: open + commaBefore.length + 1 + typed.length };
}

/** True when the cursor is inside a double-quoted string on its line. */
export function isInsideQuotes(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  return (before.match(/"/g)?.length ?? 0) % 2 === 1;
}
