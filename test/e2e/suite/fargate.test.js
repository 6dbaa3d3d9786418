// Berth in a real VS Code: an ECS task definition with an invalid Fargate cpu/memory pair.
'use strict';

const assert = require('node:assert/strict');
const vscode = require('vscode');
const { test } = require('./runner');
const { EXTENSION_ID, codeOf, waitForDiagnostics, workspaceUri } = require('./helpers');

const RULE = 'ecs/fargate-valid-cpu-memory';
const isFargateFinding = (d) => d.source === 'berth' && codeOf(d) === RULE;

test('the extension is installed under its id', () => {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not among the extensions`);
  assert.equal(ext.packageJSON.main, './dist/client.js');
});

test('opening a task definition activates Berth and flags the memory value', async () => {
  const uri = workspaceUri('task-definition.json');
  const diagnosticsArrive = waitForDiagnostics(uri, (ds) => ds.some(isFargateFinding), 30_000, `a ${RULE} diagnostic`);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  const diagnostics = await diagnosticsArrive;

  assert.equal(vscode.extensions.getExtension(EXTENSION_ID).isActive, true, 'the extension is active');
  const found = diagnostics.filter(isFargateFinding);
  assert.equal(found.length, 1, `exactly one ${RULE} diagnostic`);
  const [d] = found;
  assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
  assert.match(d.message, /4096/);

  // The range covers the memory value ("4096", with or without its quotes), not the key or the line.
  const text = doc.getText();
  const valueStart = text.indexOf('"4096"');
  assert.ok(valueStart > 0, 'fixture holds "memory": "4096"');
  assert.equal(doc.getText(d.range).replace(/^"|"$/g, ''), '4096', 'range text');
  const line = doc.positionAt(valueStart).line;
  assert.equal(d.range.start.line, line);
  assert.equal(d.range.end.line, line);
  assert.ok(d.range.start.character >= doc.positionAt(valueStart).character, 'range starts at the value');
  if (d.codeDescription) assert.match(String(d.codeDescription.target), /fargate-valid-cpu-memory/);
});

test('fixing the memory value clears the diagnostic (unsaved edit)', async () => {
  const uri = workspaceUri('task-definition.json');
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc);
  await waitForDiagnostics(uri, (ds) => ds.some(isFargateFinding), 30_000, `a ${RULE} diagnostic`);

  const start = doc.positionAt(doc.getText().indexOf('"4096"') + 1);
  const cleared = waitForDiagnostics(uri, (ds) => !ds.some(isFargateFinding), 30_000, `the ${RULE} diagnostic to go`);
  const ok = await editor.edit((b) => b.replace(new vscode.Range(start, start.translate(0, 4)), '512'));
  assert.equal(ok, true, 'edit applied');
  await cleared;

  // Put the fixture back without saving, and check the finding returns for the reverted text.
  const back = waitForDiagnostics(uri, (ds) => ds.some(isFargateFinding), 30_000, `the ${RULE} diagnostic to return`);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  assert.equal(doc.isDirty, false, 'reverted');
  await back;
});
