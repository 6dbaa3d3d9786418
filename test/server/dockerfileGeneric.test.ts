/**
 * Protocol tests for berth.dockerfile.genericFeatures: with Microsoft's Docker extension reported by the client
 * (initializationOptions.dockerExtensionInstalled, then the berth/dockerExtension notification), Berth leaves
 * Dockerfile hover, completion and syntax diagnostics to it; without it, or with the setting `on`, Berth gives them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionItem, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { DOCKER_EXTENSION_NOTIFICATION, sendNotification } from '../../server/src/lsp/protocol';
import { startClient, type StartOptions, type TestClient } from '../helpers/lspClient';

const URI = 'file:///virtual/berth-generic/Dockerfile';
const TEXT = 'FROM alpine:3.20\nRUNN echo hi\nEXPOSE 8080\nCMD ["app"]\nRU';
const SYNTAX_RULE = 'dockerfile/valid-syntax';
const FROM_KEYWORD = { line: 0, character: 2 };
const EXPOSE_KEYWORD = { line: 2, character: 2 };
const END = { line: 4, character: 2 };

async function withClient(options: StartOptions, body: (client: TestClient) => Promise<void>): Promise<void> {
  const client = await startClient({ pull: true, ...options });
  try {
    await client.open(URI, 'dockerfile', TEXT);
    await body(client);
  } finally {
    await client.stop();
  }
}

async function codes(client: TestClient): Promise<string[]> {
  const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI } })) as { items: Diagnostic[] };
  return report.items.map((d) => String(d.code));
}

async function hover(client: TestClient, position: { line: number; character: number }): Promise<string | undefined> {
  const result = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position })) as Hover | null;
  return result ? (result.contents as MarkupContent).value : undefined;
}

async function completion(client: TestClient): Promise<CompletionItem[]> {
  return (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: URI }, position: END })) as CompletionItem[];
}

/** Asserts the generic features are all present, or all absent, while Berth's own rules and AWS hovers stay. */
async function assertGeneric(client: TestClient, on: boolean): Promise<void> {
  const found = await codes(client);
  assert.ok(found.includes('dockerfile/no-root-user'), `Berth's own rules always run: ${found}`);
  assert.equal(found.includes(SYNTAX_RULE), on, `syntax diagnostics ${on ? 'expected' : 'not expected'}: ${found}`);

  const fromDoc = await hover(client, FROM_KEYWORD);
  if (on) assert.match(fromDoc ?? '', /^Set the `baseImage` to use for subsequent instructions/);
  else assert.equal(fromDoc, undefined);

  // EXPOSE has an AWS hover: alone without generic features, after the instruction doc with them, in one hover.
  const exposeDoc = (await hover(client, EXPOSE_KEYWORD)) ?? '';
  assert.match(exposeDoc, /ECS ignores `EXPOSE`/);
  if (on) {
    assert.match(exposeDoc, /^Define the network `port`s that this container will listen on at runtime\.[\s\S]*\n\n---\n\nECS ignores `EXPOSE`/);
  } else {
    assert.match(exposeDoc, /^ECS ignores `EXPOSE`/);
  }

  const items = await completion(client);
  if (on) {
    const run = items.find((i) => i.label === 'RUN');
    assert.ok(run, `RUN among ${items.map((i) => i.label)}`);
    assert.equal(run.kind, 14 /* Keyword */);
    assert.deepEqual(run.textEdit, { range: { start: { line: 4, character: 0 }, end: END }, newText: 'RUN' });
    assert.match((run.documentation as MarkupContent).value, /Execute any commands on top of the current image/);
  } else {
    assert.deepEqual(items, []);
  }
}

describe('language server: Dockerfile generic features (berth.dockerfile.genericFeatures)', () => {
  it('auto, a client without the Docker extension option (any LSP editor): on', async () => {
    await withClient({}, (client) => assertGeneric(client, true));
  });

  it('auto, the client reports the Docker extension: off', async () => {
    await withClient({ initializationOptions: { dockerExtensionInstalled: true } }, (client) => assertGeneric(client, false));
  });

  it('auto, the client reports no Docker extension: on', async () => {
    await withClient({ initializationOptions: { dockerExtensionInstalled: false } }, (client) => assertGeneric(client, true));
  });

  it('on: even with the Docker extension', async () => {
    await withClient({ initializationOptions: { dockerExtensionInstalled: true }, settings: { dockerfile: { genericFeatures: 'on' } } }, (client) => assertGeneric(client, true));
  });

  it('off: even without the Docker extension', async () => {
    await withClient({ settings: { dockerfile: { genericFeatures: 'off' } } }, (client) => assertGeneric(client, false));
  });

  it('auto follows berth/dockerExtension when the extension is installed or removed', async () => {
    await withClient({ initializationOptions: { dockerExtensionInstalled: false } }, async (client) => {
      assert.ok((await codes(client)).includes(SYNTAX_RULE));
      await sendNotification(client.connection, DOCKER_EXTENSION_NOTIFICATION, { installed: true });
      await assertGeneric(client, false);
      await sendNotification(client.connection, DOCKER_EXTENSION_NOTIFICATION, { installed: false });
      await assertGeneric(client, true);
    });
  });

  it('push diagnostics follow the notification too', async () => {
    const client = await startClient({ settings: { validation: { debounceMs: 0 } } });
    try {
      const hasSyntax = (p: { diagnostics: Diagnostic[] }) => p.diagnostics.some((d) => d.code === SYNTAX_RULE);
      const first = client.nextDiagnostics(URI, hasSyntax);
      await client.open(URI, 'dockerfile', TEXT);
      const syntax = (await first).diagnostics.find((d) => d.code === SYNTAX_RULE)!;
      assert.deepEqual(syntax.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } });
      assert.equal(syntax.severity, 1);
      const cleared = client.nextDiagnostics(URI, (p) => !hasSyntax(p) && p.diagnostics.length > 0);
      await sendNotification(client.connection, DOCKER_EXTENSION_NOTIFICATION, { installed: true });
      await cleared;
    } finally {
      await client.stop();
    }
  });
});
