import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type picomatch from 'picomatch';
import {
  CodeActionKind,
  CompletionItemKind,
  DocumentDiagnosticReportKind,
  FileChangeType,
  MarkupKind,
  TextDocumentSyncKind,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  type CodeAction,
  type CompletionItem,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type TextEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, prepare, toIndexed, type AnalyzeSettings, type PreparedDocument } from '../core/analyze';
import { conceptArticle, conceptSummaries, ruleArticle } from '../core/docs/articles';
import { getConcept } from '../core/docs/concepts';
import { parseDeployTargets } from '../core/deploy/target';
import { CONFIG_FILE_NAMES, loadConfig } from '../config/load';
import { completionsAt } from '../core/features/completion';
import { ecsDefinitionAt } from '../core/features/ecsNavigation';
import { hoverAt } from '../core/features/hover';
import type { Finding } from '../core/rules/types';
import { decodeBytes } from '../core/text/decode';
import { WorkspaceIndex } from '../core/workspace/index';
import { DEFAULT_SETTINGS, readSettings, type ServerSettings } from './settings';
import { quickFix, toDiagnostic, toRange, toTextEdits, type DiagnosticData } from './toLsp';
import {
  CONCEPT_REQUEST,
  CONCEPTS_REQUEST,
  DOCKER_EXTENSION_NOTIFICATION,
  DOCUMENT_KIND_REQUEST,
  RULE_DOC_REQUEST,
  SHOW_CONCEPT_COMMAND,
  onNotification,
  onRequest,
  type InitializationOptions,
} from './protocol';
import { installTestHooks } from './testHooks';
import { scanFolder } from './workspaceScan';
import { measureCodePathsOf } from '../workspace/measure';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.berth`;

/** Exclude globs as a matcher; picomatch is required only when some exclude is set, not at server start. */
function globMatcher(globs: readonly string[]): (relative: string) => boolean {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const compile = require('picomatch') as typeof picomatch;
  return compile(globs as string[], { dot: true });
}

/** The settings in force for the files of one workspace folder (editor settings over .berthrc.yaml). */
interface Effective {
  readonly settings: ServerSettings;
  readonly analyze: AnalyzeSettings;
  /** Exclude globs, each relative to its root folder. */
  readonly excludes: readonly { readonly root: string; readonly match: (relative: string) => boolean }[];
}

interface CachedAnalysis {
  readonly version: number;
  readonly prepared: PreparedDocument;
  findings?: Finding[];
  /** Index generation the findings were computed against. */
  generation?: number;
}

/**
 * Registers every handler on a connection. Handlers forward to the core and convert at the edge;
 * each one catches its own errors so one bad document never takes the server down.
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const testHooks = installTestHooks(connection); // TEST-ONLY: inert unless BERTH_TEST_HOOKS=1 (see testHooks.ts)
  const index = new WorkspaceIndex();
  const cache = new Map<string, CachedAnalysis>();
  const timers = new Map<string, NodeJS.Timeout>();
  let settings: ServerSettings = DEFAULT_SETTINGS;
  let generation = 0;
  let workspaceFolders: string[] = [];
  let pullDiagnostics = false;
  let configurationSupport = false;
  let clientCommands = new Set<string>();
  /** Reported by the client; other LSP clients have no Docker extension, so `auto` means on for them. */
  let dockerExtensionInstalled = false;
  let globalEffective: Effective = { settings, analyze: settings.analyze, excludes: [] };
  /** Per workspace folder (absolute path): its settings and its .berthrc.yaml. */
  let folderEffective = new Map<string, Effective>();

  const log = (message: string) => connection.console.log(message);

  const folderOf = (uri: string): string | undefined => {
    if (!uri.startsWith('file:')) return undefined;
    const file = fileURLToPath(uri);
    let best: string | undefined;
    for (const folder of workspaceFolders) {
      const rel = path.relative(folder, file);
      if (!rel.startsWith('..') && !path.isAbsolute(rel) && (!best || folder.length > best.length)) best = folder;
    }
    return best;
  };

  const effectiveFor = (uri: string): Effective => {
    const folder = folderOf(uri);
    return (folder && folderEffective.get(folder)) || globalEffective;
  };

  /** Generic Dockerfile features (hover, completion, dockerfile/valid-syntax) for this document. */
  const genericFeaturesFor = (uri: string): boolean => {
    const setting = effectiveFor(uri).settings.dockerfileGenericFeatures;
    return setting === 'on' || (setting === 'auto' && !dockerExtensionInstalled);
  };

  const isExcluded = (uri: string): boolean => {
    if (!uri.startsWith('file:')) return false;
    const file = fileURLToPath(uri);
    return effectiveFor(uri).excludes.some(({ root, match }) => {
      const rel = path.relative(root, file);
      return !rel.startsWith('..') && !path.isAbsolute(rel) && match(rel.split(path.sep).join('/'));
    });
  };

  /** Parse once per document version. */
  const analysisOf = (doc: TextDocument): CachedAnalysis => {
    const cached = cache.get(doc.uri);
    // The text too: a client that sends the same version twice with different text must not get stale results.
    if (cached && cached.version === doc.version && cached.prepared.text === doc.getText()) return cached;
    // The previous version lets a YAML edit re-parse only the entry it touched.
    const prepared = prepare({ uri: doc.uri, text: doc.getText(), languageId: doc.languageId }, effectiveFor(doc.uri).analyze, cached?.prepared);
    const entry: CachedAnalysis = { version: doc.version, prepared };
    cache.set(doc.uri, entry);
    const indexed = toIndexed(prepared);
    const dependents = indexed ? index.set(indexed) : index.delete(doc.uri);
    generation++;
    for (const uri of dependents) if (uri !== doc.uri) scheduleDependent(uri);
    if (indexed?.model.lambdaFunctions.length) {
      // Local code folders and zips are measured once per session, off the request path; then re-check.
      setImmediate(() => {
        try {
          if (measureCodePathsOf(index, indexed, true)) {
            generation++;
            schedule(doc.uri);
          }
        } catch (error) {
          log(`Could not measure the code paths of ${doc.uri}: ${(error as Error).message}`);
        }
      });
    }
    return entry;
  };

  const findingsOf = (doc: TextDocument): { entry: CachedAnalysis; findings: Finding[] } => {
    const entry = analysisOf(doc);
    if (entry.findings && entry.generation === generation) return { entry, findings: entry.findings };
    let findings: Finding[] = [];
    if (!isExcluded(doc.uri)) {
      const settings = { ...effectiveFor(doc.uri).analyze, genericFeatures: genericFeaturesFor(doc.uri) };
      findings = lint(entry.prepared, { settings, workspace: index, rules: testHooks.rules });
      for (const f of findings) if (f.internalError) connection.console.error(`Rule failure in ${doc.uri}: ${f.internalError}`);
    }
    entry.findings = findings;
    entry.generation = generation;
    return { entry, findings };
  };

  const diagnosticsOf = (doc: TextDocument): Diagnostic[] => {
    try {
      const { entry, findings } = findingsOf(doc);
      const lines = entry.prepared.lines;
      return findings.map((f, i) => toDiagnostic(f, i, doc.uri, lines, (uri) => index.get(uri)?.lines ?? cache.get(uri)?.prepared.lines));
    } catch (error) {
      connection.console.error(`Analysis failed for ${doc.uri}: ${(error as Error).stack ?? error}`);
      return [];
    }
  };

  const publish = (uri: string): void => {
    timers.delete(uri);
    const doc = documents.get(uri);
    if (!doc) return;
    void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: diagnosticsOf(doc) });
  };

  const schedule = (uri: string): void => {
    if (pullDiagnostics) return;
    const existing = timers.get(uri);
    if (existing) clearTimeout(existing);
    const debounceMs = effectiveFor(uri).settings.debounceMs;
    if (debounceMs === 0) {
      publish(uri);
      return;
    }
    timers.set(uri, setTimeout(() => publish(uri), debounceMs));
  };

  let refreshPending = false;
  const scheduleDependent = (uri: string): void => {
    if (pullDiagnostics) {
      if (refreshPending) return;
      refreshPending = true;
      setTimeout(() => {
        refreshPending = false;
        connection.languages.diagnostics.refresh();
      }, 50);
      return;
    }
    if (documents.get(uri)) schedule(uri);
  };

  const revalidateAll = (): void => {
    generation++;
    if (pullDiagnostics) {
      connection.languages.diagnostics.refresh();
      return;
    }
    for (const doc of documents.all()) schedule(doc.uri);
  };

  const loadSettings = async (): Promise<void> => {
    if (!configurationSupport) {
      applySettings(lastRaw);
      return;
    }
    try {
      const items = [{ section: 'berth' }, ...workspaceFolders.map((f) => ({ scopeUri: pathToFileURL(f).toString(), section: 'berth' }))];
      const raws: unknown[] = await connection.workspace.getConfiguration(items);
      applySettings(raws[0], raws.slice(1));
    } catch (error) {
      log(`Could not read settings: ${(error as Error).message}`);
    }
  };

  const reportedConfigErrors = new Set<string>();
  /** Editor settings for a folder merged over its .berthrc.yaml (or the file `berth.configFile` names). */
  const effectiveOf = (folderSettings: ServerSettings, folder: string | undefined): Effective => {
    const excludes: { root: string; match: (p: string) => boolean }[] = [];
    const editorExclude = folderSettings.exclude.length ? globMatcher(folderSettings.exclude) : undefined;
    if (editorExclude) for (const root of folder ? [folder] : workspaceFolders) excludes.push({ root, match: editorExclude });
    let analyze = folderSettings.analyze;
    if (folder) {
      const loaded = loadConfig(folder, folderSettings.configFile || undefined);
      if (loaded.ok) {
        const rc = loaded.config;
        analyze = {
          ...analyze,
          rules: { ...rc.rules, ...analyze.rules },
          limits: { ...rc.limits, ...analyze.limits },
        };
        if (rc.exclude.length) excludes.push({ root: loaded.root, match: globMatcher(rc.exclude) });
        if (loaded.path) log(`Using ${loaded.path} for ${folder}.`);
        // Deploy targets link Dockerfiles to task definitions; their documents are re-checked with the new settings.
        if (loaded.path && loaded.text !== undefined) index.setDeployTargets(pathToFileURL(loaded.path).href, Object.values(parseDeployTargets(loaded.text).targets));
      } else {
        const detail = loaded.message ?? loaded.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('; ');
        const message = `Berth: ignoring ${loaded.path}: ${detail}`;
        log(message);
        if (!reportedConfigErrors.has(message)) {
          reportedConfigErrors.add(message);
          void connection.window.showWarningMessage(message);
        }
      }
    }
    return { settings: folderSettings, analyze, excludes };
  };

  let lastRaw: unknown;
  const applySettings = (raw: unknown, perFolder?: readonly unknown[]): void => {
    lastRaw = raw;
    settings = readSettings(raw);
    globalEffective = effectiveOf(settings, undefined);
    const next = new Map<string, Effective>();
    workspaceFolders.forEach((folder, i) => {
      const folderRaw = perFolder?.[i];
      next.set(folder, effectiveOf(folderRaw === undefined || folderRaw === null ? settings : readSettings(folderRaw), folder));
    });
    folderEffective = next;
    cache.clear();
  };

  const isConfigFile = (uri: string): boolean => {
    if (!uri.startsWith('file:')) return false;
    const file = fileURLToPath(uri);
    if (CONFIG_FILE_NAMES.includes(path.basename(file))) return true;
    return [...folderEffective.entries()].some(([folder, e]) => e.settings.configFile !== '' && path.resolve(folder, e.settings.configFile) === file);
  };

  /** Indexes the AWS files of these folders (all workspace folders by default), yielding between files. */
  const indexWorkspace = async (folders: readonly string[] = workspaceFolders): Promise<void> => {
    const started = Date.now();
    let files = 0;
    for (const folder of folders) {
      // A folder removed while it was being indexed is not indexed further.
      if (!workspaceFolders.includes(folder)) continue;
      for await (const file of scanFolder(folder, {
        maxFiles: 20000,
        maxFileSize: 1024 * 1024,
        isExcluded: (p) => isExcluded(`file://${p}`),
        log,
      })) {
        if (documents.get(file.uri)) continue; // the open editor's text wins
        try {
          const indexed = toIndexed(prepare({ uri: file.uri, text: file.text }, effectiveFor(file.uri).analyze));
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
    revalidateAll();
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    pullDiagnostics = params.capabilities.textDocument?.diagnostic !== undefined;
    configurationSupport = params.capabilities.workspace?.configuration === true;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspaceFolders = folders.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
    const init = params.initializationOptions as { [K in keyof InitializationOptions]?: unknown } | undefined;
    if (Array.isArray(init?.clientCommands)) clientCommands = new Set(init.clientCommands.filter((c): c is string => typeof c === 'string'));
    dockerExtensionInstalled = init?.dockerExtensionInstalled === true;
    if (init?.settings) applySettings(init.settings);
    else applySettings(undefined);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        diagnosticProvider: pullDiagnostics ? { identifier: 'berth', interFileDependencies: true, workspaceDiagnostics: false } : undefined,
        hoverProvider: true,
        definitionProvider: true,
        completionProvider: { triggerCharacters: ['"', ':', ' '] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'berth', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    void (async () => {
      await loadSettings();
      revalidateAll();
      await indexWorkspace().catch((error) => log(`Indexing failed: ${(error as Error).message}`));
    })();
  });

  connection.onDidChangeConfiguration((change) => {
    void (async () => {
      if (configurationSupport) await loadSettings();
      else applySettings((change.settings as { berth?: unknown } | undefined)?.berth);
      revalidateAll();
    })();
  });

  onNotification(connection, DOCKER_EXTENSION_NOTIFICATION, (params) => {
    const installed = params?.installed === true;
    if (installed === dockerExtensionInstalled) return;
    dockerExtensionInstalled = installed;
    revalidateAll();
  });

  connection.onNotification('workspace/didChangeWorkspaceFolders', (params: { event: { added: { uri: string }[]; removed: { uri: string }[] } }) => {
    void (async () => {
      const removed = new Set(params.event.removed.map((f) => f.uri).filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u)));
      const added = params.event.added.map((f) => f.uri).filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
      workspaceFolders = [...workspaceFolders.filter((f) => !removed.has(f)), ...added.filter((f) => !workspaceFolders.includes(f))];
      await loadSettings();
      // Files of a removed folder leave the index (unless open in the editor, or inside a remaining folder).
      const inside = (file: string, folder: string) => file === folder || file.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep);
      for (const doc of [...index.documents()]) {
        if (!doc.uri.startsWith('file:') || documents.get(doc.uri)) continue;
        const file = fileURLToPath(doc.uri);
        if ([...removed].some((f) => inside(file, f)) && !workspaceFolders.some((f) => inside(file, f))) index.delete(doc.uri);
      }
      // So do the deploy targets of its .berthrc.yaml.
      for (const configUri of new Set(index.deployTargets().map((e) => e.configUri))) {
        const file = configUri.startsWith('file:') ? fileURLToPath(configUri) : undefined;
        if (file && [...removed].some((f) => inside(file, f)) && !workspaceFolders.some((f) => inside(file, f))) index.setDeployTargets(configUri, []);
      }
      revalidateAll();
      // Added folders are indexed like those of the start-up (indexWorkspace re-checks the open documents after).
      if (added.length) await indexWorkspace(added).catch((error) => log(`Indexing failed: ${(error as Error).message}`));
    })();
  });

  connection.onDidChangeWatchedFiles((params) => {
    void (async () => {
      const { promises: fs } = await import('node:fs');
      if (params.changes.some((change) => isConfigFile(change.uri))) {
        await loadSettings();
        revalidateAll();
      }
      for (const change of params.changes) {
        if (documents.get(change.uri)) continue;
        let dependents: string[] = [];
        if (change.type === FileChangeType.Deleted) {
          dependents = index.delete(change.uri);
        } else if (change.uri.startsWith('file:')) {
          try {
            const decoded = decodeBytes(await fs.readFile(fileURLToPath(change.uri)));
            if (!decoded.ok) continue;
            const indexed = toIndexed(prepare({ uri: change.uri, text: decoded.text }, effectiveFor(change.uri).analyze));
            dependents = indexed ? index.set(indexed) : index.delete(change.uri);
          } catch (error) {
            log(`Could not read ${change.uri}: ${(error as Error).message}`);
          }
        }
        generation++;
        for (const uri of dependents) scheduleDependent(uri);
      }
    })();
  });

  documents.onDidChangeContent((event) => {
    // Parse now (cheap, and it keeps the index current for other documents); lint after the debounce.
    try {
      analysisOf(event.document);
    } catch (error) {
      connection.console.error(`Parse failed for ${event.document.uri}: ${(error as Error).stack ?? error}`);
    }
    schedule(event.document.uri);
  });

  documents.onDidClose((event) => {
    const uri = event.document.uri;
    const timer = timers.get(uri);
    if (timer) clearTimeout(timer);
    timers.delete(uri);
    cache.delete(uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on((params, token) => {
    // A request the client gave up on while it waited behind others is not analysed at all.
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    return { kind: DocumentDiagnosticReportKind.Full, items: diagnosticsOf(doc) };
  });

  connection.onHover((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    try {
      const { prepared } = analysisOf(doc);
      const hover = hoverAt(prepared, doc.offsetAt(params.position), { genericFeatures: genericFeaturesFor(doc.uri) });
      if (!hover) return null;
      return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: toRange(prepared.lines, hover.span) };
    } catch (error) {
      connection.console.error(`Hover failed: ${(error as Error).stack ?? error}`);
      return null;
    }
  });

  // Go to definition: a service's taskDefinition → the task definition; a containerName → the container.
  connection.onDefinition((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    try {
      const { prepared } = analysisOf(doc);
      const target = ecsDefinitionAt(prepared, doc.offsetAt(params.position), index);
      if (!target) return null;
      const lines = target.uri === doc.uri ? prepared.lines : (cache.get(target.uri)?.prepared.lines ?? index.get(target.uri)?.lines);
      return lines ? { uri: target.uri, range: toRange(lines, target.span) } : null;
    } catch (error) {
      connection.console.error(`Definition failed: ${(error as Error).stack ?? error}`);
      return null;
    }
  });

  connection.onCompletion((params): CompletionItem[] => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    try {
      const { prepared } = analysisOf(doc);
      return completionsAt(prepared, doc.offsetAt(params.position), { workspace: index, genericFeatures: genericFeaturesFor(doc.uri) }).map((entry) => ({
        label: entry.label,
        kind: entry.kind === 'property' ? CompletionItemKind.Property : entry.kind === 'keyword' ? CompletionItemKind.Keyword : CompletionItemKind.EnumMember,
        detail: entry.detail,
        documentation: entry.documentation ? { kind: MarkupKind.Markdown, value: entry.documentation } : undefined,
        sortText: entry.sortText,
        tags: entry.deprecated ? [1] : undefined,
        textEdit: { range: toRange(prepared.lines, entry.span), newText: entry.insertText },
      }));
    } catch (error) {
      connection.console.error(`Completion failed: ${(error as Error).stack ?? error}`);
      return [];
    }
  });

  connection.onCodeAction((params): CodeAction[] => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    try {
      const { entry, findings } = findingsOf(doc);
      const lines = entry.prepared.lines;
      const actions: CodeAction[] = [];
      const only = params.context.only;
      const wantsQuickFix = !only || only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k));
      if (wantsQuickFix) {
        for (const diagnostic of params.context.diagnostics) {
          if (diagnostic.source !== 'berth') continue;
          const data = diagnostic.data as DiagnosticData | undefined;
          const finding = data ? findings[data.findingIndex] : undefined;
          const match = finding && finding.ruleId === data?.ruleId ? finding : findings.find((f) => f.ruleId === diagnostic.code && sameRange(toRange(lines, f.span), diagnostic.range));
          if (match?.fix) actions.push(quickFix(doc.uri, lines, match.fix, diagnostic));
        }
        // "Explain" after the fixes, for clients that can open an article (the VS Code client says so).
        if (clientCommands.has(SHOW_CONCEPT_COMMAND)) {
          const explained = new Set<string>();
          for (const diagnostic of params.context.diagnostics) {
            const conceptId = diagnostic.source === 'berth' ? (diagnostic.data as DiagnosticData | undefined)?.concept : undefined;
            const concept = conceptId ? getConcept(conceptId) : undefined;
            if (!concept || explained.has(concept.id)) continue;
            explained.add(concept.id);
            actions.push({
              title: `Explain: ${concept.title}`,
              kind: CodeActionKind.QuickFix,
              diagnostics: [diagnostic],
              command: { title: `Explain: ${concept.title}`, command: SHOW_CONCEPT_COMMAND, arguments: [concept.id] },
            });
          }
        }
      }
      const wantsFixAll = only?.some((k) => FIX_ALL_KIND.startsWith(k) || k === CodeActionKind.Source);
      if (wantsFixAll) {
        const edits: TextEdit[] = [];
        let lastStart = Infinity;
        for (const f of [...findings].filter((x) => x.fix).sort((a, b) => b.span.start - a.span.start)) {
          const fixEdits = f.fix!.edits;
          const maxEnd = Math.max(...fixEdits.map((e) => e.span.end));
          if (maxEnd > lastStart) continue; // overlapping fixes: the next run picks them up
          edits.push(...toTextEdits(lines, f.fix!));
          lastStart = Math.min(...fixEdits.map((e) => e.span.start));
        }
        if (edits.length) actions.push({ title: 'Fix all Berth problems in this file', kind: FIX_ALL_KIND, edit: { changes: { [doc.uri]: edits } } });
      }
      return actions;
    } catch (error) {
      connection.console.error(`Code actions failed: ${(error as Error).stack ?? error}`);
      return [];
    }
  });

  onRequest(connection, CONCEPTS_REQUEST, () => conceptSummaries());
  onRequest(connection, CONCEPT_REQUEST, (params) => conceptArticle(String(params?.id)) ?? null);
  onRequest(connection, RULE_DOC_REQUEST, (params) => ruleArticle(String(params?.id)) ?? null);

  onRequest(connection, DOCUMENT_KIND_REQUEST, (params) => {
    const doc = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
    if (!doc) return { kind: null };
    return { kind: analysisOf(doc).prepared.kind ?? null };
  });

  documents.listen(connection);
  connection.listen();
}

function sameRange(a: { start: { line: number; character: number }; end: { line: number; character: number } }, b: typeof a): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
