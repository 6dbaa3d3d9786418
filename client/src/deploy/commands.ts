/**
 * One-click deploy in VS Code: the four deploy commands and the Deploy CodeLens. A command picks and completes its
 * target (wizard.ts), then runs the engine (dist/deploy.js, loaded on the first deploy command) inside the
 * extension host and reports (run.ts). Every command refuses in an untrusted workspace, before anything is loaded
 * or asked.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DeployCodeLensProvider } from './codeLens';
import { loadEngine, type DeployResult } from './loader';
import { DeployLog, DeployStatus, SHOW_LOG_COMMAND } from './log';
import { PLAN_SCHEME } from './planDocument';
import { DeployRun, PlanDocuments, type CommandKind } from './run';
import { TargetWizard, type DeployCommandArgs } from './wizard';

export type { CommandKind } from './run';
export type { DeployCommandArgs } from './wizard';

export const DEPLOY_COMMANDS: Readonly<Record<CommandKind, string>> = {
  deploy: 'berth.deployToEcs',
  image: 'berth.pushImageToEcr',
  rollback: 'berth.rollbackService',
  plan: 'berth.showDeployPlan',
};

/** The command's result (also returned to executeCommand callers, e.g. tests). */
export type CommandResult = DeployResult | { readonly outcome: 'refused' | 'dismissed' | 'rollback-requested'; readonly message: string; readonly done: string[] };

export const UNTRUSTED_MESSAGE = 'Berth: deploy commands are disabled in an untrusted workspace (they build images and call AWS with your credentials). Trust the workspace to use them. Nothing was done.';

export function registerDeploy(context: vscode.ExtensionContext): void {
  const log = new DeployLog();
  const status = new DeployStatus();
  const plans = new PlanDocuments();
  const lenses = new DeployCodeLensProvider();
  const wizard = new TargetWizard(log);
  const deployRun = new DeployRun(log, status, plans);
  const run = (kind: CommandKind, args: DeployCommandArgs) => runCommand(kind, args, { context, log, wizard, deployRun });
  context.subscriptions.push(
    log,
    status,
    lenses,
    vscode.workspace.registerTextDocumentContentProvider(PLAN_SCHEME, plans),
    vscode.languages.registerCodeLensProvider(
      [
        { scheme: 'file', language: 'json' },
        { scheme: 'file', language: 'jsonc' },
        { scheme: 'file', language: 'yaml' },
      ],
      lenses,
    ),
    vscode.commands.registerCommand(SHOW_LOG_COMMAND, () => log.show()),
    ...(Object.keys(DEPLOY_COMMANDS) as CommandKind[]).map((kind) => vscode.commands.registerCommand(DEPLOY_COMMANDS[kind], (arg?: unknown) => run(kind, asArgs(arg)))),
  );
}

interface CommandParts {
  readonly context: vscode.ExtensionContext;
  readonly log: DeployLog;
  readonly wizard: TargetWizard;
  readonly deployRun: DeployRun;
}

async function runCommand(kind: CommandKind, args: DeployCommandArgs, { context, log, wizard, deployRun }: CommandParts): Promise<CommandResult> {
  // Checked first, before the engine is loaded or anything is asked: enablement clauses hide the commands in
  // the palette, but a CodeLens, a keybinding or another extension can still call them.
  if (!vscode.workspace.isTrusted) {
    log.line(`${DEPLOY_COMMANDS[kind]}: refused, the workspace is not trusted.`);
    void vscode.window.showErrorMessage(UNTRUSTED_MESSAGE, 'Manage Workspace Trust').then((pick) => {
      if (pick) void vscode.commands.executeCommand('workbench.trust.manage');
    });
    return { outcome: 'refused', message: UNTRUSTED_MESSAGE, done: [] };
  }
  if (deployRun.running !== undefined && kind === 'rollback' && deployRun.canRollBack) {
    // "Roll back service" while a deployment is watched: stop that deployment with a rollback.
    const name = deployRun.running;
    const pick = await vscode.window.showWarningMessage(`Berth: roll back the deployment of "${name}" that is under way? ECS stops it and returns to the previous revision (StopServiceDeployment ROLLBACK).`, { modal: true }, 'Roll back');
    if (pick !== 'Roll back' || !deployRun.requestRollback()) return dismissed();
    return { outcome: 'rollback-requested', message: `Asked ECS to roll back the deployment of "${name}"; its progress notification follows the rollback.`, done: [] };
  }
  if (deployRun.running !== undefined && kind !== 'plan') {
    const message = `Berth: "${deployRun.running}" is still running; wait for it or cancel it from its notification.`;
    void vscode.window.showWarningMessage(message);
    return { outcome: 'refused', message, done: [] };
  }
  try {
    const found = await wizard.choose(kind, args);
    if (!found) return dismissed();
    const engine = loadEngine(context);
    const complete = await wizard.complete(kind, engine, found);
    if (!complete) return dismissed();
    return await deployRun.execute(kind, engine, complete);
  } catch (error) {
    const message = `Berth: ${(error as Error).message}`;
    log.line(message);
    void vscode.window.showErrorMessage(message);
    return { outcome: 'refused', message, done: [] };
  }
}

function asArgs(arg: unknown): DeployCommandArgs {
  if (arg instanceof vscode.Uri) return arg.scheme === 'file' ? { folder: path.dirname(arg.fsPath) } : {};
  if (arg && typeof arg === 'object') {
    const a = arg as Record<string, unknown>;
    return { ...(typeof a.folder === 'string' ? { folder: a.folder } : {}), ...(typeof a.target === 'string' ? { target: a.target } : {}) };
  }
  return {};
}

function dismissed(): CommandResult {
  return { outcome: 'dismissed', message: 'Nothing was chosen; nothing was done.', done: [] };
}
