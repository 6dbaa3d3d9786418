/**
 * The seam between the VS Code client and the server: one protocol module both import, and a client bundle that
 * carries none of the server (read from dist/client.js.map, which `npm test` builds).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

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
