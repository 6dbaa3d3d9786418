// Runs last (file order): a language server killed under VS Code is restarted by the client, and answers again.
'use strict';

const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const vscode = require('vscode');
const { test } = require('./runner');
const { codeOf, waitForDiagnostics, workspaceUri } = require('./helpers');

const RULE = 'ecs/no-static-host-port-behind-load-balancer';
const headline = (ds) => ds.find((d) => d.source === 'berth' && codeOf(d) === RULE);

/** Berth's language server: a node process running dist/server.js, child of this extension host. */
function serverPids() {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => Number(cols[1]) === process.pid && cols.slice(2).join(' ').includes('dist/server.js'))
    .map((cols) => Number(cols[0]));
}

test('when the server process is killed, the client restarts it and diagnostics come back', async () => {
  const before = serverPids();
  assert.equal(before.length, 1, `one Berth server under the extension host, found ${JSON.stringify(before)}`);
  process.kill(before[0], 'SIGKILL');

  // Wait for the replacement process (the standard restart policy), polling ps at a short interval.
  const deadline = Date.now() + 30_000;
  let after = [];
  while (Date.now() < deadline) {
    after = serverPids().filter((pid) => pid !== before[0]);
    if (after.length) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.equal(after.length, 1, 'a new server process was started');

  // The new server answers: changing the host port changes the finding, reverting brings it back.
  const taskUri = workspaceUri('crossfile', 'bridge-task.json');
  const doc = await vscode.workspace.openTextDocument(taskUri);
  await vscode.window.showTextDocument(doc, { preview: false });
  const changed = waitForDiagnostics(taskUri, (ds) => /fixed host port 9090/.test(headline(ds)?.message ?? ''), 30_000, 'the finding for the edited port');
  const edit = new vscode.WorkspaceEdit();
  const at = doc.getText().indexOf('"hostPort": 8080') + '"hostPort": '.length;
  edit.replace(taskUri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + 4)), '9090');
  try {
    assert.ok(await vscode.workspace.applyEdit(edit));
    await changed;
  } finally {
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await waitForDiagnostics(taskUri, (ds) => /fixed host port 8080/.test(headline(ds)?.message ?? ''), 30_000, 'the finding back for the reverted file');
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
}, { timeout: 90_000 });
