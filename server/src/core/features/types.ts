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
}

export interface HoverResult {
  readonly markdown: string;
  readonly span: Span;
}
