import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type ErrorHandler, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CONFIG_FILE_GLOB } from '../../server/src/core/config/fileNames';
import { DOCKER_EXTENSION_NOTIFICATION, sendNotification, type InitializationOptions } from '../../server/src/lsp/protocol';
import { DOC_COMMANDS, SHOW_CONCEPT, offlineLink, rewriteMarkdownLinks } from './docLinks';

/**
 * Terraform: `terraform` (.tf) and `terraform-vars` (.tfvars) are the ids HashiCorp's extension uses, and Berth
 * contributes the same ids (package.json, without a grammar), so a .tf file is `terraform` with or without it
 * (`opentofu`/`opentofu-vars` with the OpenTofu extension, which Berth reads alike; `.tofu` is `terraform` without it);
 * `hcl` is what HCL extensions give .hcl files (the server reads only Terraform's names among them). `.tf.json`
 * files are `json`. A JSON template read with templatefile() (`containers.json.tpl`) has no language of its own.
 */
export const DOCUMENT_SELECTOR = [
  // CloudFormation's own extension: VS Code gives `stack.template` no language (plaintext); the server reads it
  // as JSON or YAML by its content (core/kinds/detect.ts formatOf).
  { scheme: 'file', pattern: '**/*.template' },
  { scheme: 'file', language: 'json' },
  { scheme: 'file', language: 'jsonc' },
  { scheme: 'file', language: 'yaml' },
  { scheme: 'file', language: 'dockerfile' },
  { scheme: 'file', language: 'terraform' },
  { scheme: 'file', language: 'terraform-vars' },
  { scheme: 'file', language: 'opentofu' },
  { scheme: 'file', language: 'opentofu-vars' },
  { scheme: 'file', language: 'hcl' },
  { scheme: 'file', pattern: '**/*.json.{tpl,tftpl}' },
  { scheme: 'untitled', language: 'json' },
  { scheme: 'untitled', language: 'yaml' },
  { scheme: 'untitled', language: 'dockerfile' },
  { scheme: 'untitled', language: 'terraform' },
  { scheme: 'untitled', language: 'opentofu' },
];

/**
 * Microsoft's Docker (now Container Tools) extension gives Dockerfile hover, completion and syntax diagnostics;
 * with `berth.dockerfile.genericFeatures: auto` the server leaves those to it (DOCKER_EXTENSION_NOTIFICATION).
 */
export const DOCKER_EXTENSION_IDS = ['ms-azuretools.vscode-docker', 'ms-azuretools.vscode-containers'];

export function dockerExtensionInstalled(): boolean {
  return DOCKER_EXTENSION_IDS.some((id) => vscode.extensions.getExtension(id) !== undefined);
}

/**
 * Whether an installed extension colours Terraform (HashiCorp's, or any other with a grammar for `terraform`):
 * without one, Berth's server colours .tf files (InitializationOptions.terraformSemanticTokens), never both.
 */
export function terraformGrammarInstalled(): boolean {
  return vscode.extensions.all.some((extension) => {
    const grammars = (extension.packageJSON as { contributes?: { grammars?: { language?: string }[] } } | undefined)?.contributes?.grammars;
    return Array.isArray(grammars) && grammars.some((grammar) => grammar.language === 'terraform');
  });
}

/** Markdown from the server whose Berth doc links open the bundled docs (only Berth's doc commands run). */
function trusted(value: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(rewriteMarkdownLinks(value));
  md.isTrusted = { enabledCommands: [...DOC_COMMANDS] };
  return md;
}

function withOfflineLinks(diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
  for (const d of diagnostics) {
    if (d.source !== 'berth' || typeof d.code !== 'object' || d.code === null) continue;
    const link = offlineLink(d.code.target.toString(true));
    if (link) d.code = { value: d.code.value, target: vscode.Uri.parse(link) };
  }
  return diagnostics;
}

/**
 * Node flags for the server process. V8 lets the young generation grow to 16 MB per semi-space (32 MB of
 * RSS) under the parse-heavy load of a language server; capped at 2 MB, 20 open 1k-line templates take ~10 MB
 * less (JSON ~90 → ~80 MB, YAML ~119 → ~112 MB; the 4 MB cap used before: ~83 / ~116 MB) with no measurable
 * change in CPU per edit at 1k-50k lines (a 1 MB cap costs a few per cent at 10k+ lines; see ARCHITECTURE.md,
 * "Where the time goes"). bench/lib/servers.mjs starts the server with the same flags.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=2'] as const;

/**
 * Environment for the server process. glibc raises its mmap threshold after a large block is freed (at start-up,
 * up to the size of the bundle's source), and then keeps later large blocks in the heap, where what stays
 * allocated above them pins the rest: the server held ~10 MB it was not using before any file was open (65 vs
 * 55 MB, release build). Fixed at glibc's default of 128 KB, large blocks are mapped and returned when freed;
 * no measurable change in CPU per edit at 1k-50k lines (interleaved bench runs, 2026-12-07). Other C libraries
 * ignore the variable. bench/lib/servers.mjs starts the server with the same environment.
 */
export const SERVER_ENV = { MALLOC_MMAP_THRESHOLD_: '131072' } as const;

/** vscode-languageclient's own policy: at most this many restarts within the window, then give up. */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/**
 * A server that dies is started again, at most MAX_RESTARTS times in RESTART_WINDOW_MS, as with the library's
 * default handler. Unlike it, errors writing to the closing channel never stop the client: with pulls for every
 * open tab in flight, a crash could cause more than three of them, and the default handler then shut the client
 * down instead of restarting the server. The close event that follows decides.
 */
export function restartingErrorHandler(): ErrorHandler {
  const restarts: number[] = [];
  return {
    error: () => ({ action: ErrorAction.Continue }),
    closed: () => {
      const now = Date.now();
      restarts.push(now);
      while (restarts.length > 0 && now - restarts[0]! > RESTART_WINDOW_MS) restarts.shift();
      if (restarts.length <= MAX_RESTARTS) return { action: CloseAction.Restart };
      return {
        action: CloseAction.DoNotRestart,
        message: `The Berth language server stopped ${restarts.length} times in ${RESTART_WINDOW_MS / 60000} minutes and will not be restarted. The Berth output has the details; reload the window to start it again.`,
      };
    },
  };
}

/** The server runs in a separate Node process (module transport over IPC); the client only wires VS Code. */
export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const env = { ...process.env, ...SERVER_ENV };
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS], env } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6019'], env } },
  };
  const watchers = [
    vscode.workspace.createFileSystemWatcher('**/*.{json,yaml,yml}'),
    // Terraform modules, and the JSON templates they read with templatefile().
    vscode.workspace.createFileSystemWatcher('**/*.{tf,tofu,tfvars,tpl,tftpl}'),
    vscode.workspace.createFileSystemWatcher('**/{Dockerfile,Dockerfile.*,*.Dockerfile,Containerfile}'),
    vscode.workspace.createFileSystemWatcher(CONFIG_FILE_GLOB),
  ];
  context.subscriptions.push(...watchers);
  let docker = dockerExtensionInstalled();
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { configurationSection: 'berth', fileEvents: watchers },
    outputChannel: output,
    errorHandler: restartingErrorHandler(),
    diagnosticCollectionName: 'berth',
    // Cross-file findings change when another file does: re-pull for every open tab, not only the visible editor.
    diagnosticPullOptions: { onChange: true, onSave: true, onTabs: true },
    // The server offers "Explain" code actions only to clients that can open an article.
    // A function, so that each (re)start reports the Docker extension as it is then.
    initializationOptions: (): InitializationOptions => {
      docker = dockerExtensionInstalled();
      // VS Code's JSON language features report JSON syntax errors unless json.validate.enable is off.
      const editorReportsJsonSyntax = vscode.workspace.getConfiguration('json').get<boolean>('validate.enable', true);
      return { clientCommands: [SHOW_CONCEPT], dockerExtensionInstalled: docker, editorReportsJsonSyntax, terraformSemanticTokens: !terraformGrammarInstalled() };
    },
    markdown: { isTrusted: { enabledCommands: [...DOC_COMMANDS] }, supportHtml: false },
    middleware: {
      // The rule link of every diagnostic opens the bundled rule page inside VS Code (works offline),
      // whether diagnostics are pushed or pulled.
      handleDiagnostics(uri, diagnostics, next) {
        next(uri, withOfflineLinks(diagnostics));
      },
      async provideDiagnostics(document, previousResultId, token, next) {
        const report = await next(document, previousResultId, token);
        // A pull the client cancelled (the document changed again, or another pull for it started) comes back as
        // an empty report, which the library would show, clearing the findings until the next pull answers: the
        // flicker of vscode-languageserver-node #1471/#1799. Thrown as a cancellation, it keeps the findings shown
        // and the library pulls again.
        if (token.isCancellationRequested) throw new vscode.CancellationError();
        if (report && report.kind === 'full') withOfflineLinks(report.items);
        return report;
      },
      // "Read more" in a hover opens the bundled concept article.
      async provideHover(document, position, token, next) {
        const hover = await next(document, position, token);
        if (!hover) return hover;
        const contents = hover.contents.map((c) => (c instanceof vscode.MarkdownString ? trusted(c.value) : c));
        return new vscode.Hover(contents, hover.range);
      },
    },
  };
  const client = new LanguageClient('berth', 'Berth', serverOptions, clientOptions);
  // Installing or removing the Docker extension switches `auto` without a restart.
  context.subscriptions.push(
    vscode.extensions.onDidChange(() => {
      const now = dockerExtensionInstalled();
      if (now === docker) return;
      docker = now;
      if (client.isRunning()) void sendNotification(client, DOCKER_EXTENSION_NOTIFICATION, { installed: now });
    }),
  );
  return client;
}
