import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  CompletionItemKind,
  MarkupKind,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type CompletionItem,
  type Connection,
  type Definition,
  type Hover,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { conceptArticle, conceptSummaries, ruleArticle } from '../core/docs/articles';
import { completionsAt } from '../core/features/completion';
import { ecsDefinitionAt } from '../core/features/ecsNavigation';
import { hoverAt } from '../core/features/hover';
import { terraformTokens } from '../core/features/terraformTokens';
import { WorkspaceIndex } from '../core/workspace/index';
import { FIX_ALL_KIND, codeActions } from './codeActions';
import { isGenerated } from './generated';
import { Diagnostics } from './diagnostics';
import { DocumentCache } from './documentCache';
import { FolderSettings } from './folderSettings';
import {
  CONCEPT_REQUEST,
  CONCEPTS_REQUEST,
  DOCKER_EXTENSION_NOTIFICATION,
  DOCUMENT_KIND_REQUEST,
  RULE_DOC_REQUEST,
  onNotification,
  onRequest,
  type InitializationOptions,
} from './protocol';
import { COLOURED_LANGUAGE_IDS, TERRAFORM_SEMANTIC_TOKENS, encodeTokens } from './semanticTokens';
import { installTestHooks } from './testHooks';
import { toRange } from './toLsp';
import { WorkspaceIndexer } from './workspaceIndexer';
import { WorkspaceProblems } from './workspaceProblems';

/**
 * Registers every handler on a connection and wires the parts: folder settings, the document cache, diagnostics
 * (push or pull), the workspace indexer and code actions. Handlers forward to the core and convert at the edge;
 * each one catches its own errors so one bad document never takes the server down.
 */
export function startServer(connection: Connection): void {
  // The cache sees each change as it is applied: a Terraform document re-parses incrementally.
  const documents = new TextDocuments<TextDocument>({ create: TextDocument.create, update: (doc, changes, version) => cache.update(doc, changes, version) });
  const testHooks = installTestHooks(connection); // TEST-ONLY: inert unless BERTH_TEST_HOOKS=1 (see testHooks.ts)
  const log = (message: string) => connection.console.log(message);
  const index = new WorkspaceIndex();
  const settings = new FolderSettings(connection, index, () => cache.clear());
  const cache = new DocumentCache({
    index,
    settings,
    rules: testHooks.rules,
    log,
    logError: (message) => connection.console.error(message),
    onDependentsChanged: (uris) => diagnostics.dependentsChanged(uris),
  });
  const closedFiles = new WorkspaceProblems({ connection, index, cache, settings, log });
  const diagnostics = new Diagnostics(connection, documents, cache, settings, closedFiles);
  const indexer = new WorkspaceIndexer({ index, settings, cache, diagnostics, log });
  let clientCommands = new Set<string>();

  /**
   * Runs a request handler on an open document (a Terraform file once the grammar is loaded); a failure is logged
   * and answered with the fallback.
   */
  const withDocument = async <T>(uri: string, what: string, fallback: T, handle: (doc: TextDocument) => T): Promise<T> => {
    const opened = documents.get(uri);
    if (!opened) return fallback;
    await cache.whenReady(uri, opened.languageId);
    const doc = documents.get(uri);
    if (!doc) return fallback;
    try {
      return handle(doc);
    } catch (error) {
      connection.console.error(`${what} failed: ${(error as Error).stack ?? error}`);
      return fallback;
    }
  };
  const inBackground = (what: string, work: () => Promise<void>): void => {
    void work().catch((error) => log(`${what} failed: ${(error as Error).message}`));
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    diagnostics.pull = params.capabilities.textDocument?.diagnostic !== undefined;
    settings.configurationSupport = params.capabilities.workspace?.configuration === true;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    settings.setWorkspaceFolders(folders.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u)));
    const init = params.initializationOptions as { [K in keyof InitializationOptions]?: unknown } | undefined;
    if (Array.isArray(init?.clientCommands)) clientCommands = new Set(init.clientCommands.filter((c): c is string => typeof c === 'string'));
    settings.dockerExtensionInstalled = init?.dockerExtensionInstalled === true;
    settings.editorReportsJsonSyntax = init?.editorReportsJsonSyntax === true;
    settings.apply(init?.settings || undefined);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        diagnosticProvider: diagnostics.pull ? { identifier: 'berth', interFileDependencies: true, workspaceDiagnostics: false } : undefined,
        hoverProvider: true,
        definitionProvider: true,
        completionProvider: { triggerCharacters: ['"', ':', ' '] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        semanticTokensProvider: init?.terraformSemanticTokens === true ? TERRAFORM_SEMANTIC_TOKENS : undefined,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'berth', version: '0.1.0' },
    };
  });

  connection.onInitialized(() =>
    inBackground('Indexing', async () => {
      await settings.load();
      diagnostics.revalidateAll();
      await indexer.indexFolders();
    }),
  );

  connection.onDidChangeConfiguration((change) =>
    inBackground('Reading settings', async () => {
      if (settings.configurationSupport) await settings.load();
      else settings.apply((change.settings as { berth?: unknown } | undefined)?.berth);
      diagnostics.revalidateAll();
    }),
  );

  onNotification(connection, DOCKER_EXTENSION_NOTIFICATION, (params) => {
    const installed = params?.installed === true;
    if (installed === settings.dockerExtensionInstalled) return;
    settings.dockerExtensionInstalled = installed;
    diagnostics.revalidateAll();
  });

  connection.onNotification('workspace/didChangeWorkspaceFolders', (params: { event: { added: { uri: string }[]; removed: { uri: string }[] } }) => {
    const paths = (list: { uri: string }[]) => list.map((f) => f.uri).filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
    inBackground('Indexing', () => indexer.foldersChanged(paths(params.event.added), paths(params.event.removed)));
  });

  connection.onDidChangeWatchedFiles((params) => inBackground('Re-reading changed files', () => indexer.watchedFilesChanged(params.changes)));

  /** Parse now (cheap, and it keeps the index current for other documents); lint after the debounce. */
  const documentChanged = (uri: string): void => {
    const doc = documents.get(uri);
    if (!doc) return;
    try {
      cache.analysisOf(doc);
    } catch (error) {
      connection.console.error(`Parse failed for ${uri}: ${(error as Error).stack ?? error}`);
    }
    diagnostics.documentChanged(uri);
  };
  documents.onDidChangeContent((event) => {
    const { uri, languageId } = event.document;
    // The first Terraform file loads the grammar; it (and every edit meanwhile) is parsed when that is done.
    const waiting = cache.whenReady(uri, languageId);
    if (waiting) void waiting.then(() => documentChanged(uri));
    else documentChanged(uri);
  });

  documents.onDidOpen((event) => diagnostics.documentOpened(event.document.uri));

  documents.onDidClose((event) => {
    cache.delete(event.document.uri);
    diagnostics.documentClosed(event.document.uri);
  });

  diagnostics.listen();

  connection.onHover((params) =>
    withDocument(params.textDocument.uri, 'Hover', null, (doc): Hover | null => {
      const { prepared } = cache.analysisOf(doc);
      const hover = hoverAt(prepared, doc.offsetAt(params.position), { genericFeatures: settings.genericFeatures(doc.uri) });
      return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: toRange(prepared.lines, hover.span) } : null;
    }),
  );

  // Go to definition: a service's taskDefinition → the task definition; a containerName → the container.
  connection.onDefinition((params) =>
    withDocument(params.textDocument.uri, 'Definition', null, (doc): Definition | null => {
      const { prepared } = cache.analysisOf(doc);
      const target = ecsDefinitionAt(prepared, doc.offsetAt(params.position), index);
      const lines = target && cache.linesOf(target.uri);
      return target && lines ? { uri: target.uri, range: toRange(lines, target.span) } : null;
    }),
  );

  connection.onCompletion((params) =>
    withDocument(params.textDocument.uri, 'Completion', [], (doc): CompletionItem[] => {
      const { prepared } = cache.analysisOf(doc);
      const entries = completionsAt(prepared, doc.offsetAt(params.position), { workspace: index, genericFeatures: settings.genericFeatures(doc.uri) });
      return entries.map((entry) => ({
        label: entry.label,
        kind: entry.kind === 'property' ? CompletionItemKind.Property : entry.kind === 'keyword' ? CompletionItemKind.Keyword : CompletionItemKind.EnumMember,
        detail: entry.detail,
        documentation: entry.documentation ? { kind: MarkupKind.Markdown, value: entry.documentation } : undefined,
        sortText: entry.sortText,
        tags: entry.deprecated ? [1] : undefined,
        filterText: entry.filterText,
        textEdit: { range: toRange(prepared.lines, entry.span), newText: entry.insertText },
        additionalTextEdits: entry.additionalEdits?.map((edit) => ({ range: toRange(prepared.lines, edit.span), newText: edit.newText })),
      }));
    }),
  );

  connection.onCodeAction((params) =>
    withDocument(params.textDocument.uri, 'Code actions', [], (doc): CodeAction[] => {
      const { entry, findings } = cache.findingsOf(doc);
      return codeActions(params, { uri: doc.uri, lines: entry.prepared.lines, findings, clientCommands, generated: isGenerated(entry.prepared) });
    }),
  );

  connection.languages.semanticTokens.on((params) =>
    withDocument(params.textDocument.uri, 'Semantic tokens', { data: [] }, (doc) => {
      if (!COLOURED_LANGUAGE_IDS.has(doc.languageId)) return { data: [] };
      const text = doc.getText();
      // An edited document's kept tree saves a whole parse (~65 ms at 10k lines).
      const tokens = terraformTokens(text, cache.syntaxTreeOf(doc));
      return tokens ? encodeTokens(text, tokens) : { data: [] };
    }),
  );

  onRequest(connection, CONCEPTS_REQUEST, () => conceptSummaries());
  onRequest(connection, CONCEPT_REQUEST, (params) => conceptArticle(String(params?.id)) ?? null);
  onRequest(connection, RULE_DOC_REQUEST, (params) => ruleArticle(String(params?.id)) ?? null);
  onRequest(connection, DOCUMENT_KIND_REQUEST, async (params) => {
    if (typeof params?.uri !== 'string') return { kind: null };
    return { kind: await withDocument(params.uri, 'Document kind', null, (doc) => cache.analysisOf(doc).prepared.kind ?? null) };
  });

  documents.listen(connection);
  connection.listen();
}
