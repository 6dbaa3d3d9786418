// Terraform in a real VS Code without HashiCorp's extension: a .tf file opens as `terraform` (Berth contributes
// the language id, no grammar), activates Berth, gets its finding with the exact range, the kind in the status bar,
// hover inside jsonencode() and on an argument, value completion, the quick fix written in HCL, and Berth's
// colouring (semantic tokens, offered because no installed extension has a Terraform grammar).
'use strict';

const assert = require('node:assert/strict');
const vscode = require('vscode');
const { test } = require('./runner');
const { EXTENSION_ID, codeOf, waitForDiagnostics, workspaceUri } = require('./helpers');

const RULE = 'ecs/fargate-valid-cpu-memory';
const isFargateFinding = (d) => d.source === 'berth' && codeOf(d) === RULE;
const FILE = ['terraform', 'main.tf'];

function hoverText(hovers) {
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

/** The position `into` characters into the first `marker` of the document. */
function at(doc, marker, into = 1) {
  const offset = doc.getText().indexOf(marker);
  assert.ok(offset >= 0, `${marker} in ${doc.uri.path}`);
  return doc.positionAt(offset + into);
}

test('a .tf file opens as terraform and gets the Fargate finding on the memory value', async () => {
  const uri = workspaceUri(...FILE);
  const arrives = waitForDiagnostics(uri, (ds) => ds.some(isFargateFinding), 30_000, `a ${RULE} diagnostic`);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  assert.equal(doc.languageId, 'terraform', 'the language id Berth contributes (HashiCorp\'s extension is not installed)');
  const found = (await arrives).filter(isFargateFinding);
  assert.equal(found.length, 1);
  const [d] = found;
  assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
  assert.equal(doc.getText(d.range), '"4096"');
  assert.equal(d.range.start.line, 6);
  assert.equal(d.range.start.character, 29);
  assert.match(d.message, /the nearest is 2048 MiB/);
  assert.deepEqual(vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'berth').map(codeOf), [RULE], 'no other finding');

  const berth = await vscode.extensions.getExtension(EXTENSION_ID).activate();
  const showing = await new Promise((resolve, reject) => {
    const check = () => berth.kindStatus.text && berth.kindStatus.text.includes('Terraform') && (sub.dispose(), clearTimeout(timer), resolve(berth.kindStatus.text));
    const sub = berth.kindStatus.onDidUpdate(check);
    const timer = setTimeout(() => (sub.dispose(), reject(new Error(`kind status: ${berth.kindStatus.text}`))), 20_000);
    check();
  });
  assert.match(showing, /Berth: Terraform/);
});

test('hover in Terraform: hostPort inside jsonencode() and the network_mode argument', async () => {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(...FILE));
  const port = hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, at(doc, 'hostPort')));
  assert.match(port, /\*\*hostPort\*\*/);
  assert.match(port, /The port number on the container instance/);
  assert.match(port, /Dynamic port mapping/);
  const mode = hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, at(doc, 'network_mode')));
  assert.match(mode, /\*\*network_mode\*\* \(`networkMode` in the ECS API\)/);
});

test('completion in Terraform: log drivers inside jsonencode(), Fargate memory for the cpu', async () => {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(...FILE));
  const drivers = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, at(doc, '"awslogs"', 1));
  const labels = drivers.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
  for (const d of ['awslogs', 'splunk', 'awsfirelens']) assert.ok(labels.includes(d), `${d} among ${labels.slice(0, 20)}`);
  const memory = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, at(doc, '"4096"', 1));
  const sizes = memory.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
  for (const m of ['512', '1024', '2048']) assert.ok(sizes.includes(m), `${m} among ${sizes.slice(0, 20)}`);
});

test('the quick fix sets the nearest Fargate memory in HCL and clears the finding', async () => {
  const uri = workspaceUri(...FILE);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  const [d] = (await waitForDiagnostics(uri, (ds) => ds.some(isFargateFinding), 30_000, RULE)).filter(isFargateFinding);
  const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
  const fix = actions.find((a) => a.title === 'Set memory to 2048 MiB');
  assert.ok(fix && fix.edit, `quick fix among ${actions.map((a) => a.title)}`);
  const gone = waitForDiagnostics(uri, (ds) => !ds.some(isFargateFinding), 30_000, `${RULE} to go`);
  assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
  assert.match(doc.lineAt(6).text, /^ {2}memory {19}= "2048"$/);
  await gone;

  const back = waitForDiagnostics(uri, (ds) => ds.some(isFargateFinding), 30_000, `${RULE} to return after revert`);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await back;
});

test('without a Terraform grammar installed, Berth colours the .tf file: comment, block type, labels, arguments', async () => {
  const uri = workspaceUri(...FILE);
  const doc = await vscode.workspace.openTextDocument(uri);
  const legend = await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokensLegend', uri);
  assert.ok(legend, 'a semantic tokens provider for the .tf file');
  const tokens = await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokens', uri);
  const data = Array.from(tokens.data);
  // Decode the relative encoding into (line, character, text, type).
  const decoded = [];
  for (let i = 0, line = 0, character = 0; i < data.length && decoded.length < 6; i += 5) {
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    line += data[i];
    const start = new vscode.Position(line, character);
    decoded.push(`${legend.tokenTypes[data[i + 3]]} ${doc.getText(new vscode.Range(start, start.translate(0, data[i + 2])))}`);
  }
  assert.deepEqual(decoded, [
    `comment ${doc.lineAt(0).text}`,
    'keyword resource',
    'string "aws_ecs_task_definition"',
    'string "web"',
    'property family',
    'string "web"',
  ]);
});
