/**
 * berth.problems.scope `workspace`: the findings of files that are not open reach the client (pushed, also to a
 * client that pulls the open documents'), follow edits of the files they depend on, give way to an opened
 * document's own, come back when it is closed, and go when the setting is turned off.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { messageOf, startClient, type TestClient } from '../helpers/lspClient';

const FOLDER = join(__dirname, '../fixtures/workspace-problems');
const uriOf = (name: string) => pathToFileURL(join(FOLDER, name)).toString();
const TASK = uriOf('task.json');
const SERVICE = uriOf('service.json');
const TASK_TEXT = readFileSync(join(FOLDER, 'task.json'), 'utf8');
const SERVICE_TEXT = readFileSync(join(FOLDER, 'service.json'), 'utf8');
const HOST_PORT_RULE = 'ecs/no-static-host-port-behind-load-balancer';

/** Where `"hostPort": 8080` of the task puts its 8080 (line 11 of the file). */
const HOST_PORT_RANGE = (() => {
  const lines = TASK_TEXT.split('\n');
  const line = lines.findIndex((l) => l.includes('"hostPort": 8080'));
  const character = lines[line]!.indexOf('8080', lines[line]!.indexOf('hostPort'));
  return { start: { line, character }, end: { line, character: character + 4 } };
})();

/** The finding that needs the service in the other file: its message names the service's load balancer. */
const hasHostPort = (p: { diagnostics: Diagnostic[] }) => p.diagnostics.some((d) => d.code === HOST_PORT_RULE && messageOf(d.message).includes('service bridge-web puts it behind a load balancer'));
/** The uri's current diagnostics (its last publish) when they satisfy the predicate, else the next publish that does. */
function current(client: TestClient, uri: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
  const last = client.published.filter((p) => p.uri === uri).pop();
  return last && predicate(last) ? Promise.resolve(last) : client.nextDiagnostics(uri, predicate, 20000);
}

const settingsWith = (scope: string) => ({ problems: { scope }, validation: { debounceMs: 0 }, exclude: ['excluded-task.json'] });

describe('berth.problems.scope workspace, a client that takes pushed diagnostics', () => {
  let client: TestClient;
  let scope = 'workspace';
  before(async () => {
    client = await startClient({ workspaceFolder: FOLDER, configuration: () => settingsWith(scope) });
  });
  after(() => client.stop());

  it('reports the closed files of the folder at exact ranges, not a non-AWS or an excluded file', async () => {
    const task = await current(client, TASK, hasHostPort);
    const finding = task.diagnostics.find((d) => d.code === HOST_PORT_RULE)!;
    assert.match(messageOf(finding.message), /service bridge-web puts it behind a load balancer/);
    assert.deepEqual(finding.range, HOST_PORT_RANGE);
    assert.equal(task.version, undefined, 'from the file on disk, not an open version');
    await current(client, SERVICE);
    assert.deepEqual(client.published.filter((p) => p.uri === uriOf('package.json') || p.uri === uriOf('excluded-task.json')), []);
  });

  it('an edit of an open file re-checks the closed files that depend on it', async () => {
    await current(client, TASK, hasHostPort);
    const cleared = client.nextDiagnostics(TASK, (p) => !hasHostPort(p), 20000);
    const noLoadBalancer = SERVICE_TEXT.replace(/"loadBalancers": \[[\s\S]*?\n {2}\]/, '"loadBalancers": []');
    assert.notEqual(noLoadBalancer, SERVICE_TEXT);
    await client.open(SERVICE, 'json', noLoadBalancer);
    await cleared;
    const back = client.nextDiagnostics(TASK, hasHostPort, 20000);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: SERVICE, version: 2 }, contentChanges: [{ text: SERVICE_TEXT }] });
    await back;
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: SERVICE } });
  });

  it('an open file is reported as open (with its version), and from disk again once closed', async () => {
    const opened = client.nextDiagnostics(TASK, (p) => p.version === 1 && hasHostPort(p), 20000);
    await client.open(TASK, 'json', TASK_TEXT);
    await opened;
    const fromDisk = client.nextDiagnostics(TASK, (p) => p.version === undefined && hasHostPort(p), 20000);
    const count = client.published.length;
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: TASK } });
    await fromDisk;
    // Not cleared in between: the finding is still true.
    assert.ok(client.published.slice(count).filter((p) => p.uri === TASK).every(hasHostPort));
  });

  it('turning the setting off clears what it reported', async () => {
    const cleared = client.nextDiagnostics(TASK, (p: PublishDiagnosticsParams) => p.diagnostics.length === 0, 20000);
    scope = 'openFiles';
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await cleared;
    await current(client, SERVICE, (p) => p.diagnostics.length === 0);
  });
});

describe('berth.problems.scope workspace, a client that pulls the open documents\' diagnostics', () => {
  let client: TestClient;
  before(async () => {
    client = await startClient({ pull: true, workspaceFolder: FOLDER, configuration: () => settingsWith('workspace') });
  });
  after(() => client.stop());

  it('pushes the closed files; an opened one is cleared there and pulled instead; closed, it is pushed again', async () => {
    await current(client, TASK, hasHostPort);
    const cleared = client.nextDiagnostics(TASK, (p) => p.diagnostics.length === 0, 20000);
    await client.open(TASK, 'json', TASK_TEXT);
    await cleared;
    const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: TASK } })) as { items: Diagnostic[] };
    assert.deepEqual(report.items.find((d) => d.code === HOST_PORT_RULE)?.range, HOST_PORT_RANGE);
    const pushed = client.nextDiagnostics(TASK, hasHostPort, 20000);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: TASK } });
    await pushed;
  });
});

describe('berth.problems.scope by default', () => {
  let client: TestClient;
  before(async () => {
    client = await startClient({ workspaceFolder: FOLDER, configuration: () => ({ validation: { debounceMs: 0 } }) });
  });
  after(() => client.stop());

  it('reports only open files: a closed file gets nothing, and an opened one its findings', async () => {
    const opened = client.nextDiagnostics(SERVICE, (p) => p.version === 1, 20000);
    await client.open(SERVICE, 'json', SERVICE_TEXT);
    await opened;
    // The index is complete once the open task's cross-file finding appears.
    const task = client.nextDiagnostics(TASK, hasHostPort, 20000);
    await client.open(TASK, 'json', TASK_TEXT);
    await task;
    assert.deepEqual(client.published.filter((p) => p.version === undefined && p.diagnostics.length > 0), []);
  });
});
