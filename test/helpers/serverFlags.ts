import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The Node flags the VS Code client starts the server with (SERVER_NODE_FLAGS in client/src/languageClient.ts, which imports vscode and so cannot be imported here). */
function clientSource(): string {
  return readFileSync(path.resolve(__dirname, '../../client/src/languageClient.ts'), 'utf8');
}

export function serverNodeFlags(): string[] {
  const source = clientSource();
  const list = /export const SERVER_NODE_FLAGS = \[([^\]]*)\]/.exec(source);
  assert.ok(list, 'SERVER_NODE_FLAGS is declared in client/src/languageClient.ts');
  return [...list[1]!.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
}

/** The environment the client adds for the server process (SERVER_ENV in client/src/languageClient.ts). */
export function serverEnv(): Record<string, string> {
  const object = /export const SERVER_ENV = \{([^}]*)\}/.exec(clientSource());
  assert.ok(object, 'SERVER_ENV is declared in client/src/languageClient.ts');
  return Object.fromEntries([...object[1]!.matchAll(/(\w+): '([^']*)'/g)].map((m) => [m[1]!, m[2]!]));
}
