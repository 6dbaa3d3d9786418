/** One spelling of a file URI (server/src/io/uri.ts), the key of the workspace index in the CLI and the server. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileUri, normalizeUri } from '../../server/src/io/uri';

describe('file URIs: one spelling', () => {
  it('VS Code\'s spelling and Node\'s name the same file with the same key', () => {
    const path = '/work/packages/@acme/web+api (v2)/task.json';
    const node = fileUri(path);
    assert.equal(node, 'file:///work/packages/@acme/web+api%20(v2)/task.json');
    assert.equal(normalizeUri('file:///work/packages/%40acme/web%2Bapi%20%28v2%29/task.json'), node);
    assert.equal(normalizeUri(node), node);
  });

  it('keeps a % that is part of the name, and leaves URIs that are not files as they are', () => {
    assert.equal(normalizeUri(fileUri('/work/50%off.json')), 'file:///work/50%25off.json');
    assert.equal(normalizeUri('untitled:Untitled-1'), 'untitled:Untitled-1');
    assert.equal(normalizeUri('file://server/share/x.json'), 'file://server/share/x.json', 'a host Node cannot turn into a path here stays as it is');
  });
});
