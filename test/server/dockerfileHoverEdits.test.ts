/**
 * The generic Dockerfile hover is answered from the document's own parse (core/features/dockerfileGeneric.ts),
 * which the server caches per document version: after an edit, hover must describe the edited text.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { startClient, type TestClient } from '../helpers/lspClient';

const URI = 'file:///virtual/berth-hover-edits/Dockerfile';
const KEYWORD = { line: 1, character: 2 };

describe('language server over stdio: Dockerfile hover after edits', () => {
  let client: TestClient;
  before(async () => {
    client = await startClient({ pull: true });
  });
  after(async () => {
    await client.stop();
  });

  const hover = async (): Promise<string> => {
    const result = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: KEYWORD })) as Hover | null;
    return result ? (result.contents as MarkupContent).value : '';
  };
  const replaceLine1 = (version: number, from: string, to: string) =>
    client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version },
      contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: from.length } }, text: to }],
    });

  it('describes the instruction of the current version, generic doc and AWS note alike', async () => {
    await client.open(URI, 'dockerfile', 'FROM node:20\nEXPOSE 8080\nCMD ["node", "app.js"]\n');
    const first = await hover();
    assert.match(first, /^Define the network `port`s/);
    assert.match(first, /ECS ignores `EXPOSE`/);
    assert.equal(await hover(), first, 'the same version answers the same');

    await replaceLine1(2, 'EXPOSE 8080', 'USER 1000');
    const second = await hover();
    assert.doesNotMatch(second, /network `port`|ECS ignores/);
    assert.match(second, /readonlyRootFilesystem/);

    await replaceLine1(3, 'USER 1000', 'RUNN 1000');
    assert.equal(await hover(), '', 'an unknown instruction has no hover');

    await replaceLine1(4, 'RUNN 1000', 'EXPOSE 9090');
    assert.match(await hover(), /^Define the network `port`s[\s\S]*ECS ignores `EXPOSE`/);
  });
});
