/** What the editor features answer, in offsets; the LSP adapter turns them into LSP shapes. */
import type { Span } from '../parse/tree';

export interface CompletionEntry {
  readonly label: string;
  readonly kind: 'property' | 'value' | 'keyword';
  readonly detail?: string;
  readonly documentation?: string;
  readonly insertText: string;
  /** The text the entry replaces (the word being typed). */
  readonly span: Span;
  readonly deprecated?: boolean;
  readonly sortText?: string;
  /** What the editor matches the typed text against, when the span starts before the word (a key's opening quote). */
  readonly filterText?: string;
  /** Edits elsewhere that keep the document well formed (a comma the previous pair lacks). */
  readonly additionalEdits?: readonly CompletionEdit[];
}

export interface CompletionEdit {
  readonly span: Span;
  readonly newText: string;
}

export interface HoverResult {
  readonly markdown: string;
  readonly span: Span;
}
