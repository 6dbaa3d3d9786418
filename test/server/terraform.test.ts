/**
 * Terraform through the real language server: the grammar (WASM) loads on the first Terraform file, opened or
 * indexed, and never in a JSON/YAML session; a Terraform file waits for it and is published once, with its real
 * findings (never a "parser not loaded" finding); a module's other files (opened, or changed on disk) re-check it.
 * A plan's findings are shown at the `.tf` blocks of its root and local modules.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startClient, type StartOptions, type TestClient } from '../helpers/lspClient';

const HOOKS: StartOptions['env'] = { ...process.env, BERTH_TEST_HOOKS: '1' };
const SETTINGS = { validation: { debounceMs: 0 } };

const MAIN_TF = `resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = var.memory
  container_definitions = jsonencode([{
    name  = "web"
    image = "nginx:1.27"
  }])
}
`;
const variables = (memory: number) => `variable "memory" {\n  default = ${memory}\n}\n`;

const TASK_JSON = JSON.stringify({ family: 'web', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '600', containerDefinitions: [{ name: 'web', image: 'nginx:1.27' }] }, null, 2);

async function grammarState(client: TestClient): Promise<string> {
  return ((await client.connection.sendRequest('berth/hclGrammar')) as { state: string }).state;
}

const fargate = (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.code === 'ecs/fargate-valid-cpu-memory');
const notLoaded = (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => /parser is not loaded/.test(String(d.message)));

describe('language server: a JSON/YAML session never loads the Terraform grammar', () => {
  let folder: string;
  let client: TestClient;
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'berth-tf-json-'));
    writeFileSync(join(folder, 'task.json'), TASK_JSON);
    writeFileSync(join(folder, 'template.yaml'), 'Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: nodejs12.x\n');
    client = await startClient({ workspaceFolder: folder, settings: SETTINGS, env: HOOKS });
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('indexing and checking JSON and YAML leaves the grammar unloaded', async () => {
    for (const [name, languageId] of [['task.json', 'json'], ['template.yaml', 'yaml']] as const) {
      const uri = pathToFileURL(join(folder, name)).href;
      const waiting = client.nextDiagnostics(uri, (p) => p.diagnostics.length > 0);
      await client.open(uri, languageId, name === 'task.json' ? TASK_JSON : 'Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: nodejs12.x\n');
      await waiting;
    }
    assert.equal(await grammarState(client), 'not-loaded');
  });
});

describe('language server: a Terraform module', () => {
  let folder: string;
  let client: TestClient;
  let mainUri: string;
  let variablesUri: string;
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'berth-tf-'));
    writeFileSync(join(folder, 'main.tf'), MAIN_TF);
    writeFileSync(join(folder, 'variables.tf'), variables(512));
    mainUri = pathToFileURL(join(folder, 'main.tf')).href;
    variablesUri = pathToFileURL(join(folder, 'variables.tf')).href;
    client = await startClient({ workspaceFolder: folder, settings: SETTINGS, env: HOOKS });
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('the first .tf file loads the grammar and is published without a "parser not loaded" finding', async () => {
    // Waited for from before the open: the publication may come before the hover's answer.
    const published = client.nextDiagnostics(mainUri, () => true);
    await client.open(mainUri, 'terraform', MAIN_TF);
    // Hover waits for the grammar like everything else for the file.
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: mainUri }, position: { line: 4, character: 3 } });
    assert.equal(await grammarState(client), 'loaded');
    await published;
    assert.deepEqual(client.published.filter((p) => p.uri === mainUri && notLoaded(p)), []);
  });

  it('editing variables.tf in the editor re-checks main.tf (the value, and its finding at the use)', async () => {
    const waiting = client.nextDiagnostics(mainUri, fargate);
    await client.open(variablesUri, 'terraform', variables(512));
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: variablesUri, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 12 }, end: { line: 1, character: 15 } }, text: '600' }],
    });
    const finding = (await waiting).diagnostics.find((d) => d.code === 'ecs/fargate-valid-cpu-memory')!;
    assert.deepEqual(finding.range, { start: { line: 5, character: 29 }, end: { line: 5, character: 39 } });
    assert.equal(finding.relatedInformation?.[0]?.location.uri, variablesUri);
    assert.deepEqual(finding.relatedInformation?.[0]?.location.range, { start: { line: 1, character: 12 }, end: { line: 1, character: 15 } });
    // Back to a valid size: the finding goes.
    const cleared = client.nextDiagnostics(mainUri, (p) => !fargate(p));
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: variablesUri, version: 3 },
      contentChanges: [{ range: { start: { line: 1, character: 12 }, end: { line: 1, character: 15 } }, text: '1024' }],
    });
    await cleared;
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: variablesUri } });
  });

  it('a .tfvars file changed on disk (watched) re-checks main.tf', async () => {
    const waiting = client.nextDiagnostics(mainUri, fargate);
    writeFileSync(join(folder, 'terraform.tfvars'), 'memory = 3000\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(folder, 'terraform.tfvars')).href, type: 1 }] });
    const finding = (await waiting).diagnostics.find((d) => d.code === 'ecs/fargate-valid-cpu-memory')!;
    assert.match(String(finding.message), /3000 MiB/);
    assert.ok(finding.relatedInformation?.[0]?.location.uri.endsWith('/terraform.tfvars'));
  });
});

describe('language server: a Terraform plan beside its configuration', () => {
  const fixture = join(__dirname, '..', 'fixtures', 'terraform-plan');
  const plan = readFileSync(join(fixture, 'plan.json'), 'utf8');
  let folder: string;
  let client: TestClient;
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'berth-tf-plan-'));
    mkdirSync(join(folder, 'modules', 'jobs'), { recursive: true });
    writeFileSync(join(folder, 'main.tf'), readFileSync(join(fixture, 'main.tf'), 'utf8'));
    writeFileSync(join(folder, 'modules', 'jobs', 'main.tf'), readFileSync(join(fixture, 'modules', 'jobs', 'main.tf'), 'utf8'));
    writeFileSync(join(folder, 'plan.json'), plan);
    client = await startClient({ workspaceFolder: folder, settings: SETTINGS, env: HOOKS });
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('main.tf and the module\'s main.tf show the plan\'s findings at their blocks, each problem once; the plan keeps none of them', async () => {
    const mainUri = pathToFileURL(join(folder, 'main.tf')).href;
    const jobsUri = pathToFileURL(join(folder, 'modules', 'jobs', 'main.tf')).href;
    const planUri = pathToFileURL(join(folder, 'plan.json')).href;
    // The plan is indexed in the background: main.tf is checked again when it is.
    const main = client.nextDiagnostics(mainUri, fargate);
    await client.open(mainUri, 'terraform', readFileSync(join(folder, 'main.tf'), 'utf8'));
    // (The zips do not exist: lambda/valid-package-size says so, beside the point here.)
    const diagnostics = (await main).diagnostics.filter((d) => d.code !== 'lambda/valid-package-size');
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line + 1, d.range.start.character + 1]),
      [
        ['ecs/fargate-valid-cpu-memory', 16, 30],
        ['ecs/prefer-readonly-root-filesystem', 19, 7],
        ['ecs/valid-target-type', 52, 24],
        ['lambda/no-deprecated-runtime', 61, 19],
      ],
    );
    const memory = diagnostics[0]!;
    assert.equal(memory.relatedInformation?.[0]?.location.uri, planUri);
    assert.equal(memory.relatedInformation?.[0]?.message, 'The planned value');
    const jobs = client.nextDiagnostics(jobsUri, (p) => p.diagnostics.length > 0);
    await client.open(jobsUri, 'terraform', readFileSync(join(folder, 'modules', 'jobs', 'main.tf'), 'utf8'));
    assert.deepEqual((await jobs).diagnostics.filter((d) => d.code !== 'lambda/valid-package-size').map((d) => [d.code, d.range]), [['lambda/valid-memory-size', { start: { line: 11, character: 18 }, end: { line: 11, character: 33 } }]]);
    const planned = client.nextDiagnostics(planUri, () => true);
    await client.open(planUri, 'json', plan);
    assert.deepEqual((await planned).diagnostics, []);
  });
});

describe('language server: a pulling client asks for a Terraform file before the grammar is there', () => {
  let folder: string;
  let client: TestClient;
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'berth-tf-pull-'));
    client = await startClient({ pull: true, settings: SETTINGS, env: HOOKS });
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('the pull waits for the grammar and answers with the findings', async () => {
    const uri = pathToFileURL(join(folder, 'main.tf')).href;
    const text = MAIN_TF.replace('var.memory', '600');
    await client.open(uri, 'terraform', text);
    const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: { code?: unknown; range: unknown; message: string }[] };
    assert.deepEqual(
      report.items.map((d) => [d.code, d.range]),
      [
        ['ecs/fargate-valid-cpu-memory', { start: { line: 5, character: 29 }, end: { line: 5, character: 32 } }],
        ['ecs/prefer-readonly-root-filesystem', { start: { line: 7, character: 4 }, end: { line: 7, character: 8 } }],
      ],
    );
  });
});

describe('language server: hover and completion in a Terraform file', () => {
  let folder: string;
  let client: TestClient;
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'berth-tf-features-'));
    client = await startClient({ settings: SETTINGS, env: HOOKS });
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('hover on an argument and inside jsonencode; completion of a container key in HCL syntax and of an argument value', async () => {
    const uri = pathToFileURL(join(folder, 'main.tf')).href;
    // Line 7 is `    name  = "web"`; a key is being typed on the line after it.
    const text = MAIN_TF.replace('var.memory', '512').replace('    image = "nginx:1.27"\n', '    image = "nginx:1.27"\n    ess\n');
    await client.open(uri, 'terraform', text);
    // The first request may come before the grammar: it waits for it.
    const onArgument = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 5 } })) as { contents: { value: string }; range: unknown };
    assert.match(onArgument.contents.value, /^\*\*network_mode\*\* \(`networkMode` in the ECS API\)/);
    assert.deepEqual(onArgument.range, { start: { line: 3, character: 2 }, end: { line: 3, character: 14 } });
    const inJson = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 8, character: 6 } })) as { contents: { value: string } };
    assert.match(inJson.contents.value, /^\*\*image\*\*\n\n\*\*Berth: Image tags[\s\S]*\n---\n\*\*AWS:\*\* The image used to start a container/);

    const keys = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 9, character: 7 } })) as { label: string; textEdit?: { newText: string; range: unknown } }[];
    const essential = keys.find((i) => i.label === 'essential');
    assert.deepEqual(essential?.textEdit, { newText: 'essential = ', range: { start: { line: 9, character: 4 }, end: { line: 9, character: 7 } } });

    const values = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 30 } })) as { label: string }[];
    assert.deepEqual(values.map((i) => i.label).sort(), ['awsvpc', 'bridge', 'host', 'none']);
  });
});

describe('language server: edits of a Terraform file re-parse incrementally', () => {
  let folder: string;
  let client: TestClient;
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'berth-tf-edits-'));
    client = await startClient({ settings: SETTINGS, env: HOOKS });
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  const syntaxTrees = async () => ((await client.connection.sendRequest('berth/hclGrammar')) as { syntaxTrees: number }).syntaxTrees;

  it('the findings after a series of edits (several changes per notification) equal those of the same text opened fresh; closing frees the tree', async () => {
    const uri = pathToFileURL(join(folder, 'main.tf')).href;
    const again = pathToFileURL(join(folder, 'again.tf')).href;
    let text = `${MAIN_TF.replace('var.memory', '512')}\nresource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n}\n`;
    await client.open(uri, 'terraform', text);
    await client.nextDiagnostics(uri, (p) => p.version === 1);
    assert.equal(await syntaxTrees(), 0, 'an opened document keeps no tree until it is edited');
    const position = (offset: number) => {
      const before = text.slice(0, offset).split('\n');
      return { line: before.length - 1, character: before[before.length - 1]!.length };
    };
    // Each step is one notification; each change finds its place in the text as the changes before it left it.
    const change = (find: string, remove: number, insert: string, after = 0) => (t: string): [number, number, string] => [t.indexOf(find) + after, remove, insert];
    const steps = [
      [change('256', 3, '1000')],
      [change('"jobs"', 0, 'x'), change('family', 0, '# a comment\n  ')],
      [change('name  = "web"', 13, 'name  = ')],
      [change('name  = ', 0, '"api"', 8)],
      [change('resource', 0, 'locals {\n  x = <<EOF\nhello\nEOF\n}\n')],
    ];
    let version = 1;
    let last: PublishDiagnosticsParams | undefined;
    for (const changes of steps) {
      const contentChanges = [];
      for (const at of changes) {
        const [offset, remove, insert] = at(text);
        contentChanges.push({ range: { start: position(offset), end: position(offset + remove) }, text: insert });
        text = text.slice(0, offset) + insert + text.slice(offset + remove);
      }
      version++;
      const published = client.nextDiagnostics(uri, (p) => p.version === version);
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
      last = await published;
      const fresh = client.nextDiagnostics(again, (p) => p.version === version);
      await client.open(again, 'terraform', text, version);
      const expected = (await fresh).diagnostics;
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: again } });
      assert.deepEqual(last.diagnostics, expected, `after step ${version - 1}`);
    }
    assert.ok(last?.diagnostics.some((d) => d.code === 'ecs/fargate-valid-cpu-memory'));
    assert.match(text, /^locals \{\n  x = <<EOF\nhello\nEOF\n\}\nresource "aws_ecs_task_definition" "web" \{\n  # a comment\n  family/);
    assert.equal(await syntaxTrees(), 1);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.equal(await syntaxTrees(), 0);
  });

  it('only the three documents edited last keep a tree', async () => {
    const uris = [1, 2, 3, 4].map((n) => pathToFileURL(join(folder, `m${n}.tf`)).href);
    for (const uri of uris) {
      const published = client.nextDiagnostics(uri, (p) => p.version === 2);
      await client.open(uri, 'terraform', MAIN_TF);
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# edited\n' }] });
      await published;
    }
    assert.equal(await syntaxTrees(), 3);
    for (const uri of uris) await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.equal(await syntaxTrees(), 0);
  });
});

describe('language server: Terraform colouring for an editor without a Terraform grammar', () => {
  let folder: string;
  let client: TestClient;
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'berth-tf-tokens-'));
    client = await startClient({ settings: SETTINGS, env: HOOKS, initializationOptions: { terraformSemanticTokens: true } });
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('offers semantic tokens for Terraform documents only, and only when asked', async () => {
    assert.deepEqual(client.capabilities.semanticTokensProvider, {
      legend: { tokenTypes: ['comment', 'keyword', 'string', 'number', 'property', 'function', 'variable', 'type'], tokenModifiers: [] },
      full: true,
      documentSelector: [{ language: 'terraform' }, { language: 'terraform-vars' }],
    });
    const plain = await startClient({ settings: SETTINGS });
    try {
      assert.equal(plain.capabilities.semanticTokensProvider, undefined);
    } finally {
      await plain.stop();
    }
  });

  it('a .tf file: its tokens, relative to each other; a JSON document none', async () => {
    const uri = pathToFileURL(join(folder, 'main.tf')).href;
    await client.open(uri, 'terraform', '# queue\nresource "aws_sqs_queue" "jobs" {\n  delay_seconds = 5\n}\n');
    // The first request may come before the grammar: it waits for it.
    const tokens = (await client.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })) as { data: number[] };
    // comment, keyword resource, string "aws_sqs_queue", string "jobs", property delay_seconds, number 5.
    assert.deepEqual(tokens.data, [0, 0, 7, 0, 0, 1, 0, 8, 1, 0, 0, 9, 15, 2, 0, 0, 16, 6, 2, 0, 1, 2, 13, 4, 0, 0, 16, 1, 3, 0]);
    const json = pathToFileURL(join(folder, 'task.json')).href;
    await client.open(json, 'json', TASK_JSON);
    assert.deepEqual(await client.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: json } }), { data: [] });
  });
  it('an edited document\'s tokens come from the tree it keeps, equal to a fresh parse\'s, and the tree stays kept', async () => {
    const tokensOf = async (uri: string) => ((await client.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })) as { data: number[] }).data;
    const trees = async () => ((await client.connection.sendRequest('berth/hclGrammar')) as { syntaxTrees: number }).syntaxTrees;
    const uri = pathToFileURL(join(folder, 'edited.tf')).href;
    const text = 'resource "aws_sqs_queue" "jobs" {\n  delay_seconds = 5\n}\n';
    await client.open(uri, 'terraform', text);
    const published = client.nextDiagnostics(uri, (p) => p.version === 2);
    const insert = 'locals {\n  name = "q-${var.env}"\n}\n';
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: insert }] });
    await published;
    assert.equal(await trees(), 1, 'the edited document keeps its tree');
    const fresh = pathToFileURL(join(folder, 'fresh.tf')).href;
    await client.open(fresh, 'terraform', insert + text);
    assert.deepEqual(await tokensOf(uri), await tokensOf(fresh));
    assert.equal((await tokensOf(uri)).length / 5, 11);
    assert.equal(await trees(), 1, 'walking the kept tree does not free it');
  });
});
