/**
 * Problems of the files that are not open (`berth.problems.scope`: `workspace`, off by default): every indexed AWS
 * file of such a folder is linted from its text on disk and its diagnostics pushed (textDocument/publishDiagnostics),
 * also to a client that pulls the open documents' diagnostics. An opened file's pushed diagnostics are cleared (the
 * open document's own take over); a closed file's come back. The work runs one file at a time, yielding between
 * files, so requests for open documents are answered meanwhile.
 */
import { promises as fs } from 'node:fs';
import type { Connection } from 'vscode-languageserver';
import type { WorkspaceIndex } from '../core/workspace/index';
import { decodeBytes } from '../core/text/decode';
import { normalizeUri } from '../io/uri';
import type { DocumentCache } from './documentCache';
import { filePathOf, type FolderSettings } from './folderSettings';
import { generatedNotes } from './generated';
import { toDiagnostic } from './toLsp';

export interface WorkspaceProblemsOptions {
  readonly connection: Connection;
  readonly index: WorkspaceIndex;
  readonly cache: DocumentCache;
  readonly settings: FolderSettings;
  readonly log: (message: string) => void;
}

export class WorkspaceProblems {
  /** Core URIs whose diagnostics this class pushed and has not cleared. */
  private readonly published = new Set<string>();
  private readonly pending = new Set<string>();
  private running = false;
  /** Settles when the queue is empty (tests and the indexer's log wait for it). */
  private idle: Promise<void> = Promise.resolve();

  constructor(private readonly options: WorkspaceProblemsOptions) {}

  /** Whether the files of this one's folder are reported when closed. */
  covers(uri: string): boolean {
    return this.options.settings.of(uri).editor.problemsScope === 'workspace';
  }

  /** Every indexed file, and every file reported before (a setting may have turned the scope off). */
  refreshAll(): void {
    this.refresh([...[...this.options.index.documents()].map((d) => d.uri), ...this.published]);
  }

  /** These files (core URIs) may have new findings. */
  refresh(uris: Iterable<string>): void {
    for (const uri of uris) this.pending.add(normalizeUri(uri));
    if (!this.running && this.pending.size) this.idle = this.drain();
  }

  /** A file was opened: the open document's diagnostics replace the pushed ones. */
  opened(clientUri: string): void {
    const uri = normalizeUri(clientUri);
    this.pending.delete(uri);
    if (this.published.delete(uri)) this.send(uri, []);
  }

  /** Resolves when no file is waiting to be linted. */
  whenIdle(): Promise<void> {
    return this.idle;
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      for (let next = first(this.pending); next !== undefined; next = first(this.pending)) {
        this.pending.delete(next);
        await this.report(next);
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.running = false;
    }
  }

  private async report(uri: string): Promise<void> {
    const { cache, index, settings, log } = this.options;
    if (cache.openUri(uri)) return;
    const file = filePathOf(uri);
    if (!file || !this.covers(uri) || !index.get(uri) || settings.isExcluded(uri)) {
      if (this.published.delete(uri)) this.send(uri, []);
      return;
    }
    try {
      const decoded = decodeBytes(await fs.readFile(file));
      // Opened while it was read: the open document's diagnostics win.
      if (cache.openUri(uri)) return;
      if (!decoded.ok) return;
      await cache.whenReady(uri);
      const { prepared, findings } = cache.findingsOfClosed(uri, decoded.text);
      const generated = generatedNotes(prepared);
      this.published.add(uri);
      this.send(uri, findings.map((f, i) => toDiagnostic(f, i, uri, prepared.lines, (u) => cache.linesOf(u), generated?.(f.span))));
    } catch (error) {
      log(`Could not check ${uri}: ${(error as Error).message}`);
    }
  }

  private send(uri: string, diagnostics: ReturnType<typeof toDiagnostic>[]): void {
    void this.options.connection.sendDiagnostics({ uri, diagnostics });
  }
}

function first<T>(set: Set<T>): T | undefined {
  for (const value of set) return value;
  return undefined;
}
