import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The Node flags the VS Code client starts the server with (SERVER_NODE_FLAGS in client/src/languageClient.ts, which imports vscode and so cannot be imported here). */
export function serverNodeFlags(): string[] {
  const source = readFileSync(path.resolve(__dirname, '../../client/src/languageClient.ts'), 'utf8');
  const list = /export const SERVER_NODE_FLAGS = \[([^\]]*)\]/.exec(source);
  assert.ok(list, 'SERVER_NODE_FLAGS is declared in client/src/languageClient.ts');
  return [...list[1]!.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
}
