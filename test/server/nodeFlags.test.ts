/**
 * The Node flags and environment the VS Code client starts the server with (SERVER_NODE_FLAGS, SERVER_ENV,
 * client/src/languageClient.ts): Node must accept them (a misspelt flag stops the server from starting at all),
 * and the bench measures the server with the same ones (bench/lib/servers.mjs).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { startClient } from '../helpers/lspClient';
import { serverEnv, serverNodeFlags } from '../helpers/serverFlags';

const ROOT = path.resolve(__dirname, '../..');

const clientFlags = serverNodeFlags;

describe('Node flags of the server process', () => {
  it('are accepted by Node, and the server starts and answers with them', async () => {
    const flags = clientFlags();
    assert.ok(flags.length > 0);
    const rejected = spawnSync(process.execPath, [...flags, '-e', '0'], { encoding: 'utf8', timeout: 20000 });
    assert.equal(rejected.status, 0, rejected.stderr);
    assert.deepEqual(serverEnv(), { MALLOC_MMAP_THRESHOLD_: '131072' });
    const client = await startClient({ nodeArgs: flags, env: { ...process.env, ...serverEnv() } });
    try {
      const uri = 'file:///virtual/berth-node-flags/Dockerfile';
      const published = client.nextDiagnostics(uri);
      await client.open(uri, 'dockerfile', 'FROM node:20\nRUN npm ci\n');
      assert.ok((await published).diagnostics.length > 0, 'the server lints with these flags');
    } finally {
      await client.stop();
    }
  });

  it('are the ones the bench starts the server with (flags and environment)', async () => {
    // By URL: the bench is plain JavaScript, outside the TypeScript project.
    const servers = pathToFileURL(path.join(ROOT, 'bench/lib/servers.mjs')).href;
    const { BERTH_NODE_FLAGS, BERTH_ENV, berthServer } = (await import(servers)) as { BERTH_NODE_FLAGS: string[]; BERTH_ENV: Record<string, string>; berthServer: (bin: string) => { nodeArgs: string[]; env: Record<string, string> } };
    assert.deepEqual(BERTH_NODE_FLAGS, clientFlags());
    assert.deepEqual(BERTH_ENV, serverEnv());
    assert.deepEqual(berthServer('bin').env, serverEnv());
  });
});
