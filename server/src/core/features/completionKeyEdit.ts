/**
 * The edit that writes a completed property name, so that accepting it leaves the document well formed in every
 * cursor context: after a typed `"` (closed by the editor or not), inside a half-typed key, before an existing colon,
 * after a pair that lacks its comma, in YAML block and flow style, and in Terraform's jsonencode() objects (`name = `). (After json-languageservice: the edit replaces the
 * whole quoted key, and its filter text carries the quotes, so the editor still matches what was typed.)
 */
import type { TextFormat } from '../kinds/detect';
import type { Span } from '../parse/tree';
import type { CompletionEdit } from './types';

export interface KeyEdit {
  /** The text the completion replaces: the word, or the whole quoted key with its quotes. */
  readonly span: Span;
  /** What replaces it for the property `name`. */
  newText(name: string): string;
  /** What the editor filters on (the quotes included when the span starts at one). */
  filterText(name: string): string | undefined;
  /** A comma the previous pair lacks, written after it. */
  readonly additionalEdits?: readonly CompletionEdit[];
}

/** `syntax`: the key syntax at the cursor (`hcl` for a jsonencode() object; JSON text inside a .tf file is `json`). */
export function keyEditAt(text: string, offset: number, word: Span, syntax: TextFormat | undefined): KeyEdit {
  const colonAfter = (end: number) => /^[ \t]*:/.test(text.slice(end, end + 200));
  if (syntax === 'hcl') {
    const hasEquals = /^[ \t]*=(?!=)/.test(text.slice(word.end, word.end + 200));
    return { span: word, newText: (name) => (hasEquals ? name : `${name} = `), filterText: () => undefined };
  }
  if (syntax !== 'json') {
    const hasColon = colonAfter(word.end);
    return { span: word, newText: (name) => (hasColon ? name : `${name}: `), filterText: () => undefined };
  }
  const open = openingQuote(text, offset, word);
  const start = open ?? word.start;
  const end = open !== undefined && text[word.end] === '"' ? word.end + 1 : word.end;
  const hasColon = colonAfter(end);
  const comma = missingComma(text, start);
  return {
    span: { start, end },
    newText: (name) => (hasColon ? `"${name}"` : `"${name}": `),
    filterText: (name) => (open !== undefined ? `"${name}"` : undefined),
    additionalEdits: comma === undefined ? undefined : [{ span: { start: comma, end: comma }, newText: ',' }],
  };
}

/** The offset of the `"` that opens the key the cursor is in (the word being typed follows it directly), if any. */
function openingQuote(text: string, offset: number, word: Span): number | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const quotes = text.slice(lineStart, offset).match(/"/g)?.length ?? 0;
  return quotes % 2 === 1 && text[word.start - 1] === '"' ? word.start - 1 : undefined;
}

/** Where a comma must go when the key starting at `start` follows a value with none after it (JSON). */
function missingComma(text: string, start: number): number | undefined {
  let i = start - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  if (i < 0 || /[{[,:]/.test(text[i]!)) return undefined;
  return /["}\]\w]/.test(text[i]!) ? i + 1 : undefined;
}
