/**
 * Berth's published doc addresses (rule pages and concept articles in the repository) become command links
 * that open the bundled copy inside VS Code, so every link works offline and none is dead.
 * Pure string functions: no `vscode` import, so they are easy to reason about.
 */
import { RULE_DOCS_BASE } from '../../server/src/core/rules/defineRule';
import { CONCEPT_DOCS_BASE } from '../../server/src/core/docs/links';
import { SHOW_CONCEPT_COMMAND } from '../../server/src/lsp/protocol';

export const SHOW_RULE_DOC = 'berth.showRuleDoc';
/** Also the command of the server's "Explain" code actions. */
export const SHOW_CONCEPT = SHOW_CONCEPT_COMMAND;
export const DOC_COMMANDS: readonly string[] = [SHOW_RULE_DOC, SHOW_CONCEPT];

export function commandUri(command: string, ...args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

/** The command link for a published Berth doc address, or undefined for any other address. */
export function offlineLink(href: string): string | undefined {
  const clean = href.split('#')[0]!;
  if (clean.startsWith(RULE_DOCS_BASE) && clean.endsWith('.md')) {
    return commandUri(SHOW_RULE_DOC, clean.slice(RULE_DOCS_BASE.length, -3));
  }
  if (clean.startsWith(CONCEPT_DOCS_BASE) && clean.endsWith('.md')) {
    return commandUri(SHOW_CONCEPT, clean.slice(CONCEPT_DOCS_BASE.length, -3));
  }
  return undefined;
}

/** Rewrites every markdown link `](address)` to a Berth doc into its command link. */
export function rewriteMarkdownLinks(markdown: string): string {
  return markdown.replace(/\]\((https:\/\/github\.com\/berth-tools\/berth\/blob\/main\/[^)\s]+)\)/g, (whole, href: string) => {
    const link = offlineLink(href);
    return link ? `](${link})` : whole;
  });
}
