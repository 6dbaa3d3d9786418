import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { applyEdits } from '../../server/src/core/fix/fixAll';
import { codes, messageOf, startClient, type TestClient } from '../helpers/lspClient';

const URI = 'file:///virtual/berth-lsp-test/task.json';
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
const MEMORY_RANGE = { start: { line: 5, character: 12 }, end: { line: 5, character: 18 } };

function fargateDiagnostic(diagnostics: readonly Diagnostic[]): Diagnostic {
  const d = diagnostics.find((x) => x.code === 'ecs/fargate-valid-cpu-memory');
  assert.ok(d, `expected ecs/fargate-valid-cpu-memory among ${JSON.stringify(codes(diagnostics))}`);
  return d;
}

describe('language server over stdio: push diagnostics', () => {
  let client: TestClient;
  before(async () => {
    client = await startClient({ settings: { validation: { debounceMs: 0 } } });
  });
  after(() => client.stop());

  it('publishes a finding with code, docs link, source, range and data when a document opens', async () => {
    const waiting = client.nextDiagnostics(URI, (p) => p.diagnostics.length > 0);
    await client.open(URI, 'json', TASK);
    const published = await waiting;
    assert.equal(published.version, 1);
    const d = fargateDiagnostic(published.diagnostics);
    assert.deepEqual(d.range, MEMORY_RANGE);
    assert.equal(d.source, 'berth');
    assert.equal(d.severity, 1);
    assert.equal(d.codeDescription?.href, 'https://github.com/berth-tools/berth/blob/main/server/src/core/rules/ecs/fargate-valid-cpu-memory.md');
    assert.deepEqual((d.data as { ruleId: string }).ruleId, 'ecs/fargate-valid-cpu-memory');
    assert.match(messageOf(d.message), /^Fargate does not offer 4096 MiB of memory with 0.25 vCPU/);
  });

  it('re-publishes for the edited version after an incremental change', async () => {
    const waiting = client.nextDiagnostics(URI, (p) => p.version === 2);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: 5, character: 13 }, end: { line: 5, character: 17 } }, text: '2048' }],
    });
    const published = await waiting;
    assert.deepEqual(codes(published.diagnostics).filter((c) => c === 'ecs/fargate-valid-cpu-memory'), []);
  });

  it('answers hover with the schema documentation of the key under the cursor', async () => {
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: URI },
      position: { line: 7, character: TASK.split('\n')[7]!.indexOf('"hostPort"') + 2 },
    })) as Hover | null;
    assert.ok(hover, 'expected a hover on hostPort');
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /\*\*hostPort\*\*/);
    assert.match(value, /container instance/);
  });

  it('answers completion with property names and their docs', async () => {
    const items = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: URI },
      position: { line: 1, character: 2 },
    })) as { label: string; documentation?: { value: string } }[];
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('executionRoleArn'), `got ${labels.join(', ')}`);
    assert.ok(!labels.includes('family'), 'existing keys are not offered again');
  });

  it('completes a key after a typed quote with an edit over the whole quoted key, its filter text and a missing comma', async () => {
    const uri = 'file:///virtual/berth-lsp-test/quoted-ecs-task-def.json';
    await client.open(uri, 'json', '{\n  "containerDefinitions": [],\n  "family": "web"\n  ""\n}');
    const items = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 3 } })) as {
      label: string;
      filterText?: string;
      textEdit?: { range: unknown; newText: string };
      additionalTextEdits?: { range: unknown; newText: string }[];
    }[];
    const memory = items.find((i) => i.label === 'memory');
    assert.ok(memory, `got ${items.map((i) => i.label).join(', ')}`);
    assert.equal(memory.filterText, '"memory"');
    assert.deepEqual(memory.textEdit, { range: { start: { line: 3, character: 2 }, end: { line: 3, character: 4 } }, newText: '"memory": ' });
    assert.deepEqual(memory.additionalTextEdits, [{ range: { start: { line: 2, character: 17 }, end: { line: 2, character: 17 } }, newText: ',' }]);
  });

  it('sends no diagnostics for unrelated JSON', async () => {
    const uri = 'file:///virtual/berth-lsp-test/package.json';
    const waiting = client.nextDiagnostics(uri);
    await client.open(uri, 'json', '{"name": "x", "version": "1.0.0"}');
    assert.deepEqual((await waiting).diagnostics, []);
  });
});

describe('language server over stdio: pull diagnostics and code actions', () => {
  let client: TestClient;
  before(async () => {
    client = await startClient({ pull: true });
  });
  after(() => client.stop());

  it('answers textDocument/diagnostic, then fixes the finding with its quick fix', async () => {
    await client.open(URI, 'json', TASK);
    const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI } })) as { kind: string; items: Diagnostic[] };
    assert.equal(report.kind, 'full');
    const d = fargateDiagnostic(report.items);
    assert.deepEqual(d.range, MEMORY_RANGE);

    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: d.range,
      context: { diagnostics: [d], only: ['quickfix'] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.title === 'Set memory to 2048 MiB');
    assert.ok(fix?.edit?.changes?.[URI], `expected the fix, got ${JSON.stringify(actions.map((a) => a.title))}`);
    const [edit] = fix.edit.changes[URI]!;
    assert.deepEqual(edit!.range, MEMORY_RANGE);
    assert.equal(edit!.newText, '"2048"');

    const fixed = TASK.replace('"4096"', '"2048"');
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: fixed }] });
    const after = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI } })) as { items: Diagnostic[] };
    assert.equal(after.items.find((x) => x.code === 'ecs/fargate-valid-cpu-memory'), undefined);
  });

  it('offers "fix all" as a source action', async () => {
    const uri = 'file:///virtual/berth-lsp-test/fixall.json';
    const text = TASK.replace('"family": "web",', '"family": "web", // comment');
    await client.open(uri, 'json', text);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    const all = actions.find((a) => a.kind === 'source.fixAll.berth');
    assert.ok(all, 'expected a fix-all action');
    const edits = all.edit!.changes![uri]!;
    const offsets = (pos: { line: number; character: number }) => text.split('\n').slice(0, pos.line).reduce((n, l) => n + l.length + 1, 0) + pos.character;
    const result = applyEdits(text, edits.map((e) => ({ span: { start: offsets(e.range.start), end: offsets(e.range.end) }, newText: e.newText })));
    assert.equal(result, TASK.replace('"4096"', '"2048"').replace('"family": "web",', '"family": "web", '));

    // Two fixable findings: fix all is also in the Ctrl+. menu of either, as a quick fix with the same edits.
    const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] };
    const d = fargateDiagnostic(report.items);
    const quick = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } })) as CodeAction[];
    const allQuick = quick.find((a) => a.title === 'Fix all Berth problems in this file');
    assert.equal(allQuick?.kind, 'quickfix', JSON.stringify(quick.map((a) => a.title)));
    assert.deepEqual(allQuick.edit, all.edit);
  });

  it('offers no fix-all quick fix for a single fixable finding', async () => {
    const uri = 'file:///virtual/berth-lsp-test/one-fix.json';
    await client.open(uri, 'json', TASK);
    const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] };
    const d = fargateDiagnostic(report.items);
    const quick = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } })) as CodeAction[];
    const fixes = quick.filter((a) => a.edit);
    assert.deepEqual(fixes.map((a) => a.title), ['Set memory to 2048 MiB']);
  });
});

describe('language server over stdio: configuration', () => {
  let client: TestClient;
  let severity = 'warning';
  before(async () => {
    client = await startClient({ configuration: () => ({ validation: { debounceMs: 0 }, rules: { 'ecs/fargate-valid-cpu-memory': severity } }) });
  });
  after(() => client.stop());

  it('applies berth.rules severities and re-validates on workspace/didChangeConfiguration', async () => {
    const uri = 'file:///virtual/berth-lsp-test/config.json';
    const first = client.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'ecs/fargate-valid-cpu-memory' && d.severity === 2));
    await client.open(uri, 'json', TASK);
    await first;
    severity = 'off';
    const second = client.nextDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'ecs/fargate-valid-cpu-memory'));
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await second;
  });
});

describe('language server over stdio: cross-file findings', () => {
  let client: TestClient;
  before(async () => {
    client = await startClient({ settings: { validation: { debounceMs: 0 } } });
  });
  after(() => client.stop());

  const taskUri = 'file:///virtual/berth-lsp-cross/task-definition.json';
  const serviceUri = 'file:///virtual/berth-lsp-cross/service.json';
  const task = `{
  "family": "web",
  "containerDefinitions": [
    { "name": "web", "image": "nginx:1.27", "memory": 256, "portMappings": [{ "containerPort": 8080, "hostPort": 8080 }] }
  ]
}`;
  const service = (lb: string) => `{"cluster": "prod", "serviceName": "web", "taskDefinition": "web", "loadBalancers": [${lb}]}`;
  const lb = '{"targetGroupArn": "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/abc", "containerName": "web", "containerPort": 8080}';
  const headline = (p: { diagnostics: Diagnostic[] }) => p.diagnostics.find((d) => d.code === 'ecs/no-static-host-port-behind-load-balancer');

  it('re-checks the task definition when a service in another file puts it behind a load balancer, and when that changes', async () => {
    const alone = client.nextDiagnostics(taskUri, (p) => headline(p) !== undefined);
    await client.open(taskUri, 'json', task);
    const first = headline(await alone)!;
    assert.match(messageOf(first.message), /so each instance can run only one task that uses this port/);
    const hostPortLine = task.split('\n')[3]!;
    const column = hostPortLine.indexOf('"hostPort": 8080') + '"hostPort": '.length;
    assert.deepEqual(first.range, { start: { line: 3, character: column }, end: { line: 3, character: column + 4 } });

    const behind = client.nextDiagnostics(taskUri, (p) => /behind a load balancer/.test(messageOf(headline(p)?.message)));
    await client.open(serviceUri, 'json', service(lb));
    const second = headline(await behind)!;
    assert.equal(second.relatedInformation?.[0]?.location.uri, serviceUri);

    const removed = client.nextDiagnostics(taskUri, (p) => /only one task that uses this port/.test(messageOf(headline(p)?.message)));
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: serviceUri, version: 2 }, contentChanges: [{ text: service('') }] });
    await removed;
  });
});

describe('language server over stdio: hostile input', () => {
  let client: TestClient;
  before(async () => {
    client = await startClient({ settings: { validation: { debounceMs: 0 } } });
  });
  after(() => client.stop());

  it('answers an alias bomb, deep nesting and a huge file with one clear finding each, and keeps answering', async () => {
    let bomb = 'containerDefinitions: []\na: &a [x, x, x, x, x, x, x, x, x]\n';
    let previous = 'a';
    for (const name of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']) {
      bomb += `${name}: &${name} [*${previous}, *${previous}, *${previous}, *${previous}, *${previous}, *${previous}, *${previous}, *${previous}, *${previous}]\n`;
      previous = name;
    }
    const cases: [string, string, string, RegExp][] = [
      ['file:///virtual/berth-hostile/bomb.yaml', 'yaml', bomb, /alias bomb/],
      ['file:///virtual/berth-hostile/deep.json', 'json', `{"containerDefinitions": ${'['.repeat(20000)}${']'.repeat(20000)}}`, /nested deeper than 500 levels/],
      ['file:///virtual/berth-hostile/huge.json', 'json', `{"containerDefinitions": [], "x": "${'a'.repeat(6 * 1024 * 1024)}"}`, /^This file has 6 MB, over the 5 MB that Berth analyses/],
      ['file:///virtual/berth-hostile/broken.json', 'json', '{"containerDefinitions": [}', /^Invalid JSON/],
    ];
    for (const [uri, languageId, text, message] of cases) {
      const waiting = client.nextDiagnostics(uri);
      await client.open(uri, languageId, text);
      const published = await waiting;
      assert.equal(published.diagnostics.length, 1, `${uri}: ${JSON.stringify(codes(published.diagnostics))}`);
      assert.match(messageOf(published.diagnostics[0]!.message), message);
    }
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 0, character: 0 } });
    assert.equal(hover, null, 'the server still answers requests');
  });
});

describe('language server over stdio: go to definition', () => {
  let client: TestClient;
  before(async () => {
    client = await startClient({ settings: { validation: { debounceMs: 0 } } });
  });
  after(() => client.stop());

  it("jumps from a service's taskDefinition and containerName to the task definition in another file", async () => {
    const taskUri = 'file:///virtual/berth-lsp-definition/task-definition.json';
    const serviceUri = 'file:///virtual/berth-lsp-definition/service.json';
    const task = '{\n  "family": "web",\n  "containerDefinitions": [{ "name": "web", "image": "nginx:1.27", "memory": 256 }]\n}';
    const service = '{\n  "serviceName": "web",\n  "taskDefinition": "web:3",\n  "loadBalancers": [{ "containerName": "web", "containerPort": 80 }]\n}';
    const opened = client.nextDiagnostics(taskUri);
    await client.open(taskUri, 'json', task);
    await opened;
    await client.open(serviceUri, 'json', service);
    const family = { start: { line: 1, character: 12 }, end: { line: 1, character: 17 } };
    const toTask = (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: serviceUri }, position: { line: 2, character: 22 } })) as { uri: string; range: unknown };
    assert.deepEqual(toTask, { uri: taskUri, range: family });
    const nameColumn = task.split('\n')[2]!.indexOf('"web"');
    const toContainer = (await client.connection.sendRequest('textDocument/definition', {
      textDocument: { uri: serviceUri },
      position: { line: 3, character: service.split('\n')[3]!.indexOf('"web"') + 2 },
    })) as { uri: string; range: unknown };
    assert.deepEqual(toContainer, { uri: taskUri, range: { start: { line: 2, character: nameColumn }, end: { line: 2, character: nameColumn + 5 } } });
  });
});

describe('language server over stdio: cancellation', () => {
  let client: TestClient;
  before(async () => {
    client = await startClient({ pull: true });
  });
  after(() => client.stop());

  it('honours $/cancelRequest for analyses still waiting, and keeps answering', async () => {
    const uri = 'file:///virtual/berth-lsp-cancel/template.yaml';
    let text = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n';
    for (let i = 0; i < 400; i++) {
      text += `  Task${i}:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      RequiresCompatibilities: [FARGATE]\n      Cpu: 256\n      Memory: 4096\n      ContainerDefinitions:\n        - Name: app\n          Image: nginx:1.27\n`;
    }
    await client.open(uri, 'yaml', text);
    const { CancellationTokenSource } = await import('vscode-languageserver-protocol/node');
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, i) => {
        const source = new CancellationTokenSource();
        // Each request changes the document first, so none can be answered from the cache.
        void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [{ text: `${text}# edit ${i}\n` }] });
        const pending = client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }, source.token);
        if (i < 11) source.cancel();
        return pending.then(
          (report) => ((report as { items: unknown[] }).items.length > 0 ? 'answered' : 'empty'),
          (error: { code?: number }) => (error.code === -32800 ? 'cancelled' : `error ${error.code}`),
        );
      }),
    );
    assert.ok(outcomes.includes('cancelled'), `expected some cancelled requests, got ${outcomes.join(', ')}`);
    assert.equal(outcomes.at(-1), 'answered', 'the request nobody cancelled is answered');
    assert.ok(outcomes.every((o) => o === 'cancelled' || o === 'answered'), outcomes.join(', '));
    const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] };
    assert.equal(report.items.filter((d) => d.code === 'ecs/fargate-valid-cpu-memory').length, 400);
  });
});
