/**
 * Protocol tests for InitializationOptions.editorReportsJsonSyntax: VS Code's JSON language features report a JSON
 * syntax error themselves, so Berth leaves its own out in `json` and `jsonc` documents there (the same error twice
 * at one place); other editors, YAML and the other findings of the broken file are unchanged.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { startClient, type StartOptions } from '../helpers/lspClient';

const TASK = '{\n  "family": "web",\n  "requiresCompatibilities": ["FARGATE"],\n  "networkMode": "awsvpc",\n  "cpu": "256",\n  "memor\n  "memory": "4096",\n  "containerDefinitions": [{"name": "app", "image": "nginx:1.27", "readonlyRootFilesystem": true}]\n}\n';
const TEMPLATE = 'Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Family web\n      RequiresCompatibilities: [FARGATE]\n      NetworkMode: awsvpc\n      Cpu: "256"\n      Memory: "4096"\n';

/** The diagnostics of one document as [code, start line, start character], pulled as VS Code pulls them. */
async function diagnosticsOf(options: StartOptions, uri: string, languageId: string, text: string): Promise<[string, number, number][]> {
  const client = await startClient({ pull: true, ...options });
  try {
    await client.open(uri, languageId, text);
    const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] };
    return report.items.map((d) => [String(d.code), d.range.start.line, d.range.start.character]);
  } finally {
    await client.stop();
  }
}

describe('language server: JSON syntax errors the editor reports itself (editorReportsJsonSyntax)', () => {
  const TASK_URI = 'file:///virtual/berth-json-syntax/task-definition.json';
  const BROKEN_JSON: [string, number, number][] = [
    ['parse/syntax-error', 5, 2],
    ['ecs/fargate-valid-cpu-memory', 6, 12],
  ];

  it('any LSP client (no option): Berth reports the syntax error and the other findings', async () => {
    assert.deepEqual(await diagnosticsOf({}, TASK_URI, 'json', TASK), BROKEN_JSON);
  });

  it('VS Code (the editor reports JSON syntax): no second syntax error in a json document, the other findings stay', async () => {
    assert.deepEqual(await diagnosticsOf({ initializationOptions: { editorReportsJsonSyntax: true } }, TASK_URI, 'json', TASK), BROKEN_JSON.slice(1));
  });

  it('VS Code, jsonc: left to the editor too', async () => {
    assert.deepEqual(await diagnosticsOf({ initializationOptions: { editorReportsJsonSyntax: true } }, TASK_URI, 'jsonc', TASK), BROKEN_JSON.slice(1));
  });

  it('VS Code, YAML: the editor reports no YAML syntax of its own, so Berth does', async () => {
    const found = await diagnosticsOf({ initializationOptions: { editorReportsJsonSyntax: true } }, 'file:///virtual/berth-json-syntax/template.yaml', 'yaml', TEMPLATE);
    assert.deepEqual(found, [
      ['parse/syntax-error', 4, 6],
      ['ecs/fargate-valid-cpu-memory', 8, 14],
    ]);
  });
});
