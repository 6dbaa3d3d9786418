/**
 * The seam between the VS Code client and the server: one protocol module both import, a client bundle that
 * carries none of the server (read from dist/client.js.map, which `npm test` builds), and file URIs made by
 * Node's URL functions, never by hand.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { startClient, type TestClient } from '../helpers/lspClient';

const ROOT = path.resolve(__dirname, '../..');

function bundleSources(bundle: string): string[] {
  const map = JSON.parse(readFileSync(path.join(ROOT, `${bundle}.map`), 'utf8')) as { sources: string[] };
  return map.sources.map((s) => path.relative(ROOT, path.resolve(path.dirname(path.join(ROOT, bundle)), s)).split(path.sep).join('/'));
}

describe('client bundle', () => {
  it('takes only pure modules from server/src: the core and lsp/protocol.ts, never the language server', () => {
    const sources = bundleSources('dist/client.js');
    assert.ok(sources.includes('client/src/extension.ts'), `dist/client.js.map lists ${sources.length} sources, none of them the client`);
    assert.ok(sources.includes('server/src/lsp/protocol.ts'), 'the client imports the shared protocol module');
    const fromServer = sources.filter((s) => s.startsWith('server/src/') && !s.startsWith('server/src/core/') && s !== 'server/src/lsp/protocol.ts');
    assert.deepEqual(fromServer, [], 'server code outside the core in dist/client.js');
    const serverLibraries = sources.filter((s) => /node_modules\/(vscode-languageserver|vscode-languageserver-textdocument|@aws-sdk|@smithy|ajv|dockerfile-[a-z-]+)\//.test(s));
    assert.deepEqual(serverLibraries, [], 'server libraries in dist/client.js');
  });
});

describe('language server: a workspace folder whose path has % and #', () => {
  const TASK = readFileSync(path.join(ROOT, 'test/fixtures/crossfile/ecs/task-definition.json'), 'utf8');
  // MAINTAINER: a finding of the Dockerfile's own (dockerfile/no-maintainer), so that every publish has one.
  const DOCKERFILE = `${readFileSync(path.join(ROOT, 'test/fixtures/crossfile/ecs/Dockerfile'), 'utf8')}MAINTAINER Jane <jane@example.com>\n`;
  // "100% #1": a % that starts no escape and a # that would begin a fragment in a URL written by hand.
  const folder = mkdtempSync(path.join(tmpdir(), 'berth 100% #1-'));
  let client: TestClient;
  before(async () => {
    // Each Dockerfile is linked to the task definition beside it (an arm64 image for an X86_64 task), unless the
    // .berthrc.yaml excludes that task definition from the workspace.
    for (const sub of ['api', 'legacy']) {
      mkdirSync(path.join(folder, sub));
      writeFileSync(path.join(folder, sub, 'task-definition.json'), TASK);
      writeFileSync(path.join(folder, sub, 'Dockerfile'), DOCKERFILE);
    }
    writeFileSync(path.join(folder, '.berthrc.yaml'), 'exclude:\n  - legacy/task-definition.json\n');
    client = await startClient({ workspaceFolder: folder, configuration: () => ({ validation: { debounceMs: 0 } }) });
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  const linked = (p: { diagnostics: Diagnostic[] }) => p.diagnostics.find((d) => d.code === 'dockerfile/valid-platform-architecture');

  it('indexes its files under their URIs and applies its .berthrc.yaml excludes while indexing', async () => {
    const api = pathToFileURL(path.join(folder, 'api', 'Dockerfile')).href;
    assert.match(api, /berth%20100%25%20%231-/);
    // Linked once indexing is done (the open documents are re-checked then).
    const indexed = client.nextDiagnostics(api, (p) => linked(p) !== undefined, 15000);
    await client.open(api, 'dockerfile', DOCKERFILE);
    const d = linked(await indexed)!;
    assert.deepEqual(d.range, { start: { line: 0, character: 16 }, end: { line: 0, character: 27 } });
    assert.deepEqual(d.relatedInformation?.map((r) => r.location.uri), [pathToFileURL(path.join(folder, 'api', 'task-definition.json')).href]);

    const legacy = pathToFileURL(path.join(folder, 'legacy', 'Dockerfile')).href;
    const published = client.nextDiagnostics(legacy, () => true, 15000);
    await client.open(legacy, 'dockerfile', DOCKERFILE);
    const codes = (await published).diagnostics.map((x) => x.code);
    assert.ok(codes.includes('dockerfile/no-maintainer'), `the Dockerfile itself is checked: ${codes.join(', ')}`);
    assert.equal(codes.includes('dockerfile/valid-platform-architecture'), false, `the excluded task definition was indexed: ${codes.join(', ')}`);
  });
});
