// Berth's editor experience in a real VS Code: diagnostics across kinds with offline rule links, hover,
// completion, a quick fix, Explain and the docs panel, the Concepts view, the status-bar kind, settings,
// and the compute guide expanding a snippet. Every wait is on an event, with a timeout that fails the test.
'use strict';

const assert = require('node:assert/strict');
const vscode = require('vscode');
const { test } = require('./runner');
const { EXTENSION_ID, codeOf, waitForDiagnostics, workspaceUri } = require('./helpers');

async function api() {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed`);
  return ext.activate();
}

async function open(name) {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(name));
  const editor = await vscode.window.showTextDocument(doc);
  return { doc, editor };
}

const byRule = (rule) => (d) => d.source === 'berth' && codeOf(d) === rule;

/** Resolves when the status-bar kind shows `expected` (checks now, then on each update). */
function waitForKind(status, expected, timeoutMs = 20_000) {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (status.text && status.text.includes(expected)) {
        done();
        resolve(status.text);
      }
    };
    const sub = status.onDidUpdate(check);
    const timer = setTimeout(() => {
      done();
      reject(new Error(`status bar never showed "${expected}"; it shows ${JSON.stringify(status.text)}`));
    }, timeoutMs);
    function done() {
      clearTimeout(timer);
      sub.dispose();
    }
    check();
  });
}

/** Resolves when a tab satisfying `predicate` is open (checks now, then on each tab change). */
function waitForTab(predicate, what, timeoutMs = 20_000) {
  const find = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find(predicate);
  return new Promise((resolve, reject) => {
    const check = () => {
      const tab = find();
      if (tab) {
        done();
        resolve(tab);
      }
    };
    const sub = vscode.window.tabGroups.onDidChangeTabs(check);
    const timer = setTimeout(() => {
      done();
      reject(new Error(`no tab for ${what}; tabs: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label)}`));
    }, timeoutMs);
    function done() {
      clearTimeout(timer);
      sub.dispose();
    }
    check();
  });
}

function hoverText(hovers) {
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

/** A request answered by the server once it has the document (completion, hover), retried on each diagnostics event until `accept`. */
async function untilAccepted(uri, request, accept, what, timeoutMs = 20_000) {
  let last;
  const attempt = async () => {
    last = await request();
    return accept(last);
  };
  if (await attempt()) return last;
  return new Promise((resolve, reject) => {
    const sub = vscode.languages.onDidChangeDiagnostics(async (e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      if (await attempt()) {
        done();
        resolve(last);
      }
    });
    const timer = setTimeout(() => {
      done();
      reject(new Error(`timed out waiting for ${what}; last answer: ${JSON.stringify(last).slice(0, 2000)}`));
    }, timeoutMs);
    function done() {
      clearTimeout(timer);
      sub.dispose();
    }
  });
}

test('diagnostics in a service, a SAM template, a .template file and a Dockerfile, each linking to its rule page offline', async () => {
  const cases = [
    ['service.json', 'ecs/prefer-deployment-circuit-breaker', vscode.DiagnosticSeverity.Information, 'serviceName'],
    ['template.yaml', 'lambda/no-deprecated-runtime', vscode.DiagnosticSeverity.Warning, 'python3.9'],
    // `.template` has no language in VS Code (plaintext): the client's selector still sends it, read by content.
    ['stack.template', 'lambda/no-deprecated-runtime', vscode.DiagnosticSeverity.Warning, 'python3.9'],
    ['Dockerfile', 'dockerfile/no-latest-tag', vscode.DiagnosticSeverity.Warning, 'latest'],
  ];
  for (const [file, rule, severity, rangeText] of cases) {
    const uri = workspaceUri(file);
    const arriving = waitForDiagnostics(uri, (ds) => ds.some(byRule(rule)), 30_000, `${rule} on ${file}`);
    const { doc } = await open(file);
    const d = (await arriving).find(byRule(rule));
    assert.equal(d.severity, severity, `${file} severity`);
    assert.ok(doc.getText(d.range).includes(rangeText), `${file}: range text ${JSON.stringify(doc.getText(d.range))}`);
    const target = d.code.target;
    assert.equal(target.scheme, 'command', `${file}: the rule link opens inside VS Code`);
    assert.equal(target.path, 'berth.showRuleDoc');
    assert.deepEqual(JSON.parse(decodeURIComponent(target.query)), [rule]);
  }
});

test('the rule link and Explain open bundled docs in a panel', async () => {
  const shownRule = await vscode.commands.executeCommand('berth.showRuleDoc', 'lambda/no-deprecated-runtime');
  assert.equal(shownRule.title, 'lambda/no-deprecated-runtime');
  assert.match(shownRule.html, /<h1>lambda\/no-deprecated-runtime<\/h1>/);
  assert.match(shownRule.html, /<a href="command:berth\.showConcept\?[^"]*lambda-runtimes[^"]*">/, 'the concept link opens offline');
  assert.doesNotMatch(shownRule.html, /<script/i);

  const shownConcept = await vscode.commands.executeCommand('berth.showConcept', 'fargate-task-size');
  assert.equal(shownConcept.title, 'Fargate task sizes');
  assert.match(shownConcept.html, /<h1>Fargate task sizes<\/h1>/);
  await waitForTab((t) => t.label === 'Fargate task sizes' && t.input instanceof vscode.TabInputWebview, 'the article tab');
});

test('hover on hostPort explains dynamic port mapping with the bounds and a Read more link', async () => {
  const { doc } = await open('task-definition.json');
  const offset = doc.getText().indexOf('"hostPort"') + 3;
  const hovers = await untilAccepted(doc.uri, () => vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, doc.positionAt(offset)),
    (hs) => /Dynamic port mapping/.test(hoverText(hs)), 'the hostPort hover');
  const text = hoverText(hovers);
  assert.match(text, /\*\*hostPort\*\*/);
  assert.match(text, /Range: 0–65535/);
  assert.match(text, /32768–61000/);
  assert.match(text, /\[Read more\]\(command:berth\.showConcept\?[^)]*dynamic-port-mapping/);
});

test('hover on a Lambda runtime shows its lifecycle dates and successor', async () => {
  const { doc } = await open('template.yaml');
  const offset = doc.getText().indexOf('python3.9') + 2;
  const hovers = await untilAccepted(doc.uri, () => vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, doc.positionAt(offset)),
    (hs) => /python3\.9/.test(hoverText(hs)), 'the runtime hover');
  const text = hoverText(hovers);
  assert.match(text, /`python3\.9`: \*\*deprecated\*\* since 2025-12-15/);
  assert.match(text, /Move to `python3\.14`/);
  assert.match(text, /Lambda runtimes and their lifecycle/);
});

test('completion offers the Fargate memory values for the cpu already set', async () => {
  const { doc } = await open('completion-task.json');
  const position = doc.positionAt(doc.getText().indexOf('"memory": "') + '"memory": "'.length);
  const list = await untilAccepted(doc.uri, () => vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, position),
    (l) => l.items.some((i) => i.label === '3072'), 'Fargate memory completions');
  const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
  for (const m of ['1024', '2048', '3072', '4096']) assert.ok(labels.includes(m), `${m} among ${labels.slice(0, 30)}`);
  assert.ok(!labels.includes('512'), '512 MiB is not valid with 0.5 vCPU');
});

test('applying the quick fix makes the diagnostic go; Explain is offered beside it', async () => {
  const rule = 'ecs/fargate-valid-cpu-memory';
  const uri = workspaceUri('quickfix-task.json');
  const arriving = waitForDiagnostics(uri, (ds) => ds.some(byRule(rule)), 30_000, rule);
  const { doc } = await open('quickfix-task.json');
  const d = (await arriving).find(byRule(rule));
  const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
  const titles = actions.map((a) => a.title);
  const fix = actions.find((a) => a.title === 'Set memory to 1024 MiB');
  assert.ok(fix && fix.edit, `quick fix among ${titles}`);
  const explain = actions.find((a) => a.title === 'Explain: Fargate task sizes');
  assert.ok(explain, `Explain among ${titles}`);
  assert.equal(explain.command.command, 'berth.showConcept');
  assert.deepEqual(explain.command.arguments, ['fargate-task-size']);

  const gone = waitForDiagnostics(uri, (ds) => !ds.some(byRule(rule)), 30_000, `${rule} to go`);
  assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
  assert.match(doc.getText(), /"memory": "1024"/);
  await gone;

  const back = waitForDiagnostics(uri, (ds) => ds.some(byRule(rule)), 30_000, `${rule} to return after revert`);
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await back;
});

test('the Concepts view lists the articles by topic, and an item opens its article', async () => {
  const berth = await api();
  await vscode.commands.executeCommand('berth.concepts.focus');
  const topics = await berth.conceptsTree.getChildren();
  assert.ok(topics.length >= 5, `${topics.length} topics`);
  const concepts = topics.flatMap((t) => t.concepts);
  assert.ok(concepts.length >= 25, `${concepts.length} articles`);
  const networking = topics.find((t) => t.topic === 'ECS networking');
  assert.ok(networking, `topics: ${topics.map((t) => t.topic)}`);
  const [item] = (await berth.conceptsTree.getChildren(networking)).filter((n) => n.concept.id === 'dynamic-port-mapping');
  const treeItem = berth.conceptsTree.getTreeItem(item);
  assert.equal(treeItem.label, 'Dynamic port mapping with an ALB');
  assert.deepEqual([treeItem.command.command, ...treeItem.command.arguments], ['berth.showConcept', 'dynamic-port-mapping']);
  const shown = await vscode.commands.executeCommand(treeItem.command.command, ...treeItem.command.arguments);
  assert.equal(shown.title, 'Dynamic port mapping with an ALB');
});

test('the status bar shows the kind of the active file', async () => {
  const berth = await api();
  const kinds = [['template.yaml', 'CloudFormation'], ['service.json', 'ECS service'], ['Dockerfile', 'Dockerfile'], ['task-definition.json', 'ECS task definition']];
  for (const [file, label] of kinds) {
    const showing = waitForKind(berth.kindStatus, label);
    await open(file);
    assert.match(await showing, new RegExp(`Berth: ${label}`));
  }
});

test("the berth.rules setting changes a rule's severity, and back", async () => {
  const rule = 'lambda/no-deprecated-runtime';
  const uri = workspaceUri('template.yaml');
  await open('template.yaml');
  await waitForDiagnostics(uri, (ds) => ds.some((d) => byRule(rule)(d) && d.severity === vscode.DiagnosticSeverity.Warning), 30_000, `${rule} as a warning`);
  const config = vscode.workspace.getConfiguration('berth');
  const asError = waitForDiagnostics(uri, (ds) => ds.some((d) => byRule(rule)(d) && d.severity === vscode.DiagnosticSeverity.Error), 30_000, `${rule} as an error`);
  await config.update('rules', { [rule]: 'error' }, vscode.ConfigurationTarget.Global);
  try {
    await asError;
    const off = waitForDiagnostics(uri, (ds) => !ds.some(byRule(rule)), 30_000, `${rule} switched off`);
    await config.update('rules', { [rule]: 'off' }, vscode.ConfigurationTarget.Global);
    await off;
  } finally {
    const restored = waitForDiagnostics(uri, (ds) => ds.some((d) => byRule(rule)(d) && d.severity === vscode.DiagnosticSeverity.Warning), 30_000, `${rule} back to a warning`);
    await config.update('rules', undefined, vscode.ConfigurationTarget.Global);
    await restored;
  }
});

test('berth.kinds turns one kind of file off (one tick of the object setting), and back on', async () => {
  const uri = workspaceUri('template.yaml');
  await open('template.yaml');
  const berthFinding = (ds) => ds.some((d) => d.source === 'berth');
  await waitForDiagnostics(uri, berthFinding, 30_000, 'findings in the template');
  const config = vscode.workspace.getConfiguration('berth');
  const silent = waitForDiagnostics(uri, (ds) => !berthFinding(ds), 30_000, 'no findings with cloudformation switched off');
  // Only the one key: VS Code merges it with the setting's default ticks, the other kinds stay on.
  await config.update('kinds', { cloudformation: false }, vscode.ConfigurationTarget.Global);
  try {
    await silent;
    assert.equal(vscode.workspace.getConfiguration('berth').get('kinds')['ecs-task-definition'], true);
  } finally {
    const back = waitForDiagnostics(uri, berthFinding, 30_000, 'findings back');
    await config.update('kinds', undefined, vscode.ConfigurationTarget.Global);
    await back;
  }
});

test('berth.problems.scope workspace: a file never opened shows its problems; opened, they are not doubled', async () => {
  // closed/fargate-task.json is opened by no other test: its problems can only come from the workspace scope.
  const uri = workspaceUri('closed', 'fargate-task.json');
  const rule = 'ecs/fargate-valid-cpu-memory';
  const exact = (ds) => ds.filter(byRule(rule)).map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`);
  assert.deepEqual(exact(vscode.languages.getDiagnostics(uri)), [], 'nothing while the scope is the open files');
  const config = vscode.workspace.getConfiguration('berth');
  const shown = waitForDiagnostics(uri, (ds) => exact(ds).length > 0, 30_000, `${rule} on the closed file`);
  await config.update('problems.scope', 'workspace', vscode.ConfigurationTarget.Global);
  try {
    assert.deepEqual(exact(await shown), ['5:12-5:18']);
    await open('closed/fargate-task.json');
    // The open document's pulled diagnostics replace the pushed ones: one finding, now and a moment later.
    await waitForDiagnostics(uri, (ds) => exact(ds).length === 1, 30_000, 'the finding once');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.deepEqual(exact(vscode.languages.getDiagnostics(uri)), ['5:12-5:18']);
  } finally {
    await config.update('problems.scope', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  }
});

test('the compute guide recommends Fargate for a steady service and expands its snippet into a new file', async () => {
  const berth = await api();
  const showing = waitForKind(berth.kindStatus, 'ECS task definition');
  const result = await vscode.commands.executeCommand('berth.computeGuide', {
    overLambdaTimeout: false, needsGpu: false, shape: 'service', needsKubernetes: false, eventDriven: false, openSnippet: true,
  });
  assert.equal(result.recommendation.service, 'Fargate');
  assert.equal(result.snippet, 'berth-ecs-task-fargate');
  const editor = vscode.window.activeTextEditor;
  assert.equal(editor.document.uri.scheme, 'untitled');
  assert.equal(editor.document.languageId, 'json');
  const text = editor.document.getText();
  assert.match(text, /"requiresCompatibilities": \[\s*"FARGATE"\s*\]/);
  assert.doesNotMatch(text, /\$\{\d+:/, 'the snippet was expanded, not pasted');
  await showing;
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
});
