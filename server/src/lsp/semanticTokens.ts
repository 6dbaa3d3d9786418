import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensOptions, type TextDocumentRegistrationOptions } from 'vscode-languageserver';
import { TERRAFORM_TOKEN_TYPES, type TerraformToken } from '../core/features/terraformTokens';
import { LineIndex } from '../core/text/lineIndex';

/**
 * Terraform colouring for an editor without a Terraform grammar (InitializationOptions.terraformSemanticTokens):
 * offered for Terraform's language ids only, so other documents keep the editor's own colouring.
 */
export const COLOURED_LANGUAGE_IDS: ReadonlySet<string> = new Set(['terraform', 'terraform-vars']);

export const TERRAFORM_SEMANTIC_TOKENS: SemanticTokensOptions & TextDocumentRegistrationOptions = {
  legend: { tokenTypes: [...TERRAFORM_TOKEN_TYPES], tokenModifiers: [] },
  full: true,
  documentSelector: [...COLOURED_LANGUAGE_IDS].map((language) => ({ language })),
};

const TYPE_INDEX = new Map<string, number>(TERRAFORM_TOKEN_TYPES.map((type, i) => [type, i]));

/** LSP's relative encoding; a token over several lines (a heredoc, a block comment) is sent line by line. */
export function encodeTokens(text: string, tokens: readonly TerraformToken[]): SemanticTokens {
  const lines = new LineIndex(text);
  const builder = new SemanticTokensBuilder();
  for (const token of tokens) {
    const type = TYPE_INDEX.get(token.type)!;
    const start = lines.positionAt(token.start);
    const end = lines.positionAt(token.end);
    for (let line = start.line; line <= end.line; line++) {
      const from = line === start.line ? token.start : lines.lineStart(line);
      const to = line === end.line ? token.end : lineEnd(text, lines.lineStart(line + 1));
      if (to > from) builder.push(line, from - lines.lineStart(line), to - from, type, 0);
    }
  }
  return builder.build();
}

/** The end of a line's text, given where the next line starts (before its \n, \r\n or \r). */
function lineEnd(text: string, nextLineStart: number): number {
  let end = nextLineStart;
  if (text.charCodeAt(end - 1) === 10) end--;
  if (text.charCodeAt(end - 1) === 13) end--;
  return end;
}
