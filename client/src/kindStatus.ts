import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DOCUMENT_KIND_REQUEST, sendRequest, type DocumentKind } from '../../server/src/lsp/protocol';

const KIND_LABELS: Record<DocumentKind, string> = {
  'ecs-task-definition': 'ECS task definition',
  'ecs-container-definitions': 'ECS container definitions',
  'ecs-service': 'ECS service',
  'ecs-express-service': 'ECS Express service',
  'batch-job-definition': 'Batch job definition',
  'lambda-function': 'Lambda function',
  cloudformation: 'CloudFormation',
  'serverless-framework': 'Serverless Framework',
  dockerfile: 'Dockerfile',
  terraform: 'Terraform',
  'terraform-plan': 'Terraform plan',
};

export interface KindStatus extends vscode.Disposable {
  /** The item's text while it is shown, else undefined. */
  readonly text: string | undefined;
  /** Fires after each update with the text shown (undefined when hidden). */
  readonly onDidUpdate: vscode.Event<string | undefined>;
}

/** A status-bar item with the kind Berth detected for the active file, hidden for other files. */
export function createKindStatus(client: LanguageClient): KindStatus {
  const item = vscode.window.createStatusBarItem('berth.kind', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Berth: detected kind';
  const updated = new vscode.EventEmitter<string | undefined>();
  let shown: string | undefined;
  let requestId = 0;
  const update = async (): Promise<void> => {
    await run();
    updated.fire(shown);
  };
  const hide = () => {
    item.hide();
    shown = undefined;
  };
  const run = async (): Promise<void> => {
    const editor = vscode.window.activeTextEditor;
    const id = ++requestId;
    if (!editor) {
      hide();
      return;
    }
    try {
      const result = await sendRequest(client, DOCUMENT_KIND_REQUEST, { uri: editor.document.uri.toString() });
      if (id !== requestId) return;
      if (result.kind) {
        item.text = `$(server-process) Berth: ${KIND_LABELS[result.kind]}`;
        item.tooltip = `Berth checks this file as ${KIND_LABELS[result.kind]}.`;
        item.show();
        shown = item.text;
      } else hide();
    } catch {
      hide();
    }
  };
  const subscriptions = [
    vscode.window.onDidChangeActiveTextEditor(() => void update()),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) void update();
    }),
  ];
  void update();
  const disposable = vscode.Disposable.from(item, updated, ...subscriptions);
  return {
    get text() {
      return shown;
    },
    onDidUpdate: updated.event,
    dispose: () => disposable.dispose(),
  };
}
