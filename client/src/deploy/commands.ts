/**
 * One-click deploy in VS Code: the four deploy commands, run by the engine (dist/deploy.js, loaded on the first
 * deploy command) inside the extension host. The client only gathers choices and shows progress:
 * - the target comes from .berthrc.yaml `deploy.targets`; what is missing is asked with quick picks listing the
 *   real clusters, services and repositories (engine.listResources), and can be saved (engine.saveTarget);
 * - a cancellable progress notification (cancel → AbortController → engine signal), the "Berth Deploy" output
 *   channel with timestamps, a status-bar item, modal questions, a final notification with the console link;
 * - every command refuses in an untrusted workspace, before anything is loaded or asked.
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DeployLog, DeployStatus, SHOW_LOG_COMMAND } from './log';
import { environmentOverrides, loadEngine, type DeployOptions, type DeployResult, type DeployTarget, type Engine, type Question, type ResourceChoices } from './loader';
import { PLAN_SCHEME, planMarkdown } from './planDocument';
import { allConfigs, defaultFolder, readConfig, type FoundTarget } from './targets';
import { DeployCodeLensProvider } from './codeLens';

export const DEPLOY_COMMANDS = {
  deploy: 'berth.deployToEcs',
  image: 'berth.pushImageToEcr',
  rollback: 'berth.rollbackService',
  plan: 'berth.showDeployPlan',
} as const;

export type CommandKind = keyof typeof DEPLOY_COMMANDS;

/** What the CodeLens (and tests) pass to a deploy command; the palette passes nothing. */
export interface DeployCommandArgs {
  /** Folder of the .berthrc.yaml. */
  readonly folder?: string;
  /** Target name in that file. */
  readonly target?: string;
}

/** The command's result (also returned to executeCommand callers, e.g. tests). */
export type CommandResult = DeployResult | { readonly outcome: 'refused' | 'dismissed'; readonly message: string; readonly done: string[] };

export const UNTRUSTED_MESSAGE = 'Berth: deploy commands are disabled in an untrusted workspace (they build images and call AWS with your credentials). Trust the workspace to use them. Nothing was done.';

const TITLES: Record<CommandKind, (name: string) => string> = {
  deploy: (n) => `Deploying "${n}"`,
  image: (n) => `Building and pushing the image of "${n}"`,
  rollback: (n) => `Rolling back "${n}"`,
  plan: (n) => `Planning "${n}" (dry run, no AWS writes)`,
};

export function registerDeploy(context: vscode.ExtensionContext): void {
  const log = new DeployLog();
  const status = new DeployStatus();
  const plans = new PlanDocuments();
  const lenses = new DeployCodeLensProvider();
  const controller = new DeployController(context, log, status, plans);
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
    ...(Object.keys(DEPLOY_COMMANDS) as CommandKind[]).map((kind) =>
      vscode.commands.registerCommand(DEPLOY_COMMANDS[kind], (arg?: unknown) => controller.run(kind, asArgs(arg))),
    ),
  );
}

function asArgs(arg: unknown): DeployCommandArgs {
  if (arg instanceof vscode.Uri) return arg.scheme === 'file' ? { folder: path.dirname(arg.fsPath) } : {};
  if (arg && typeof arg === 'object') {
    const a = arg as Record<string, unknown>;
    return { ...(typeof a.folder === 'string' ? { folder: a.folder } : {}), ...(typeof a.target === 'string' ? { target: a.target } : {}) };
  }
  return {};
}

class PlanDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}

class DeployController {
  private running: string | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: DeployLog,
    private readonly status: DeployStatus,
    private readonly plans: PlanDocuments,
  ) {}

  async run(kind: CommandKind, args: DeployCommandArgs): Promise<CommandResult> {
    // Checked first, before the engine is loaded or anything is asked: enablement clauses hide the commands in
    // the palette, but a CodeLens, a keybinding or another extension can still call them.
    if (!vscode.workspace.isTrusted) {
      this.log.line(`${DEPLOY_COMMANDS[kind]}: refused, the workspace is not trusted.`);
      void vscode.window.showErrorMessage(UNTRUSTED_MESSAGE, 'Manage Workspace Trust').then((pick) => {
        if (pick) void vscode.commands.executeCommand('workbench.trust.manage');
      });
      return { outcome: 'refused', message: UNTRUSTED_MESSAGE, done: [] };
    }
    if (this.running !== undefined && kind !== 'plan') {
      const message = `Berth: "${this.running}" is still running; wait for it or cancel it from its notification.`;
      void vscode.window.showWarningMessage(message);
      return { outcome: 'refused', message, done: [] };
    }
    try {
      const found = await this.pickTarget(kind, args);
      if (!found) return dismissed();
      const engine = loadEngine(this.context);
      const complete = await this.completeTarget(kind, engine, found);
      if (!complete) return dismissed();
      return await this.execute(kind, engine, complete);
    } catch (error) {
      const message = `Berth: ${(error as Error).message}`;
      this.log.line(message);
      void vscode.window.showErrorMessage(message);
      return { outcome: 'refused', message, done: [] };
    }
  }

  // ---- which target ----------------------------------------------------------------------------

  private async pickTarget(kind: CommandKind, args: DeployCommandArgs): Promise<FoundTarget | undefined> {
    if (args.folder !== undefined && args.target !== undefined) {
      const config = await readConfig(args.folder);
      const hit = config?.targets.find((t) => t.target.name === args.target);
      if (!hit) {
        const names = config?.targets.map((t) => t.target.name) ?? [];
        throw new Error(
          `No deploy target "${args.target}" in ${config?.configFile ?? path.join(args.folder, '.berthrc.yaml')}${names.length ? `; the targets are ${names.join(', ')}` : ''}.${config?.errors.length ? ` ${config.errors.join(' ')}` : ''}`,
        );
      }
      return hit;
    }
    const configs = (await allConfigs()).filter((c) => args.folder === undefined || c.folder === args.folder);
    for (const c of configs) if (c.errors.length > 0) this.log.line(`${c.configFile}: ${c.errors.join('; ')}`);
    const errors = configs.flatMap((c) => c.errors.map((e) => `${path.basename(c.folder)}/${e}`));
    const found = configs.flatMap((c) => c.targets).filter((t) => args.target === undefined || t.target.name === args.target);
    type Item = vscode.QuickPickItem & { found?: FoundTarget };
    const items: Item[] = found.map((f) => ({
      label: f.target.name,
      description: describeTarget(f.target),
      detail: vscode.workspace.asRelativePath(f.configFile),
      found: f,
    }));
    if (kind !== 'rollback') items.push({ label: '$(add) New deploy target…', description: 'choose the cluster, service and repository from your AWS account' });
    if (found.length === 0 && kind === 'rollback') throw new Error('No deploy targets in .berthrc.yaml; a rollback needs a target that was deployed before.');
    const pick = await vscode.window.showQuickPick(items, {
      title: `Berth: ${kind === 'plan' ? 'Show deploy plan' : kind === 'image' ? 'Build and push image to ECR' : kind === 'rollback' ? 'Roll back service' : 'Deploy to ECS'}`,
      placeHolder: found.length > 0 ? 'Deploy target (from .berthrc.yaml deploy.targets)' : 'No deploy targets in .berthrc.yaml yet',
      ignoreFocusOut: true,
    });
    if (errors.length > 0) void vscode.window.showWarningMessage(`Berth: .berthrc.yaml has errors in deploy.targets: ${errors.join('; ')}`);
    if (!pick) return undefined;
    if (pick.found) return pick.found;
    const folder = args.folder ?? defaultFolder();
    if (!folder) throw new Error('Open a folder first: a new deploy target is saved in its .berthrc.yaml.');
    return { folder, configFile: path.join(folder, '.berthrc.yaml'), target: { name: '', dockerfile: 'Dockerfile', context: '.', buildArgs: {}, confirm: false, forceNewDeployment: false } };
  }

  // ---- first deploy: ask for what is missing -----------------------------------------------------

  private async completeTarget(kind: CommandKind, engine: Engine, found: FoundTarget): Promise<FoundTarget | undefined> {
    const missing = kind === 'image' ? engine.missingForImage(found.target) : kind === 'rollback' ? (['cluster', 'service'] as const).filter((k) => found.target[k] === undefined) : engine.missingForDeploy(found.target);
    if (missing.length === 0) return found;
    this.log.line(`Target "${found.target.name || '(new)'}" needs ${missing.join(', ')}: asking.`);
    const target: Record<string, unknown> = { ...found.target };
    let choices = await this.listResources(engine, target);
    if (!choices) return undefined;
    if (!target.region && choices.region) target.region = choices.region;
    if (missing.includes('cluster')) {
      const cluster = await pickOne(choices.clusters, 'ECS cluster', `Clusters in account ${choices.account ?? '?'}, ${choices.region ?? ''}`);
      if (!cluster) return undefined;
      target.cluster = cluster;
    }
    if (missing.includes('service')) {
      let services = choices.services[target.cluster as string];
      if (!services) {
        choices = await this.listResources(engine, target, [target.cluster as string]);
        if (!choices) return undefined;
        services = choices.services[target.cluster as string] ?? [];
      }
      const service = await pickOne(services, 'ECS service', `Services in cluster ${target.cluster as string}`);
      if (!service) return undefined;
      target.service = service;
    }
    if (missing.includes('ecrRepository')) {
      const NEW = '$(add) New repository…';
      const repo = await pickOne([...choices.repositories, NEW], 'ECR repository', 'The image is pushed here (Berth offers to create a new one, with immutable tags)');
      if (!repo) return undefined;
      if (repo === NEW) {
        const name = await vscode.window.showInputBox({
          title: 'Berth: new ECR repository name',
          prompt: 'Lowercase letters, digits and . _ - / (e.g. team/web)',
          ignoreFocusOut: true,
          validateInput: (v) => (/^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/.test(v) ? undefined : 'Not a valid ECR repository name'),
        });
        if (!name) return undefined;
        target.ecrRepository = name;
      } else target.ecrRepository = repo;
    }
    if (missing.includes('taskDefinition')) {
      const file = await this.pickTaskDefinition(found.folder);
      if (!file) return undefined;
      target.taskDefinition = file;
    }
    if (missing.includes('containerName') || missing.includes('taskDefinition')) {
      if (target.containerName === undefined) {
        const names = await containerNames(path.resolve(found.folder, target.taskDefinition as string));
        const name = names.length === 1 ? names[0] : await pickOne(names, 'container', 'The container whose image is replaced by the pushed one');
        if (!name) return undefined;
        target.containerName = name;
      }
    }
    if (!target.name) target.name = (target.service as string | undefined) ?? (target.ecrRepository as string).split('/').pop()!;
    const complete = target as unknown as DeployTarget;
    const saved = await this.offerToSave(engine, found.folder, complete);
    return { ...found, target: saved ? { ...complete, name: saved } : complete };
  }

  private async listResources(engine: Engine, target: Record<string, unknown>, clusters?: string[]): Promise<ResourceChoices | undefined> {
    for (;;) {
      try {
        return await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: 'Berth: listing your ECS clusters, services and ECR repositories…', cancellable: true },
          async (_progress, token) => {
            const abort = new AbortController();
            token.onCancellationRequested(() => abort.abort());
            return engine.listResources({
              ...(target.region ? { region: target.region as string } : {}),
              ...(target.profile ? { profile: target.profile as string } : {}),
              ...(clusters ? { clusters } : {}),
              signal: abort.signal,
            });
          },
        );
      } catch (error) {
        const message = (error as Error).message;
        this.log.line(`Listing resources failed: ${message}`);
        if (/region/i.test(message) && !target.region) {
          const region = await vscode.window.showInputBox({ title: 'Berth: AWS region', prompt: 'No region in the target, the profile or AWS_REGION. Region to deploy to:', value: 'us-east-1', ignoreFocusOut: true, validateInput: (v) => (/^[a-z]{2}(-[a-z]+)+-\d$/.test(v) ? undefined : 'e.g. eu-west-1') });
          if (!region) return undefined;
          target.region = region;
          continue;
        }
        throw new Error(`Could not list the clusters, services and repositories: ${message}`);
      }
    }
  }

  private async pickTaskDefinition(folder: string): Promise<string | undefined> {
    const base = vscode.Uri.file(folder);
    const files = await vscode.workspace.findFiles(new vscode.RelativePattern(base, '**/*.json'), '**/{node_modules,.git,.berth}/**', 500);
    const candidates: string[] = [];
    for (const uri of files) {
      try {
        const text = await readFile(uri.fsPath, 'utf8');
        if (text.includes('"containerDefinitions"')) candidates.push(path.relative(folder, uri.fsPath).split(path.sep).join('/'));
      } catch {
        // unreadable: not a candidate
      }
    }
    if (candidates.length === 0) throw new Error(`No task definition JSON (a file with "containerDefinitions") under ${folder}. Add one, or set taskDefinition in .berthrc.yaml.`);
    return pickOne(candidates.sort(), 'task definition file', 'Registered with the pushed image (the file itself is never changed)');
  }

  private async offerToSave(engine: Engine, folder: string, target: DeployTarget): Promise<string | undefined> {
    const pick = await vscode.window.showInformationMessage(`Berth: save these choices as deploy target "${target.name}" in .berthrc.yaml?`, 'Save', 'Not now');
    if (pick !== 'Save') return undefined;
    const name = await vscode.window.showInputBox({ title: 'Berth: deploy target name', value: target.name, ignoreFocusOut: true, validateInput: (v) => (/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(v) ? undefined : 'Letters, digits, . _ - (e.g. web, api-prod)') });
    if (!name) return undefined;
    const file = engine.saveTarget(folder, { ...target, name });
    this.log.line(`Saved deploy target "${name}" in ${file}.`);
    void vscode.window.showInformationMessage(`Berth: saved deploy target "${name}" in ${vscode.workspace.asRelativePath(file)}.`);
    return name;
  }

  // ---- the run -----------------------------------------------------------------------------------

  private async execute(kind: CommandKind, engine: Engine, found: FoundTarget): Promise<DeployResult> {
    const { target, folder } = found;
    const mode = kind === 'image' ? 'image' : 'deploy';
    const steps = kind === 'rollback' ? 1 : engine.planSteps(target, mode, true).length;
    const abort = new AbortController();
    const lintLines: string[] = [];
    let currentStep = '';
    this.log.line(`── ${TITLES[kind](target.name)} (${describeTarget(target)}; ${folder})`);
    if (kind !== 'plan') {
      this.running = target.name;
      this.status.show(target.name, 'starting');
    }
    try {
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Berth: ${TITLES[kind](target.name)}`, cancellable: true },
        async (progress, token) => {
          token.onCancellationRequested(() => {
            this.log.line(`Cancel requested during "${currentStep || 'start'}"; stopping at the next safe point…`);
            abort.abort();
          });
          const options: DeployOptions = {
            workspace: folder,
            trusted: vscode.workspace.isTrusted,
            dryRun: kind === 'plan',
            mode,
            signal: abort.signal,
            onProgress: (event) => {
              this.log.event(event);
              if (event.type === 'step' && event.status === 'start') {
                currentStep = event.message;
                progress.report({ message: event.message, increment: 100 / steps });
                if (kind !== 'plan') this.status.show(target.name, event.message);
              } else if (event.type === 'rollout') progress.report({ message: `Watching the rollout: ${event.message}` });
              else if (event.type === 'log' && currentStep === 'Lint the target files') lintLines.push(event.message);
            },
            confirm: (question) => this.ask(kind, question, lintLines),
            ...environmentOverrides(),
          };
          return kind === 'rollback' ? engine.rollback(target, options) : engine.deploy(target, options);
        },
      );
      this.log.result(result);
      if (kind === 'plan' && result.outcome === 'planned') await this.showPlan(target, result);
      else this.notify(kind, result);
      return result;
    } finally {
      if (kind !== 'plan') {
        this.running = undefined;
        this.status.hide();
      }
    }
  }

  private async ask(kind: CommandKind, question: Question, lintLines: readonly string[]): Promise<boolean> {
    this.log.line(`? ${question.message}`);
    let answer: string | undefined;
    if (question.kind === 'lint-errors') {
      const detail = `${lintLines.slice(0, 8).join('\n')}${lintLines.length > 8 ? `\n… and ${lintLines.length - 8} more (Berth Deploy log)` : ''}`;
      answer = await vscode.window.showWarningMessage(question.message, { modal: true, detail }, 'Deploy anyway');
      answer = answer === 'Deploy anyway' ? answer : undefined;
    } else if (question.kind === 'confirm-target') {
      const button = kind === 'rollback' ? 'Roll back' : 'Deploy';
      answer = await vscode.window.showWarningMessage(question.message, { modal: true, detail: 'This target has confirm: true in .berthrc.yaml.' }, button);
    } else {
      answer = await vscode.window.showInformationMessage(question.message, { modal: true }, 'Create repository');
    }
    this.log.line(`  → ${answer ?? 'no'}`);
    return answer !== undefined;
  }

  private async showPlan(target: DeployTarget, result: DeployResult): Promise<void> {
    const uri = vscode.Uri.from({ scheme: PLAN_SCHEME, path: `/${target.name}.md` });
    this.plans.set(uri, planMarkdown(target, result));
    let doc = await vscode.workspace.openTextDocument(uri);
    if (doc.languageId !== 'markdown') doc = await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
    await vscode.window.showTextDocument(doc, { preview: false });
  }

  private notify(kind: CommandKind, result: DeployResult): void {
    const success = result.outcome === 'completed' || result.outcome === 'not-watched' || result.outcome === 'pushed' || result.outcome === 'planned';
    const done = !success && result.done.length > 0 ? ` What was done: ${result.done.join(' ')}` : '';
    const hints = result.hints.length > 0 ? ` ${result.hints.join(' ')}` : '';
    const text = `Berth: ${result.message}${done}${hints}`;
    const buttons = [...(result.consoleUrl ? ['Open in AWS Console'] : []), 'Show Log'];
    const shown = success
      ? vscode.window.showInformationMessage(text, ...buttons)
      : result.outcome === 'cancelled' || result.outcome === 'declined'
        ? vscode.window.showWarningMessage(text, ...buttons)
        : vscode.window.showErrorMessage(text, ...buttons);
    void shown.then((pick) => {
      if (pick === 'Open in AWS Console' && result.consoleUrl) void vscode.env.openExternal(vscode.Uri.parse(result.consoleUrl));
      else if (pick === 'Show Log') this.log.show();
    });
    void kind;
  }
}

function dismissed(): CommandResult {
  return { outcome: 'dismissed', message: 'Nothing was chosen; nothing was done.', done: [] };
}

function describeTarget(t: DeployTarget): string {
  const parts = [t.cluster && t.service ? `${t.cluster}/${t.service}` : undefined, t.ecrRepository ? `ECR ${t.ecrRepository}` : undefined, t.region, t.confirm ? 'confirm' : undefined].filter(Boolean);
  return parts.join(' · ') || 'incomplete';
}

async function pickOne(values: readonly string[], what: string, title: string): Promise<string | undefined> {
  if (values.length === 0) throw new Error(`No ${what} to choose from (${title}).`);
  return vscode.window.showQuickPick([...values], { title: `Berth: ${title}`, placeHolder: `Choose the ${what}`, ignoreFocusOut: true });
}

async function containerNames(file: string): Promise<string[]> {
  try {
    const json = JSON.parse(await readFile(file, 'utf8')) as { containerDefinitions?: { name?: string }[]; taskDefinition?: { containerDefinitions?: { name?: string }[] } };
    const defs = json.containerDefinitions ?? json.taskDefinition?.containerDefinitions ?? [];
    return defs.map((d) => d.name).filter((n): n is string => typeof n === 'string');
  } catch (error) {
    throw new Error(`Cannot read the containers of ${file}: ${(error as Error).message}`);
  }
}
