// The headline rule across two files in a real VS Code: the service in the other file is found through the index.
'use strict';

const assert = require('node:assert/strict');
const vscode = require('vscode');
const { test } = require('./runner');
const { codeOf, waitForDiagnostics, workspaceUri } = require('./helpers');

const RULE = 'ecs/no-static-host-port-behind-load-balancer';
const fs = require('node:fs');

/** The fixtures as committed: the tests write them afresh, so an edit left behind by a failed run never leaks. */
const FIXTURES = {
  'bridge-task.json': fs.readFileSync(require('node:path').join(__dirname, '../workspace/crossfile/bridge-task.json'), 'utf8'),
  'bridge-service.json': `{
  "cluster": "prod",
  "serviceName": "bridge-web",
  "taskDefinition": "berth-e2e-bridge",
  "desiredCount": 2,
  "healthCheckGracePeriodSeconds": 30,
  "deploymentConfiguration": { "deploymentCircuitBreaker": { "enable": true, "rollback": true } },
  "loadBalancers": [
    {
      "targetGroupArn": "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef",
      "containerName": "web",
      "containerPort": 8080
    }
  ]
}
`,
};
function restoreFixtures() {
  for (const [name, text] of Object.entries(FIXTURES)) fs.writeFileSync(workspaceUri('crossfile', name).fsPath, text);
}
const headline = (ds) => ds.find((d) => d.source === 'berth' && codeOf(d) === RULE);

test('a static hostPort behind a service in another file is flagged, and editing the service re-checks it', async () => {
  restoreFixtures();
  const taskUri = workspaceUri('crossfile', 'bridge-task.json');
  const serviceUri = workspaceUri('crossfile', 'bridge-service.json');
  // The service is never opened first: the server knows it from indexing the workspace.
  const behind = waitForDiagnostics(taskUri, (ds) => /behind a load balancer/.test(headline(ds)?.message ?? ''), 30_000, 'the load-balancer finding');
  const taskDoc = await vscode.workspace.openTextDocument(taskUri);
  // preview: false keeps the tab (and the document) open when the service is shown next.
  await vscode.window.showTextDocument(taskDoc, { preview: false });
  const d = headline(await behind);
  assert.equal(taskDoc.getText(d.range), '8080');
  assert.equal(d.range.start.line, 11);
  assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
  assert.ok(d.relatedInformation.some((r) => r.location.uri.toString() === serviceUri.toString()), 'points at the service file');

  // Remove the load balancer from the service (an unsaved edit): the task definition's finding changes.
  const serviceDoc = await vscode.workspace.openTextDocument(serviceUri);
  await vscode.window.showTextDocument(serviceDoc, { preview: false });
  const plain = waitForDiagnostics(taskUri, (ds) => /only one task that uses this port/.test(headline(ds)?.message ?? ''), 20_000, 'the finding without a load balancer');
  const edit = new vscode.WorkspaceEdit();
  const text = serviceDoc.getText();
  const start = text.indexOf(',\n  "loadBalancers"');
  edit.delete(serviceUri, new vscode.Range(serviceDoc.positionAt(start), serviceDoc.positionAt(text.lastIndexOf(']') + 1)));
  try {
    assert.ok(await vscode.workspace.applyEdit(edit));
    await plain;
  } finally {
    // Never leave the fixture edited: revert the unsaved change whatever happened.
    await vscode.window.showTextDocument(serviceDoc, { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await waitForDiagnostics(taskUri, (ds) => /behind a load balancer/.test(headline(ds)?.message ?? ''), 20_000, 'the load-balancer finding again');
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  restoreFixtures();
}, { timeout: 90_000 });
