/**
 * Keeps the workspace index in step with the files on disk that are not open: the AWS files of every workspace
 * folder at start-up and when a folder is added, a removed folder's files dropped, and files the client watches
 * read again when they change. (Open documents are indexed by the document cache from the editor's text.)
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { FileChangeType, type FileEvent } from 'vscode-languageserver';
import { prepare, toIndexed } from '../core/analyze';
import { resolveLimits } from '../core/parse/limits';
import { decodeBytes } from '../core/text/decode';
import type { WorkspaceIndex } from '../core/workspace/index';
import type { DocumentCache } from './documentCache';
import type { Diagnostics } from './diagnostics';
import { filePathOf, type FolderSettings } from './folderSettings';
import { scanFolder } from '../io/scan';
import { normalizeUri } from '../io/uri';

/** The scan stops at this many files (those too large to analyse are skipped, as berth lint does: limits.maxFileSize). */
const MAX_FILES = 20000;

export interface WorkspaceIndexerOptions {
  readonly index: WorkspaceIndex;
  readonly settings: FolderSettings;
  readonly cache: DocumentCache;
  readonly diagnostics: Diagnostics;
  readonly log: (message: string) => void;
}

export class WorkspaceIndexer {
  constructor(private readonly options: WorkspaceIndexerOptions) {}

  /** Indexes the AWS files of these folders (all workspace folders by default), yielding between files. */
  async indexFolders(folders: readonly string[] = this.options.settings.workspaceFolders): Promise<void> {
    const { index, settings, cache, diagnostics, log } = this.options;
    const started = Date.now();
    let files = 0;
    for (const folder of folders) {
      // A folder removed while it was being indexed is not indexed further.
      if (!settings.workspaceFolders.includes(folder)) continue;
      const maxFileSize = (file: string) => resolveLimits(settings.ofPath(file).analyze.limits).maxFileSize;
      for await (const file of scanFolder(folder, { maxFiles: MAX_FILES, maxFileSize, isExcluded: (p) => settings.isExcludedPath(p), log })) {
        if (cache.openUri(file.uri)) continue; // the open editor's text wins
        try {
          await cache.whenReady(file.uri);
          const indexed = toIndexed(prepare({ uri: file.uri, text: file.text }, settings.of(file.uri).analyze));
          if (indexed) {
            index.set(indexed);
            files++;
          }
        } catch (error) {
          log(`Could not index ${file.uri}: ${(error as Error).message}`);
        }
        // Yield so that requests for open documents are answered while indexing runs.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    log(`Indexed ${files} AWS configuration files in ${Date.now() - started} ms.`);
    diagnostics.revalidateAll();
  }

  /** Workspace folders were added or removed (absolute paths). */
  async foldersChanged(added: readonly string[], removed: readonly string[]): Promise<void> {
    const { index, settings, cache, diagnostics } = this.options;
    const current = settings.workspaceFolders;
    const gone = new Set(removed);
    const remaining = [...current.filter((f) => !gone.has(f)), ...added.filter((f) => !current.includes(f))];
    settings.setWorkspaceFolders(remaining);
    await settings.load();
    // Files of a removed folder leave the index (unless open in the editor, or inside a remaining folder).
    const left = (file: string | undefined) => file !== undefined && removed.some((f) => inside(file, f)) && !remaining.some((f) => inside(file, f));
    for (const doc of [...index.documents()]) {
      if (!cache.openUri(doc.uri) && left(filePathOf(doc.uri))) index.delete(doc.uri);
    }
    // So do the deploy targets of its .berthrc.yaml.
    for (const configUri of new Set(index.deployTargets().map((e) => e.configUri))) {
      if (left(filePathOf(configUri))) index.setDeployTargets(configUri, []);
    }
    diagnostics.revalidateAll();
    // Added folders are indexed like those of the start-up (indexFolders re-checks the open documents after).
    if (added.length) await this.indexFolders(added);
  }

  /** Files the client watches changed on disk: a config file reloads the settings; others are indexed again. */
  async watchedFilesChanged(changes: readonly FileEvent[]): Promise<void> {
    const { index, settings, cache, diagnostics, log } = this.options;
    if (changes.some((change) => settings.isConfigFile(change.uri))) {
      await settings.load();
      diagnostics.revalidateAll();
    }
    for (const change of changes) {
      const uri = normalizeUri(change.uri);
      if (cache.openUri(uri)) continue;
      let dependents: string[] = [];
      const file = filePathOf(uri);
      if (change.type === FileChangeType.Deleted) {
        dependents = index.delete(uri);
      } else if (file !== undefined) {
        try {
          const decoded = decodeBytes(await fs.readFile(file));
          if (!decoded.ok) continue;
          await cache.whenReady(uri);
          const indexed = toIndexed(prepare({ uri, text: decoded.text }, settings.of(uri).analyze));
          dependents = indexed ? index.set(indexed) : index.delete(uri);
        } catch (error) {
          log(`Could not read ${change.uri}: ${(error as Error).message}`);
        }
      }
      cache.invalidateFindings();
      diagnostics.fileChangedOnDisk(uri, dependents);
    }
  }
}

function inside(file: string, folder: string): boolean {
  return file === folder || file.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep);
}
