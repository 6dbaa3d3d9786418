import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CONCEPT_REQUEST, RULE_DOC_REQUEST, sendRequest, type Article } from '../../server/src/lsp/protocol';
import { DOC_COMMANDS, rewriteMarkdownLinks } from './docLinks';
import { sanitizeHtml } from './sanitizeHtml';

/** What the panel shows now (returned by the commands, which the extension-host tests read). */
export interface ShownDoc {
  readonly kind: 'concept' | 'rule';
  readonly id: string;
  readonly title: string;
  readonly html: string;
}

/**
 * Shows bundled Berth docs (concept articles, rule pages, served by the language server) in one webview.
 * The webview runs no scripts at all (Content-Security-Policy `default-src 'none'`), loads nothing remote
 * but https images, and its only command links are Berth's own doc commands. The markdown is rendered by
 * the markdown-it that VS Code's built-in markdown extension ships (`markdown.api.render`), then sanitised.
 */
export class DocsPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private shown: ShownDoc | undefined;

  constructor(private readonly client: LanguageClient) {}

  get current(): ShownDoc | undefined {
    return this.shown;
  }

  async showConcept(id: string): Promise<ShownDoc | undefined> {
    const article = await sendRequest(this.client, CONCEPT_REQUEST, { id });
    if (!article) {
      void vscode.window.showWarningMessage(`Berth has no article "${id}".`);
      return undefined;
    }
    return this.show('concept', article);
  }

  async showRuleDoc(id: string): Promise<ShownDoc | undefined> {
    const article = await sendRequest(this.client, RULE_DOC_REQUEST, { id });
    if (!article) {
      void vscode.window.showWarningMessage(`Berth has no documentation for rule "${id}".`);
      return undefined;
    }
    return this.show('rule', article);
  }

  private async show(kind: ShownDoc['kind'], article: Article): Promise<ShownDoc> {
    const html = sanitizeHtml(await render(rewriteMarkdownLinks(article.markdown)));
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('berth.docs', article.title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: false,
        enableCommandUris: DOC_COMMANDS,
        localResourceRoots: [],
        enableFindWidget: true,
      });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.shown = undefined;
      });
    } else {
      this.panel.reveal(undefined, true);
    }
    this.panel.title = article.title;
    this.panel.webview.html = page(article.title, html);
    this.shown = { kind, id: article.id, title: article.title, html };
    return this.shown;
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

async function render(markdown: string): Promise<string> {
  try {
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', markdown);
    if (typeof html === 'string') return html;
  } catch {
    // The built-in markdown extension is disabled: show the text as it is.
  }
  return `<pre>${escapeHtml(markdown)}</pre>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src https: data:; style-src 'unsafe-inline';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); line-height: 1.5; max-width: 52em; padding: 0 1.5em 2em; }
  a { color: var(--vscode-textLink-foreground); }
  code { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); padding: 0 0.2em; }
  pre { background: var(--vscode-textCodeBlock-background); padding: 0.6em; overflow-x: auto; }
  pre code { padding: 0; }
  table { border-collapse: collapse; } th, td { border: 1px solid var(--vscode-panel-border); padding: 0.2em 0.5em; }
  hr { border: 0; border-top: 1px solid var(--vscode-panel-border); }
</style>
</head>
<body>
${body}
</body>
</html>`;
}
