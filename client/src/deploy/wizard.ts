/**
 * The first-deploy wizard: which target a deploy command runs on, and what it lacks. A target comes from a
 * .berthrc.yaml `deploy.targets`; a new one, or one missing its cluster, service, repository, task definition or
 * container, is completed with quick picks listing the real clusters, services and repositories
 * (engine.listResources) and the workspace's task definitions, and can be saved (engine.saveTarget).
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DeployTarget, Engine, ResourceChoices } from './loader';
import type { DeployLog } from './log';
import type { CommandKind } from './run';
import { allConfigs, defaultFolder, describeTarget, readConfig, type FoundTarget } from './targets';

/** What the CodeLens (and tests) pass to a deploy command; the palette passes nothing. */
export interface DeployCommandArgs {
  /** Folder of the .berthrc.yaml. */
  readonly folder?: string;
  /** Target name in that file. */
  readonly target?: string;
}

export class TargetWizard {
  constructor(private readonly log: DeployLog) {}

  /** The target a command runs on: the one named in `args`, or picked from every .berthrc.yaml, or a new one. */
  async choose(kind: CommandKind, args: DeployCommandArgs): Promise<FoundTarget | undefined> {
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
    const targetKind = kind === 'image' ? 'ecs' : await pickKind();
    if (!targetKind) return undefined;
    return { folder, configFile: path.join(folder, '.berthrc.yaml'), target: { name: '', ...(targetKind !== 'ecs' ? { kind: targetKind } : {}), dockerfile: 'Dockerfile', context: '.', buildArgs: {}, confirm: false, forceNewDeployment: false } };
  }

  /** The target with what the command needs and the file lacks asked for (first deploy), then offered for saving. */
  async complete(kind: CommandKind, engine: Engine, found: FoundTarget): Promise<FoundTarget | undefined> {
    // A plan asks for nothing: the engine plans what the file says and lists what a deploy would ask for.
    if (kind === 'plan' && found.target.name) return found;
    const missing = kind === 'image' ? engine.missingForImage(found.target) : kind === 'rollback' ? (['cluster', 'service'] as const).filter((k) => found.target[k] === undefined) : engine.missingForDeploy(found.target);
    if (missing.length === 0) return found;
    this.log.line(`Target "${found.target.name || '(new)'}" needs ${missing.join(', ')}: asking.`);
    const target: Record<string, unknown> = { ...found.target };
    const targetKind = found.target.kind ?? 'ecs';
    let choices = await this.listResources(engine, target, undefined, targetKind);
    if (!choices) return undefined;
    if (targetKind !== 'ecs') return this.completeOther(engine, found, target, missing, choices);
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
      const repo = await pickOne([...choices.repositories, NEW_REPOSITORY], 'ECR repository', 'The image is pushed here (Berth offers to create a new one, with immutable tags)');
      if (!repo) return undefined;
      target.ecrRepository = repo === NEW_REPOSITORY ? await askRepositoryName() : repo;
      if (!target.ecrRepository) return undefined;
    }
    if (missing.includes('taskDefinition')) {
      const file = await this.pickTaskDefinition(found.folder);
      if (!file) return undefined;
      target.taskDefinition = file;
    }
    if (missing.includes('containerName') || missing.includes('taskDefinition')) {
      if (target.containerName === undefined) {
        const names = await containerNames(engine, found.folder, target.taskDefinition as string);
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

  /** An Express or Lambda target: the service name, the roles from the account's roles, or the function. */
  private async completeOther(engine: Engine, found: FoundTarget, target: Record<string, unknown>, missing: string[], choices: ResourceChoices): Promise<FoundTarget | undefined> {
    if (!target.region && choices.region) target.region = choices.region;
    if (missing.includes('function')) {
      const fn = await pickOne(choices.functions ?? [], 'function', 'Container-image Lambda functions (the deploy updates the code of one)');
      if (!fn) return undefined;
      target.function = fn;
    }
    if (missing.includes('service')) {
      const name = await vscode.window.showInputBox({ title: 'Berth: Express service name', prompt: 'The Express Mode service to create or update', ignoreFocusOut: true, validateInput: (v) => (/^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$/.test(v) ? undefined : 'Letters, digits, - and _') });
      if (!name) return undefined;
      target.service = name;
    }
    for (const [key, principal, what] of [
      ['executionRoleArn', 'ecs-tasks.amazonaws.com', 'task execution role (pulls the image, writes logs)'],
      ['infrastructureRoleArn', 'ecs.amazonaws.com', 'infrastructure role (ECS manages the load balancer, certificate and scaling with it)'],
    ] as const) {
      if (!missing.includes(key)) continue;
      const roles = (choices.roles ?? []).filter((r) => r.trusts.includes(principal));
      const pick = await pickOne(roles.map((r) => r.arn), what, `Roles that trust ${principal}: the ${what}`);
      if (!pick) return undefined;
      target[key] = pick;
    }
    if (missing.includes('ecrRepository')) {
      const repo = await pickOne([...choices.repositories, NEW_REPOSITORY], 'ECR repository', 'The image is pushed here (Berth offers to create a new one, with immutable tags)');
      if (!repo) return undefined;
      target.ecrRepository = repo === NEW_REPOSITORY ? await askRepositoryName() : repo;
      if (!target.ecrRepository) return undefined;
    }
    if (!target.name) target.name = ((target.service ?? target.function) as string | undefined)?.split(':').pop() ?? (target.ecrRepository as string).split('/').pop()!;
    const complete = target as unknown as DeployTarget;
    const saved = await this.offerToSave(engine, found.folder, complete);
    return { ...found, target: saved ? { ...complete, name: saved } : complete };
  }

  private async listResources(engine: Engine, target: Record<string, unknown>, clusters?: string[], kind: 'ecs' | 'express' | 'lambda' = 'ecs'): Promise<ResourceChoices | undefined> {
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
              ...(kind === 'lambda' ? { ecs: false, functions: true } : kind === 'express' ? { ecs: false, roles: true } : {}),
              signal: abort.signal,
            });
          },
        );
      } catch (error) {
        const message = (error as Error).message;
        this.log.line(`Listing resources failed: ${message}`);
        if (/region/i.test(message) && !target.region) {
          // No default: a guessed region (us-east-1 was one) would list and deploy to the wrong place.
          const region = await vscode.window.showInputBox({ title: 'Berth: AWS region', prompt: 'No region in the target, the profile or AWS_REGION. Region to deploy to:', placeHolder: 'e.g. eu-west-1', ignoreFocusOut: true, validateInput: (v) => (/^[a-z]{2}(-[a-z]+)+-\d$/.test(v) ? undefined : 'e.g. eu-west-1') });
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
}

const NEW_REPOSITORY = '$(add) New repository…';

function askRepositoryName(): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Berth: new ECR repository name',
    prompt: 'Lowercase letters, digits and . _ - / (e.g. team/web)',
    ignoreFocusOut: true,
    validateInput: (v) => (/^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/.test(v) ? undefined : 'Not a valid ECR repository name'),
  });
}

/** What a new target deploys to. */
async function pickKind(): Promise<'ecs' | 'express' | 'lambda' | undefined> {
  const items: (vscode.QuickPickItem & { deploysTo: 'ecs' | 'express' | 'lambda' })[] = [
    { label: 'ECS service', description: 'rolling, blue/green, linear or canary deployments', deploysTo: 'ecs' },
    { label: 'ECS Express Mode service', description: 'an image, two roles, and ECS provisions the rest; Berth shows its URL', deploysTo: 'express' },
    { label: 'Lambda function', description: 'a container-image function; optionally a version and an alias', deploysTo: 'lambda' },
  ];
  return (await vscode.window.showQuickPick(items, { title: 'Berth: what does the new target deploy to?', ignoreFocusOut: true }))?.deploysTo;
}

async function pickOne(values: readonly string[], what: string, title: string): Promise<string | undefined> {
  if (values.length === 0) throw new Error(`No ${what} to choose from (${title}).`);
  return vscode.window.showQuickPick([...values], { title: `Berth: ${title}`, placeHolder: `Choose the ${what}`, ignoreFocusOut: true });
}

/** The containers of the target's task definition file, read as the deploy will read it. */
async function containerNames(engine: Engine, folder: string, taskDefinition: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(path.resolve(folder, taskDefinition), 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the containers of ${taskDefinition}: ${(error as Error).message}`);
  }
  const read = engine.containerNamesOf(text, taskDefinition);
  if (!read.ok) throw new Error(read.message);
  return read.names;
}
