/**
 * Protocol tests for the editor features added on top of diagnostics: the offline docs requests, the
 * "Explain" code action, and settings per workspace folder merged over .berthrc.yaml.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { CONCEPT_REQUEST, CONCEPTS_REQUEST, RULE_DOC_REQUEST, sendRequest } from '../../server/src/lsp/protocol';
import { startClient, type TestClient } from '../helpers/lspClient';

const TASK = `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "256",
  "memory": "4096",
  "containerDefinitions": [
    { "name": "app", "image": "nginx:1.27", "portMappings": [{ "containerPort": 80, "hostPort": 80 }] }
  ]
}`;
const FARGATE_RULE = 'ecs/fargate-valid-cpu-memory';
const READONLY_RULE = 'ecs/prefer-readonly-root-filesystem';

describe('language server: offline docs requests', () => {
  let client: TestClient;
  before(async () => {
    client = await startClient();
  });
  after(() => client.stop());

  it('lists the concepts with topics, and serves an article and a rule page', async () => {
    const list = await sendRequest(client.connection, CONCEPTS_REQUEST, {});
    assert.ok(list.length >= 25, `got ${list.length}`);
    assert.deepEqual(list.find((c) => c.id === 'network-modes')?.topic, 'ECS networking');

    const article = await sendRequest(client.connection, CONCEPT_REQUEST, { id: 'fargate-task-size' });
    assert.ok(article);
    assert.equal(article.title, 'Fargate task sizes');
    assert.match(article.markdown, /^# Fargate task sizes\n/);

    const page = await sendRequest(client.connection, RULE_DOC_REQUEST, { id: FARGATE_RULE });
    assert.ok(page);
    assert.match(page.markdown, /^# ecs\/fargate-valid-cpu-memory\n/);
    assert.ok(page.markdown.includes('**Concept:** [Fargate task sizes]'));

    assert.equal(await sendRequest(client.connection, RULE_DOC_REQUEST, { id: 'no/such-rule' }), null);
    assert.equal(await sendRequest(client.connection, CONCEPT_REQUEST, { id: 'no-such-concept' }), null);
  });
});

describe('language server: Explain code action', () => {
  const uri = 'file:///virtual/berth-explain/task.json';

  async function actionsFor(client: TestClient): Promise<CodeAction[]> {
    await client.open(uri, 'json', TASK);
    const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] };
    const d = report.items.find((x) => x.code === FARGATE_RULE)!;
    assert.ok(d);
    return (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d], only: ['quickfix'] },
    })) as CodeAction[];
  }

  it('offers "Explain" after the fix, running the client command with the concept id', async () => {
    const client = await startClient({ pull: true, initializationOptions: { clientCommands: ['berth.showConcept'] } });
    try {
      const actions = await actionsFor(client);
      assert.deepEqual(actions.map((a) => a.title), ['Set memory to 2048 MiB', 'Explain: Fargate task sizes']);
      assert.deepEqual(actions[1]!.command, { title: 'Explain: Fargate task sizes', command: 'berth.showConcept', arguments: ['fargate-task-size'] });
      assert.equal(actions[1]!.edit, undefined);
    } finally {
      await client.stop();
    }
  });

  it('offers no "Explain" to a client that has not said it can open articles', async () => {
    const client = await startClient({ pull: true });
    try {
      assert.deepEqual((await actionsFor(client)).map((a) => a.title), ['Set memory to 2048 MiB']);
    } finally {
      await client.stop();
    }
  });
});

describe('language server: settings per workspace folder over .berthrc.yaml', () => {
  let client: TestClient;
  const folderA = mkdtempSync(join(tmpdir(), 'berth-folder-a-'));
  const folderB = mkdtempSync(join(tmpdir(), 'berth-folder-b-'));
  const uriA = pathToFileURL(join(folderA, 'task.json')).toString();
  const uriB = pathToFileURL(join(folderB, 'task.json')).toString();
  const uriExcluded = pathToFileURL(join(folderA, 'generated', 'task.json')).toString();

  before(async () => {
    // Folder A: its .berthrc.yaml lowers the Fargate rule to a warning and excludes generated/.
    writeFileSync(join(folderA, '.berthrc.yaml'), `rules:\n  ${FARGATE_RULE}: warning\nexclude:\n  - generated/**\n`);
    // Folder B: berth.configFile names config/berth.yaml, which switches the read-only rule off and sets the
    // Fargate rule to off; the folder's editor setting (info) wins over the file for that rule.
    mkdirSync(join(folderB, 'config'));
    writeFileSync(join(folderB, 'config', 'berth.yaml'), `rules:\n  ${READONLY_RULE}: 'off'\n  ${FARGATE_RULE}: 'off'\n`);
    writeFileSync(join(folderB, '.berthrc.yaml'), `rules:\n  ${FARGATE_RULE}: error\n`);
    client = await startClient({
      workspaceFolder: folderA,
      configurationFor: (item) =>
        item.scopeUri === pathToFileURL(folderB).toString()
          ? { validation: { debounceMs: 0 }, configFile: 'config/berth.yaml', rules: { [FARGATE_RULE]: 'info' } }
          : { validation: { debounceMs: 0 } },
    });
    // A second folder arrives later, as when the user adds one to a multi-root workspace.
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
      event: { added: [{ uri: pathToFileURL(folderB).toString(), name: 'b' }], removed: [] },
    });
  });
  after(() => client.stop());

  const severityOf = (diagnostics: Diagnostic[], code: string) => diagnostics.find((d) => d.code === code)?.severity;

  it('folder A: its .berthrc.yaml severity applies', async () => {
    const waiting = client.nextDiagnostics(uriA, (p) => severityOf(p.diagnostics, FARGATE_RULE) === 2);
    await client.open(uriA, 'json', TASK);
    const published = await waiting;
    assert.equal(severityOf(published.diagnostics, READONLY_RULE), 3, 'other rules keep their default');
  });

  it('folder B: berth.configFile is read, and the folder editor setting wins over it', async () => {
    const waiting = client.nextDiagnostics(uriB, (p) => severityOf(p.diagnostics, FARGATE_RULE) === 3);
    await client.open(uriB, 'json', TASK);
    const published = await waiting;
    assert.equal(severityOf(published.diagnostics, READONLY_RULE), undefined, 'switched off by config/berth.yaml');
  });

  it('an excluded file of folder A gets no findings', async () => {
    const waiting = client.nextDiagnostics(uriExcluded);
    await client.open(uriExcluded, 'json', TASK);
    assert.deepEqual((await waiting).diagnostics, []);
  });
});
