/** Dockerfiles linked to where their image runs, through the real language server and its workspace index. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startClient, type TestClient } from '../helpers/lspClient';

const FIXTURES = join(__dirname, '../fixtures/crossfile');

describe('language server: Dockerfiles linked through the workspace index', () => {
  let client: TestClient;
  before(async () => {
    client = await startClient({ workspaceFolder: FIXTURES, settings: { validation: { debounceMs: 0 } } });
  });
  after(() => client.stop());

  const open = async (relative: string, expected: string[]) => {
    const file = join(FIXTURES, relative);
    const uri = pathToFileURL(file).toString();
    // The index is built in the background after start-up; the Dockerfile is re-checked when it is done.
    const waiting = client.nextDiagnostics(uri, (p) => expected.every((code) => p.diagnostics.some((d) => d.code === code)), 15000);
    await client.open(uri, 'dockerfile', readFileSync(file, 'utf8'));
    return (await waiting).diagnostics;
  };

  it('the Dockerfile beside a task definition is checked against its container', async () => {
    const diagnostics = await open('ecs/Dockerfile', ['dockerfile/valid-platform-architecture', 'dockerfile/valid-expose-port-mapping', 'dockerfile/no-ignored-healthcheck']);
    const arch = diagnostics.find((d) => d.code === 'dockerfile/valid-platform-architecture')!;
    assert.deepEqual(arch.range, { start: { line: 0, character: 16 }, end: { line: 0, character: 27 } });
    const expose = diagnostics.filter((d) => d.code === 'dockerfile/valid-expose-port-mapping');
    assert.ok(
      expose.some((d) => d.relatedInformation?.some((r) => r.location.uri.endsWith('/ecs/task-definition.json'))),
      'points at the task definition',
    );
  });

  it('the Dockerfile a SAM image function names is checked against the function', async () => {
    const diagnostics = await open('sam/app/Dockerfile', ['dockerfile/require-lambda-runtime-api']);
    const d = diagnostics.find((x) => x.code === 'dockerfile/require-lambda-runtime-api')!;
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range.start, { line: 4, character: 4 });
  });
});

describe('language server: a .berthrc.yaml deploy target links a Dockerfile in another folder', () => {
  let client: TestClient;
  const folder = join(__dirname, '../fixtures/crossfile-deploy');
  before(async () => {
    client = await startClient({ workspaceFolder: folder, configuration: () => ({ validation: { debounceMs: 0 } }) });
  });
  after(() => client.stop());

  it('checks the Dockerfile against the container the target names', async () => {
    const file = join(folder, 'app/Dockerfile');
    const uri = pathToFileURL(file).toString();
    const waiting = client.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'dockerfile/valid-platform-architecture'), 15000);
    await client.open(uri, 'dockerfile', readFileSync(file, 'utf8'));
    const d = (await waiting).diagnostics.find((x) => x.code === 'dockerfile/valid-platform-architecture')!;
    assert.deepEqual(d.range, { start: { line: 0, character: 16 }, end: { line: 0, character: 27 } });
    assert.ok(d.relatedInformation?.some((r) => r.location.uri.endsWith('/ecs/api.json')));
  });
});

describe('language server: workspace folders added and removed at run time', () => {
  let client: TestClient;
  const other = join(__dirname, '../fixtures/kinds');
  const folder = join(__dirname, '../fixtures/crossfile-deploy');
  before(async () => {
    client = await startClient({ workspaceFolder: other, configuration: () => ({ validation: { debounceMs: 0 } }) });
  });
  after(() => client.stop());

  const linked = (p: { diagnostics: { code?: unknown }[] }) => p.diagnostics.some((d) => d.code === 'dockerfile/valid-platform-architecture');
  const changeFolders = (added: string[], removed: string[]) =>
    client.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
      event: { added: added.map((f) => ({ uri: pathToFileURL(f).toString(), name: f })), removed: removed.map((f) => ({ uri: pathToFileURL(f).toString(), name: f })) },
    });

  it('indexes an added folder (its deploy target links the open Dockerfile) and forgets a removed one', async () => {
    const file = join(folder, 'app/Dockerfile');
    const uri = pathToFileURL(file).toString();
    const first = client.nextDiagnostics(uri, () => true, 15000);
    await client.open(uri, 'dockerfile', readFileSync(file, 'utf8'));
    assert.equal(linked(await first), false, 'outside the workspace, the Dockerfile is not linked to the task definition');

    const added = client.nextDiagnostics(uri, linked, 15000);
    await changeFolders([folder], []);
    const d = (await added).diagnostics.find((x) => x.code === 'dockerfile/valid-platform-architecture')!;
    assert.ok(d.relatedInformation?.some((r) => r.location.uri.endsWith('/ecs/api.json')));

    const removed = client.nextDiagnostics(uri, (p) => !linked(p), 15000);
    await changeFolders([], [folder]);
    assert.equal(linked(await removed), false);
  });
});
