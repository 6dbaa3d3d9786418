import type { Span } from '../parse/tree';

/** A replacement of one span of a document's text. */
export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

/** A safe change a rule offers; edits are offsets into the same document. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}
