import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './languageClient';
import { createKindStatus } from './kindStatus';

let client: LanguageClient | undefined;

/** Starts the language server, the output channel and the status item; nothing else happens here. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Berth');
  context.subscriptions.push(output);
  client = createLanguageClient(context, output);
  await client.start();
  context.subscriptions.push(createKindStatus(client));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
