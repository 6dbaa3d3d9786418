/**
 * "Deploy" CodeLens above a task definition that a deploy target names (its taskDefinition file) and above the
 * service a target deploys to (serviceName / ServiceName). Reads .berthrc.yaml only (no engine, no SDK).
 */
import * as vscode from 'vscode';
import { CONFIG_FILE_GLOB } from '../../../server/src/core/config/fileNames';
import { isTaskDefinitionOf, nearestConfig, serviceLines } from './targets';

export class DeployCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(CONFIG_FILE_GLOB);
    const fire = (): void => this.changed.fire();
    this.subscriptions = [watcher, watcher.onDidChange(fire), watcher.onDidCreate(fire), watcher.onDidDelete(fire), vscode.workspace.onDidGrantWorkspaceTrust(fire), this.changed];
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    // Untrusted: no lenses, since the commands they run are disabled.
    if (document.uri.scheme !== 'file' || !vscode.workspace.isTrusted) return [];
    const config = await nearestConfig(document.uri.fsPath);
    if (!config) return [];
    const lenses: vscode.CodeLens[] = [];
    const text = document.getText();
    for (const found of config.targets) {
      const lines = new Set<number>();
      if (isTaskDefinitionOf(found, document.uri.fsPath)) lines.add(0);
      if (found.target.service) for (const l of serviceLines(text, found.target.service)) lines.add(l);
      for (const line of lines) {
        const range = new vscode.Range(line, 0, line, 0);
        const args = { folder: found.folder, target: found.target.name };
        lenses.push(
          new vscode.CodeLens(range, { title: `$(rocket) Deploy "${found.target.name}"`, command: 'berth.deployToEcs', arguments: [args], tooltip: `Build, push and deploy target "${found.target.name}" from .berthrc.yaml` }),
          new vscode.CodeLens(range, { title: 'Show plan', command: 'berth.showDeployPlan', arguments: [args], tooltip: 'Dry run: the steps and the rendered task definition, no AWS writes' }),
        );
      }
    }
    return lenses;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
