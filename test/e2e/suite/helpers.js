'use strict';

const vscode = require('vscode');

const EXTENSION_ID = 'berth.berth';

/** The rule id of a diagnostic, whatever shape its code has. */
function codeOf(d) {
  return typeof d.code === 'object' && d.code !== null ? d.code.value : d.code;
}

/**
 * Resolves with the diagnostics of `uri` as soon as `predicate(diagnostics)` holds: checks the current
 * state, then every languages.onDidChangeDiagnostics event for that uri. Rejects after timeoutMs,
 * reporting what the uri had at that point.
 */
function waitForDiagnostics(uri, predicate, timeoutMs = 20_000, what = 'the expected diagnostics') {
  return new Promise((resolve, reject) => {
    const check = () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (predicate(diagnostics)) {
        done();
        resolve(diagnostics);
      }
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      done();
      const now = vscode.languages.getDiagnostics(uri)
        .map((d) => `${d.source}:${codeOf(d)} ${d.range.start.line}:${d.range.start.character} ${d.message}`);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} on ${uri.fsPath}; it has: ${JSON.stringify(now)}`));
    }, timeoutMs);
    function done() {
      clearTimeout(timer);
      sub.dispose();
    }
    check();
  });
}

/** The workspace folder the suite was started on (test/e2e/workspace). */
function workspaceUri(...segments) {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  if (!folder) throw new Error('no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

module.exports = { EXTENSION_ID, codeOf, waitForDiagnostics, workspaceUri };
