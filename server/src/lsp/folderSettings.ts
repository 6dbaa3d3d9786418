/**
 * The settings in force for each workspace folder: the editor's `berth.*` settings (per folder when the client
 * answers workspace/configuration) merged over the folder's .berthrc.yaml (or the file `berth.configFile` names),
 * plus what the client reported about itself. Every other module asks `of(uri)` and never merges settings itself.
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import type { AnalyzeSettings } from '../core/analyze';
import type { WorkspaceIndex } from '../core/workspace/index';
import { CONFIG_FILE_NAMES, type ConfigProblem } from '../core/config/berthrc';
import { loadConfig, positionOf } from '../io/berthrc';
import { excluder, type Excluder } from '../io/exclude';
import { fileUri } from '../io/uri';
import { DEFAULT_SETTINGS, readSettings, type ServerSettings } from './settings';

/** The settings in force for the files of one workspace folder (or for files outside every folder). */
export interface EffectiveSettings {
  readonly editor: ServerSettings;
  /** The editor's rules and limits over the .berthrc.yaml's. */
  readonly analyze: AnalyzeSettings;
  /** Exclude patterns, each set relative to its root folder (one meaning for the CLI and the server: core/config/exclude.ts). */
  readonly excludes: readonly Excluder[];
}

/** The file a `file:` URI names; undefined for other schemes and for URIs that name no file. */
export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** `file` relative to `folder` with `/` separators, or undefined when it is outside. */
function relativeInside(folder: string, file: string): string | undefined {
  const rel = path.relative(folder, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel.split(path.sep).join('/');
}

export class FolderSettings {
  private folders: readonly string[] = [];
  private fallback: EffectiveSettings = { editor: DEFAULT_SETTINGS, analyze: DEFAULT_SETTINGS.analyze, excludes: [] };
  private byFolder = new Map<string, EffectiveSettings>();
  /** The settings last applied without workspace/configuration (sent with initialize or didChangeConfiguration). */
  private lastRaw: unknown;
  private readonly reportedConfigErrors = new Set<string>();
  /** Whether the client answers workspace/configuration (with settings per folder). */
  configurationSupport = false;
  /** Reported by the client; other LSP clients have no Docker extension, so `auto` means on for them. */
  dockerExtensionInstalled = false;
  /** Reported by the client (InitializationOptions.editorReportsJsonSyntax); other clients need Berth's. */
  editorReportsJsonSyntax = false;

  constructor(
    private readonly connection: Connection,
    private readonly index: WorkspaceIndex,
    /** Called after new settings are applied: analyses made with the old ones are stale. */
    private readonly onApplied: () => void,
  ) {}

  /** The workspace folders (absolute paths). */
  get workspaceFolders(): readonly string[] {
    return this.folders;
  }

  /** Sets the folders; their settings are read by the next `load` or `apply`. */
  setWorkspaceFolders(folders: readonly string[]): void {
    this.folders = [...folders];
  }

  /** The settings for a document. */
  of(uri: string): EffectiveSettings {
    return this.ofPath(filePathOf(uri));
  }

  /** The settings for a file (by path; undefined: not a file, so the settings outside every folder). */
  ofPath(file: string | undefined): EffectiveSettings {
    const folder = file === undefined ? undefined : this.folderOf(file);
    return (folder && this.byFolder.get(folder)) || this.fallback;
  }

  isExcluded(uri: string): boolean {
    const file = filePathOf(uri);
    return file !== undefined && this.isExcludedPath(file);
  }

  /** Whether the editor's `berth.exclude` or the .berthrc.yaml `exclude` of the file's folder matches it. */
  isExcludedPath(file: string): boolean {
    return this.ofPath(file).excludes.some((excluded) => excluded(file));
  }

  /** Generic Dockerfile features (hover, completion, dockerfile/valid-syntax) for this document. */
  genericFeatures(uri: string): boolean {
    const setting = this.of(uri).editor.dockerfileGenericFeatures;
    return setting === 'on' || (setting === 'auto' && !this.dockerExtensionInstalled);
  }

  /** Whether a changed file is a .berthrc.yaml, or the file a folder's `berth.configFile` names. */
  isConfigFile(uri: string): boolean {
    const file = filePathOf(uri);
    if (file === undefined) return false;
    if (CONFIG_FILE_NAMES.includes(path.basename(file))) return true;
    return [...this.byFolder.entries()].some(([folder, e]) => e.editor.configFile !== '' && path.resolve(folder, e.editor.configFile) === file);
  }

  /** Reads the settings again: from the client per folder when it can, else the last ones it sent. */
  async load(): Promise<void> {
    if (!this.configurationSupport) {
      this.apply(this.lastRaw);
      return;
    }
    try {
      const items = [{ section: 'berth' }, ...this.folders.map((f) => ({ scopeUri: pathToFileURL(f).toString(), section: 'berth' }))];
      const raws: unknown[] = await this.connection.workspace.getConfiguration(items);
      this.apply(raws[0], raws.slice(1));
    } catch (error) {
      this.log(`Could not read settings: ${(error as Error).message}`);
    }
  }

  /** Applies the `berth` settings as sent (and per folder, in the order of the workspace folders). */
  apply(raw: unknown, perFolder?: readonly unknown[]): void {
    this.lastRaw = raw;
    const editor = readSettings(raw);
    this.fallback = this.resolve(editor, undefined);
    const next = new Map<string, EffectiveSettings>();
    this.folders.forEach((folder, i) => {
      const folderRaw = perFolder?.[i];
      next.set(folder, this.resolve(folderRaw === undefined || folderRaw === null ? editor : readSettings(folderRaw), folder));
    });
    this.byFolder = next;
    this.onApplied();
  }

  /** The innermost workspace folder that holds the file. */
  private folderOf(file: string): string | undefined {
    let best: string | undefined;
    for (const folder of this.folders) {
      if (relativeInside(folder, file) !== undefined && (!best || folder.length > best.length)) best = folder;
    }
    return best;
  }

  /** Editor settings for a folder merged over its .berthrc.yaml; without a folder, the editor settings alone. */
  private resolve(editor: ServerSettings, folder: string | undefined): EffectiveSettings {
    const excludes: Excluder[] = [];
    if (editor.exclude.length) for (const root of folder ? [folder] : this.folders) excludes.push(excluder(root, editor.exclude));
    let analyze = editor.analyze;
    if (folder) {
      const loaded = loadConfig(folder, editor.configFile || undefined);
      if (loaded.ok) {
        const rc = loaded.config;
        analyze = {
          ...analyze,
          rules: { ...rc.rules, ...analyze.rules },
          limits: { ...rc.limits, ...analyze.limits },
        };
        if (rc.exclude.length) excludes.push(excluder(loaded.root, rc.exclude));
        if (loaded.path) this.log(`Using ${loaded.path} for ${folder}.`);
        // Deploy targets link Dockerfiles to task definitions; their documents are re-checked with the new settings.
        if (loaded.path) this.index.setDeployTargets(fileUri(loaded.path), Object.values(loaded.targets));
      } else {
        const at = (e: ConfigProblem) => positionOf(loaded.text ?? '', e);
        const detail = loaded.message ?? loaded.errors.map((e) => `${at(e).line}:${at(e).column} ${e.message}`).join('; ');
        const message = `Berth: ignoring ${loaded.path}: ${detail}`;
        this.log(message);
        if (!this.reportedConfigErrors.has(message)) {
          this.reportedConfigErrors.add(message);
          void this.connection.window.showWarningMessage(message);
        }
      }
    }
    return { editor, analyze, excludes };
  }

  private log(message: string): void {
    this.connection.console.log(message);
  }
}
