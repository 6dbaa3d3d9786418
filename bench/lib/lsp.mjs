// An LSP client over stdio with vscode-languageserver-protocol, for Berth and its peers alike.
// Every spawned process is registered in CHILDREN and killed by killAll() (run.mjs calls it on exit,
// on failure and on signals). Every wait has a timeout.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

export const CHILDREN = new Set();

export function killAll() {
  for (const child of CHILDREN) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        child.kill('SIGKILL');
      } catch {
        /* already gone */
      }
    }
  }
  CHILDREN.clear();
}

/** Spawns a process and registers it for clean-up. */
export function spawnTracked(command, args, options = {}) {
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], ...options });
  CHILDREN.add(child);
  child.once('exit', () => CHILDREN.delete(child));
  return child;
}

const CLK_TCK = 100; // getconf CLK_TCK on Linux

/** CPU time (user + system, ms) a process has used so far, from /proc; NaN where /proc is missing. */
export function cpuMsOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
  } catch {
    return NaN;
  }
}

/** Resident set size in MB, from /proc. */
export function rssMbOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return NaN;
  }
}

export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

const BASE_CAPABILITIES = {
  workspace: { configuration: false, didChangeConfiguration: { dynamicRegistration: false }, workspaceFolders: true },
  textDocument: {
    synchronization: { didSave: false, dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
  },
};

/**
 * Starts a server and initializes it. Times: spawnToInitMs (spawn → initialize result).
 * options: { name, script, args, nodeArgs, env, cwd, pull, initializationOptions, workspaceFolder,
 *            configuration(section) → value, timeoutMs }
 */
export async function startSession(options) {
  const timeoutMs = options.timeoutMs ?? 30000;
  const t0 = performance.now();
  const child = spawnTracked(process.execPath, [...(options.nodeArgs ?? []), options.script, ...(options.args ?? ['--stdio'])], {
    cwd: options.cwd,
    env: { ...process.env, ...(options.env ?? {}) },
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    if (stderr.length < 20000) stderr += chunk.toString();
  });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = [];
  const logs = [];
  const logWaiters = [];
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const at = performance.now();
    for (const waiter of [...waiters]) {
      if (waiter.uri === params.uri && waiter.predicate(params)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve({ params, at });
      }
    }
  });
  const onLog = (params) => {
    logs.push(params.message);
    for (const waiter of [...logWaiters]) {
      if (waiter.regex.test(params.message)) {
        logWaiters.splice(logWaiters.indexOf(waiter), 1);
        waiter.resolve({ message: params.message, at: performance.now() });
      }
    }
  };
  connection.onNotification('window/logMessage', onLog);
  connection.onNotification('window/showMessage', onLog);
  connection.onNotification('telemetry/event', () => undefined);
  connection.onNotification('$/progress', () => undefined);
  connection.onRequest('workspace/configuration', (params) => params.items.map((item) => options.configuration?.(item.section) ?? null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('client/unregisterCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.onRequest('workspace/semanticTokens/refresh', () => null);
  connection.onRequest('window/showMessageRequest', () => null);
  connection.onUnhandledNotification(() => undefined);
  connection.onError(() => undefined);
  connection.listen();

  const exited = new Promise((_, reject) => {
    child.once('exit', (code, signal) => reject(new Error(`${options.name} exited (${code ?? signal}) during the session: ${stderr.slice(0, 1500)}`)));
  });
  exited.catch(() => undefined);
  const guard = (promise, what, ms = timeoutMs) => withTimeout(Promise.race([promise, exited]), ms, `${options.name}: ${what}`);

  const capabilities = structuredClone(BASE_CAPABILITIES);
  if (options.configuration) capabilities.workspace.configuration = true;
  if (options.pull) capabilities.textDocument.diagnostic = { dynamicRegistration: false, relatedDocumentSupport: false };
  const folderUri = options.workspaceFolder ? `file://${options.workspaceFolder}` : null;
  let initResult;
  try {
    initResult = await guard(
      connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: folderUri,
        workspaceFolders: folderUri ? [{ uri: folderUri, name: 'bench' }] : null,
        capabilities,
        initializationOptions: options.initializationOptions,
      }),
      'initialize',
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const spawnToInitMs = performance.now() - t0;
  await connection.sendNotification('initialized', {});

  const versions = new Map();
  const texts = new Map();

  const session = {
    name: options.name,
    child,
    connection,
    t0,
    spawnToInitMs,
    initResult,
    logs,
    get stderr() {
      return stderr;
    },
    text: (uri) => texts.get(uri),
    /** Registers now; resolves with { params, at } on the next matching publish. */
    nextPublish(uri, predicate = () => true, ms = timeoutMs) {
      let resolveFn;
      const promise = new Promise((resolve) => {
        resolveFn = resolve;
      });
      const waiter = { uri, predicate, resolve: resolveFn };
      waiters.push(waiter);
      return guard(promise, `diagnostics for ${uri}`, ms).finally(() => {
        const i = waiters.indexOf(waiter);
        if (i >= 0) waiters.splice(i, 1);
      });
    },
    nextLog(regex, ms = timeoutMs) {
      const existing = logs.find((m) => regex.test(m));
      if (existing) return Promise.resolve({ message: existing, at: performance.now() });
      return guard(new Promise((resolve) => logWaiters.push({ regex, resolve })), `log ${regex}`, ms);
    },
    async open(uri, languageId, text) {
      versions.set(uri, 1);
      texts.set(uri, text);
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    },
    /** Replaces [start, end) of the current text (offsets) by an incremental didChange; returns { version, sentAt }. */
    async change(uri, start, end, newText) {
      const text = texts.get(uri);
      const version = versions.get(uri) + 1;
      versions.set(uri, version);
      texts.set(uri, text.slice(0, start) + newText + text.slice(end));
      const params = {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: positionAt(text, start), end: positionAt(text, end) }, text: newText }],
      };
      const sentAt = performance.now();
      await connection.sendNotification('textDocument/didChange', params);
      return { version, sentAt };
    },
    pull(uri, ms = timeoutMs) {
      return guard(connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }), `pull ${uri}`, ms);
    },
    hover(uri, offset, ms = timeoutMs) {
      return guard(connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionAt(texts.get(uri), offset) }), `hover ${uri}`, ms);
    },
    completion(uri, offset, ms = timeoutMs) {
      return guard(
        connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: positionAt(texts.get(uri), offset), context: { triggerKind: 1 } }),
        `completion ${uri}`,
        ms,
      );
    },
    notify(method, params) {
      return connection.sendNotification(method, params);
    },
    rssMb: () => rssMbOf(child.pid),
    cpuMs: () => cpuMsOf(child.pid),
    /** shutdown + exit, then SIGKILL after 3 s. Resolves when the process is gone. */
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          await withTimeout(connection.sendRequest('shutdown'), 3000, 'shutdown');
          await connection.sendNotification('exit');
        } catch {
          /* killed below */
        }
        await new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => {
            child.kill('SIGKILL');
          }, 3000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      connection.dispose();
    },
  };
  return session;
}

/** Offset → LSP position (UTF-16 code units, which is what JS strings index). */
export function positionAt(text, offset) {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}
