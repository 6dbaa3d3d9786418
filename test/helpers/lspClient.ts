/**
 * A real LSP client over stdio for protocol tests: spawns `node dist/server.js --stdio` and speaks
 * JSON-RPC through vscode-languageserver-protocol. Waits are on messages, never on fixed sleeps.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type ProtocolConnection,
  type InitializeResult,
  type PublishDiagnosticsParams,
  type ServerCapabilities,
} from 'vscode-languageserver-protocol/node';

export const SERVER_JS = path.resolve(__dirname, '../../dist/server.js');

export interface TestClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  readonly published: PublishDiagnosticsParams[];
  /** What the server answered to initialize. */
  readonly capabilities: ServerCapabilities;
  /** Resolves with the next publish for the uri that satisfies the predicate (or rejects after timeoutMs). */
  nextDiagnostics(uri: string, predicate?: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  open(uri: string, languageId: string, text: string, version?: number): Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly pull?: boolean;
  readonly settings?: unknown;
  readonly workspaceFolder?: string;
  /** Several workspace folders at start-up (instead of workspaceFolder). */
  readonly workspaceFolders?: readonly string[];
  /** Answers workspace/configuration with these settings. */
  readonly configuration?: () => unknown;
  /** Answers each workspace/configuration item (section, scopeUri) on its own; wins over `configuration`. */
  readonly configurationFor?: (item: { section?: string; scopeUri?: string }) => unknown;
  /** Extra initializationOptions (merged with `settings`). */
  readonly initializationOptions?: Record<string, unknown>;
  readonly env?: NodeJS.ProcessEnv;
  readonly nodeArgs?: readonly string[];
}

export async function startClient(options: StartOptions = {}): Promise<TestClient> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER_JS, '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: options.env ?? process.env,
  });
  child.stderr!.on('data', () => undefined);
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: { uri: string; predicate: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.push(params);
    for (const waiter of [...waiters]) {
      if (waiter.uri === params.uri && waiter.predicate(params)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    }
  });
  connection.onRequest('workspace/configuration', (params: { items: { section?: string; scopeUri?: string }[] }) =>
    params.items.map((item) =>
      options.configurationFor ? options.configurationFor(item) : options.configuration ? options.configuration() : (options.settings ?? {}),
    ),
  );
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();

  const capabilities: ClientCapabilities = {
    workspace: { configuration: options.configuration !== undefined || options.configurationFor !== undefined, diagnostics: { refreshSupport: true } },
    textDocument: {
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      completion: { completionItem: { snippetSupport: false } },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
      ...(options.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
    },
  };
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with code ${code} during start-up: ${stderr.slice(0, 2000)}`)));
  });
  exited.catch(() => undefined);
  const initialized = await Promise.race([exited, connection.sendRequest<InitializeResult>('initialize', {
    processId: process.pid,
    rootUri: options.workspaceFolder ? pathToFileURL(options.workspaceFolder).href : null,
    workspaceFolders: options.workspaceFolders
      ? options.workspaceFolders.map((f, i) => ({ uri: pathToFileURL(f).href, name: `ws${i}` }))
      : options.workspaceFolder
        ? [{ uri: pathToFileURL(options.workspaceFolder).href, name: 'ws' }]
        : null,
    capabilities,
    initializationOptions:
      options.settings !== undefined || options.initializationOptions
        ? { ...options.initializationOptions, ...(options.settings !== undefined ? { settings: options.settings } : {}) }
        : undefined,
  })]);
  await connection.sendNotification('initialized', {});

  return {
    connection,
    process: child,
    published,
    capabilities: initialized.capabilities,
    nextDiagnostics(uri, predicate = () => true, timeoutMs = 10000) {
      const already = published.filter((p) => p.uri === uri && predicate(p)).pop();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; got ${JSON.stringify(published.filter((p) => p.uri === uri))}`)), timeoutMs);
        const done = (p: PublishDiagnosticsParams) => {
          clearTimeout(timer);
          resolve(p);
        };
        if (already && predicate === undefined) done(already);
        else waiters.push({ uri, predicate, resolve: done });
      });
    },
    async open(uri, languageId, text, version = 1) {
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    },
    async stop() {
      try {
        await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await connection.sendNotification('exit');
      } catch {
        /* the process may already be gone */
      }
      connection.dispose();
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            child.kill('SIGKILL');
            resolve();
          }, 2000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
  };
}

export function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code));
}

/** LSP 3.18 allows markup in diagnostic messages; Berth sends plain strings. */
export function messageOf(message: string | { value: string } | undefined): string {
  return typeof message === 'string' ? message : (message?.value ?? '');
}
