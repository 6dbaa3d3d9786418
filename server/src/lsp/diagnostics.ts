/**
 * When diagnostics reach the client (cf. json-language-features' utils/validation.ts). A client that pulls
 * (textDocument/diagnostic) asks for them and is told to ask again (workspace/diagnostic/refresh) when findings
 * may have changed for a reason it cannot see, such as another file. Otherwise the server pushes them
 * (textDocument/publishDiagnostics) after the folder's debounce.
 */
import { DocumentDiagnosticReportKind, LSPErrorCodes, ResponseError, type Connection, type Diagnostic, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentCache } from './documentCache';
import type { FolderSettings } from './folderSettings';
import { generatedNotes } from './generated';
import { toDiagnostic } from './toLsp';
import type { WorkspaceProblems } from './workspaceProblems';

/** Refreshes asked for within this time become one (an edit can change the findings of many other files). */
const REFRESH_DELAY_MS = 50;

export class Diagnostics {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private refreshPending = false;
  /** Whether the client pulls diagnostics (decided at initialize). */
  pull = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly cache: DocumentCache,
    private readonly settings: FolderSettings,
    /** The files that are not open, where berth.problems.scope is `workspace`. */
    private readonly closedFiles: WorkspaceProblems,
  ) {}

  /** Answers textDocument/diagnostic. */
  listen(): void {
    this.connection.languages.diagnostics.on(async (params, token) => {
      const opened = this.documents.get(params.textDocument.uri);
      // A Terraform file waits for the grammar (loaded on the first one).
      if (opened) await this.cache.whenReady(opened.uri, opened.languageId);
      // A request the client gave up on while it waited behind others is not analysed at all.
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
      const doc = this.documents.get(params.textDocument.uri);
      return { kind: DocumentDiagnosticReportKind.Full, items: doc ? this.diagnosticsOf(doc) : [] };
    });
  }

  /** The document changed: push its diagnostics after the debounce (a pulling client asks by itself). */
  documentChanged(uri: string): void {
    if (this.pull) return;
    const existing = this.timers.get(uri);
    if (existing) clearTimeout(existing);
    const debounceMs = this.settings.of(uri).editor.debounceMs;
    if (debounceMs === 0) {
      this.publish(uri);
      return;
    }
    this.timers.set(uri, setTimeout(() => this.publish(uri), debounceMs));
  }

  /** These documents' findings may have changed because of another file (the core's URIs): check the open ones again. */
  dependentsChanged(uris: readonly string[]): void {
    if (uris.length === 0) return;
    this.closedFiles.refresh(uris.filter((uri) => !this.cache.openUri(uri)));
    if (this.pull) {
      this.refreshSoon();
      return;
    }
    for (const uri of uris) {
      const open = this.cache.openUri(uri);
      if (open && this.documents.get(open)) this.documentChanged(open);
    }
  }

  /** A file that is not open changed on disk (or went away): it and the documents that depend on it are checked again. */
  fileChangedOnDisk(uri: string, dependents: readonly string[]): void {
    this.closedFiles.refresh([uri]);
    this.dependentsChanged(dependents);
  }

  /** Settings or the whole index changed: every open document is checked again. */
  revalidateAll(): void {
    this.cache.invalidateFindings();
    this.closedFiles.refreshAll();
    if (this.pull) {
      this.connection.languages.diagnostics.refresh();
      return;
    }
    for (const doc of this.documents.all()) this.documentChanged(doc.uri);
  }

  /** A document was opened: its own diagnostics replace those of the file on disk. */
  documentOpened(uri: string): void {
    this.closedFiles.opened(uri);
  }

  /**
   * The document was closed (after the cache forgot it): nothing is pending for it, and its pushed diagnostics are
   * cleared, or replaced by those of the file on disk where the whole workspace is reported.
   */
  documentClosed(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
    if (this.closedFiles.covers(uri)) this.closedFiles.refresh([uri]);
    else if (!this.pull) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private refreshSoon(): void {
    if (this.refreshPending) return;
    this.refreshPending = true;
    setTimeout(() => {
      this.refreshPending = false;
      this.connection.languages.diagnostics.refresh();
    }, REFRESH_DELAY_MS);
  }

  private publish(uri: string): void {
    this.timers.delete(uri);
    const doc = this.documents.get(uri);
    if (!doc) return;
    const waiting = this.cache.whenReady(uri, doc.languageId);
    if (waiting) {
      void waiting.then(() => this.publish(uri));
      return;
    }
    void this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics: this.diagnosticsOf(doc) });
  }

  private diagnosticsOf(doc: TextDocument): Diagnostic[] {
    try {
      const { entry, findings } = this.cache.findingsOf(doc);
      const lines = entry.prepared.lines;
      const generated = generatedNotes(entry.prepared);
      return findings.map((f, i) => toDiagnostic(f, i, doc.uri, lines, (uri) => this.cache.linesOf(uri), generated?.(f.span)));
    } catch (error) {
      this.connection.console.error(`Analysis failed for ${doc.uri}: ${(error as Error).stack ?? error}`);
      return [];
    }
  }
}
