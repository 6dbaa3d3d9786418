/**
 * The deploy engine: lint → identity → repository → login → build → push → render → register → update →
 * watch (issue 8). Not in the core: it reads files, spawns the container CLI and calls AWS.
 *
 * Rules it keeps whatever happens:
 * - no UpdateService after a failed (or cancelled) earlier step;
 * - no task definition revision is ever deregistered (the engine has no code that could);
 * - the registry password goes to the container CLI on stdin, into a temporary DOCKER_CONFIG /
 *   REGISTRY_AUTH_FILE that is deleted afterwards, also on failure and cancel;
 * - a dry run makes read calls only;
 * - the user's task definition file is never written.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { CreateRepositoryCommand, DescribeImagesCommand, DescribeRepositoriesCommand, GetAuthorizationTokenCommand, type Repository } from '@aws-sdk/client-ecr';
import { DescribeServicesCommand, ListClustersCommand, ListServicesCommand, RegisterTaskDefinitionCommand, UpdateServiceCommand, type RegisterTaskDefinitionCommandInput, type Service } from '@aws-sdk/client-ecs';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import {
  appendHistory,
  assessRollout,
  decodeAuthorizationToken,
  DEREGISTRATION_HINT,
  digestFromPushOutput,
  imageRef,
  imageTag,
  isDigest,
  newEvents,
  parseHistory,
  planSteps,
  registryHostOf,
  revisionName,
  rollbackRevision,
  STEP_TITLES,
  type HistoryEntry,
  type PlanStep,
  type StepId,
} from '../core/deploy/plan';
import { renderTaskDefinition } from '../core/deploy/render';
import type { ContainerCliName, DeployTarget } from '../core/config/targets';
import { missingForDeploy, missingForImage, withTarget } from '../core/deploy/target';
import { configFileOf, formatProblem, loadConfig } from '../io/berthrc';
import { createClients, describeAwsError, destroyClients, type AwsClients } from './aws';
import { childEnv, detectContainerCli, spawnRunner, type ProcessRunner } from './runner';

// ---- public types ----------------------------------------------------------------------------

export type StepStatus = 'start' | 'done' | 'skipped' | 'failed';

export type ProgressEvent =
  | { readonly type: 'step'; readonly step: StepId | 'rollback'; readonly status: StepStatus; readonly message: string }
  | { readonly type: 'log'; readonly message: string }
  | { readonly type: 'service-event'; readonly at?: string; readonly message: string }
  | { readonly type: 'rollout'; readonly message: string };

export type Question =
  | { readonly kind: 'lint-errors'; readonly message: string }
  | { readonly kind: 'confirm-target'; readonly message: string }
  | { readonly kind: 'create-repository'; readonly message: string };

export type Outcome = 'completed' | 'not-watched' | 'pushed' | 'planned' | 'failed' | 'rolled-back' | 'timed-out' | 'cancelled' | 'declined' | 'refused';

export interface DeployOptions {
  /** Folder of .berthrc.yaml; relative paths of the target are resolved against it; history lives in .berth/ here. */
  readonly workspace: string;
  /** false → refuse at once (untrusted workspace). Default true. */
  readonly trusted?: boolean;
  readonly dryRun?: boolean;
  /** 'image': build and push only. */
  readonly mode?: 'deploy' | 'image';
  /** Watch the rollout (default true). */
  readonly wait?: boolean;
  readonly timeoutMinutes?: number;
  readonly forceNewDeployment?: boolean;
  /** Answers yes to every question (CLI --yes). */
  readonly yes?: boolean;
  readonly onProgress?: (event: ProgressEvent) => void;
  /** Asked on lint errors, for confirm: true targets and before creating a repository. No callback → no. */
  readonly confirm?: (question: Question) => Promise<boolean>;
  readonly signal?: AbortSignal;
  // ---- overrides, for LocalStack users and tests
  /** One endpoint for ECS, ECR and STS (the AWS_ENDPOINT_URL* variables work without this). */
  readonly endpoint?: string;
  /** Push to this registry host instead of the one ECR names (e.g. 127.0.0.1:5000). */
  readonly registryHost?: string;
  readonly containerCli?: ContainerCliName;
  readonly runner?: ProcessRunner;
  readonly clients?: AwsClients;
  /** Environment for child processes and CLI detection (default process.env). */
  readonly env?: NodeJS.ProcessEnv;
  readonly pollIntervalMs?: number;
  readonly now?: () => Date;
  /** SDK retry attempts (default 3). */
  readonly maxAttempts?: number;
}

export interface StepRecord {
  readonly id: StepId | 'rollback';
  readonly title: string;
  status: StepStatus;
  message: string;
}

export interface DeployResult {
  readonly target: string;
  outcome: Outcome;
  /** One sentence: what happened and why. */
  message: string;
  /** What was actually done, in order: the true state after a failure or cancel. */
  readonly done: string[];
  readonly steps: StepRecord[];
  readonly plan?: PlanStep[];
  account?: string;
  region?: string;
  image?: string;
  digest?: string;
  taskDefinitionArn?: string;
  previousTaskDefinitionArn?: string;
  /** The rendered RegisterTaskDefinition input (dry run: with a placeholder image). */
  rendered?: Record<string, unknown>;
  consoleUrl?: string;
  hints: string[];
}

export const EXIT_CODES: Readonly<Record<Outcome, 0 | 1>> = {
  completed: 0,
  'not-watched': 0,
  pushed: 0,
  planned: 0,
  failed: 1,
  'rolled-back': 1,
  'timed-out': 1,
  cancelled: 1,
  declined: 1,
  refused: 1,
};

export class TargetError extends Error {}

/** Reads `deploy.targets.<name>` from the workspace's .berthrc.yaml. Throws TargetError with a clear message. */
export function loadTarget(workspace: string, name: string): DeployTarget {
  const file = configFileOf(workspace);
  if (!file.exists) throw new TargetError(`No .berthrc.yaml in ${workspace}; add deploy.targets.${name} there.`);
  const loaded = loadConfig(workspace);
  const fileName = basename(file.path);
  if (!loaded.ok && loaded.message) throw new TargetError(`${fileName}: ${loaded.message}`);
  // The deploy section's problems stop a deploy; so does a broken file (its errors include any YAML syntax error).
  const problems = loaded.ok ? loaded.targetErrors : loaded.errors;
  if (problems.length > 0) throw new TargetError(problems.map((e) => formatProblem(fileName, loaded.text ?? '', e)).join('\n'));
  const targets = loaded.ok ? loaded.targets : {};
  const target = targets[name];
  if (!target) {
    const names = Object.keys(targets);
    throw new TargetError(`No deploy target "${name}" in ${fileName}${names.length ? `; the targets are ${names.join(', ')}` : '; it has no deploy.targets'}.`);
  }
  return target;
}

/** Lints files with Berth (the CLI's linter); returns error findings as "file:line:col: message". Injectable for tests. */
export type Linter = (files: readonly string[], workspace: string) => string[];

let linter: Linter = defaultLinter;
/** Replaces the linter (tests). */
export function setLinter(next: Linter | undefined): void {
  linter = next ?? defaultLinter;
}

function defaultLinter(files: readonly string[], workspace: string): string[] {
  // Lazy, so the engine's tests do not pay for the rule set unless they lint.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { lintTargets } = require('../cli/lint') as typeof import('../cli/lint');
  const targets = files.map((f) => ({ display: relative(workspace, f) || f, absolute: f }));
  const run = lintTargets(targets, { rules: {}, limits: {} });
  return run.findings.filter((f) => f.severity === 'error').map((f) => `${f.file}:${f.line}:${f.column}: ${f.message} (${f.ruleId})`);
}

// ---- the engine --------------------------------------------------------------------------------

class Stop extends Error {
  constructor(
    readonly outcome: Outcome,
    message: string,
  ) {
    super(message);
  }
}

class Run {
  readonly result: DeployResult;
  readonly clients: AwsClients;
  private readonly ownClients: boolean;
  readonly runner: ProcessRunner;
  readonly env: NodeJS.ProcessEnv;
  readonly startedAt = new Date().toISOString();

  constructor(
    readonly target: DeployTarget,
    readonly options: DeployOptions,
  ) {
    this.result = { target: target.name, outcome: 'failed', message: '', done: [], steps: [], hints: [] };
    this.ownClients = options.clients === undefined;
    this.clients =
      options.clients ??
      createClients({
        ...(target.region !== undefined ? { region: target.region } : {}),
        ...(target.profile !== undefined ? { profile: target.profile } : {}),
        ...(options.endpoint !== undefined ? { endpoint: options.endpoint } : {}),
        ...(options.maxAttempts !== undefined ? { maxAttempts: options.maxAttempts } : {}),
      });
    this.runner = options.runner ?? spawnRunner;
    this.env = options.env ?? process.env;
  }

  dispose(): void {
    if (this.ownClients) destroyClients(this.clients);
  }

  emit(event: ProgressEvent): void {
    try {
      this.options.onProgress?.(event);
    } catch {
      // a broken listener must not break the deploy
    }
  }

  log(message: string): void {
    this.emit({ type: 'log', message });
  }

  did(sentence: string): void {
    this.result.done.push(sentence);
  }

  checkCancel(): void {
    if (this.options.signal?.aborted) throw new Stop('cancelled', this.cancelMessage());
  }

  /** What a cancel leaves behind, from what was done. */
  cancelMessage(): string {
    const r = this.result;
    if (r.done.some((d) => d.startsWith('Updated service'))) {
      return `Stopped watching. UpdateService was already called: ECS goes on rolling out ${revisionName(r.taskDefinitionArn)} on its own; the service was not changed back.`;
    }
    if (r.taskDefinitionArn) return `Cancelled after registering ${revisionName(r.taskDefinitionArn)}; the service was not changed.`;
    if (r.digest) return `Cancelled after pushing ${r.image}; nothing was registered and the service was not changed.`;
    return 'Cancelled; nothing was pushed or registered and the service was not changed.';
  }

  async step<T>(id: StepId | 'rollback', body: (record: StepRecord) => Promise<T>): Promise<T> {
    this.checkCancel();
    const record: StepRecord = { id, title: id === 'rollback' ? 'Roll back the service' : STEP_TITLES[id], status: 'start', message: '' };
    this.result.steps.push(record);
    this.emit({ type: 'step', step: id, status: 'start', message: record.title });
    try {
      const value = await body(record);
      if (record.status === 'start') record.status = 'done';
      this.emit({ type: 'step', step: id, status: record.status, message: record.message || record.title });
      return value;
    } catch (error) {
      const stop = this.toStop(error);
      record.status = 'failed';
      record.message = stop.message;
      this.emit({ type: 'step', step: id, status: 'failed', message: stop.message });
      throw stop;
    }
  }

  toStop(error: unknown): Stop {
    if (error instanceof Stop) return error;
    if (this.options.signal?.aborted || (error as Error)?.name === 'AbortError') return new Stop('cancelled', this.cancelMessage());
    return new Stop('failed', describeAwsError(error).message);
  }

  async ask(question: Question): Promise<boolean> {
    if (this.options.yes) return true;
    if (!this.options.confirm) return false;
    return this.options.confirm(question);
  }

  async send<T>(client: { send(command: unknown, options?: unknown): Promise<unknown> }, command: unknown): Promise<T> {
    this.checkCancel();
    return (await client.send(command, { abortSignal: this.options.signal })) as T;
  }

  path(p: string): string {
    return resolve(this.options.workspace, p);
  }
}

/** Deploys a target (its name in .berthrc.yaml, or a target object): see the module comment. Never throws. */
export async function deploy(targetOrName: string | DeployTarget, options: DeployOptions): Promise<DeployResult> {
  const mode = options.mode ?? 'deploy';
  let target: DeployTarget;
  try {
    target = typeof targetOrName === 'string' ? loadTarget(options.workspace, targetOrName) : targetOrName;
  } catch (error) {
    return failedEarly(typeof targetOrName === 'string' ? targetOrName : '?', 'refused', (error as Error).message);
  }
  if (options.trusted === false) {
    return failedEarly(target.name, 'refused', 'Deploy is disabled in an untrusted workspace: trust the workspace first. Nothing was done.');
  }
  const missing = mode === 'image' ? missingForImage(target) : missingForDeploy(target);
  if (missing.length > 0) {
    return failedEarly(target.name, 'refused', `The deploy target "${target.name}" needs ${missing.join(', ')} in .berthrc.yaml (deploy.targets.${target.name}). Nothing was done.`);
  }

  const run = new Run(target, options);
  const r = run.result;
  const wait = options.wait ?? true;
  if (options.dryRun) Object.assign(r, { plan: planSteps(target, mode, wait) });
  let authDir: string | undefined;
  try {
    // Read the task definition first: a broken file stops everything before any AWS call.
    let tdText: string | undefined;
    let platform = target.platform;
    if (mode === 'deploy') {
      const file = run.path(target.taskDefinition!);
      try {
        tdText = readFileSync(file, 'utf8');
      } catch (error) {
        throw new Stop('failed', `Cannot read the task definition ${target.taskDefinition}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Nothing was done.`);
      }
      const probe = renderTaskDefinition(tdText, { containerName: target.containerName!, image: '<image>', fileName: target.taskDefinition! });
      if (!probe.ok) throw new Stop('failed', `${probe.message} Nothing was done.`);
      platform ??= probe.platform;
    }
    platform ??= 'linux/amd64';

    // 1. Lint
    await run.step('lint', async (rec) => {
      const files = [run.path(target.dockerfile), ...(tdText !== undefined ? [run.path(target.taskDefinition!)] : [])];
      const errors = linter(files, options.workspace);
      if (errors.length === 0) {
        rec.message = `No errors in ${files.map((f) => relative(options.workspace, f)).join(', ')}.`;
        return;
      }
      for (const e of errors) run.log(e);
      if (options.dryRun) {
        rec.message = `${errors.length} lint error(s); a deploy would ask before going on.`;
        return;
      }
      const anyway = await run.ask({ kind: 'lint-errors', message: `Berth found ${errors.length} error(s) in the target's files. Deploy anyway?` });
      if (!anyway) throw new Stop('declined', `Berth found ${errors.length} error(s) in the target's files (first: ${errors[0]}). Fix them, or deploy anyway. Nothing was done.`);
      rec.message = `${errors.length} lint error(s); deploying anyway as asked.`;
    });

    // 2. Identity (and the service, read-only, so a missing service stops before anything is pushed)
    await run.step('identity', async (rec) => {
      const id = await run.send<{ Account?: string; Arn?: string }>(run.clients.sts, new GetCallerIdentityCommand({}));
      r.account = id.Account;
      r.region = await run.clients.ecs.config.region();
      rec.message = `Account ${id.Account} (${id.Arn}), region ${r.region}.`;
      run.log(rec.message);
      if (mode === 'deploy') {
        const service = await describeService(run, target);
        r.previousTaskDefinitionArn = service.taskDefinition;
        rec.message += ` Service ${target.service} runs ${revisionName(service.taskDefinition)}.`;
      }
      if (target.confirm && !options.dryRun) {
        const what = mode === 'deploy' ? `service ${target.service} in cluster ${target.cluster}` : `repository ${target.ecrRepository}`;
        const ok = await run.ask({ kind: 'confirm-target', message: `Deploy "${target.name}" to ${what}, account ${r.account}, region ${r.region}?` });
        if (!ok) throw new Stop('declined', `Deploy to "${target.name}" was not confirmed. Nothing was done.`);
      }
    });

    // 3. Repository and tag
    const git = await gitState(run);
    const tag = imageTag(git, (options.now ?? (() => new Date()))());
    let repository: Repository | undefined;
    await run.step('repository', async (rec) => {
      repository = await findRepository(run, target.ecrRepository!);
      if (!repository) {
        if (options.dryRun) {
          rec.message = `Repository ${target.ecrRepository} does not exist; a deploy would offer to create it (IMMUTABLE tags, scan on push).`;
          return;
        }
        const create = await run.ask({ kind: 'create-repository', message: `The ECR repository "${target.ecrRepository}" does not exist in ${r.account}/${r.region}. Create it (IMMUTABLE tags, scan on push)?` });
        if (!create) throw new Stop('declined', `The ECR repository "${target.ecrRepository}" does not exist and was not created. Nothing was done.`);
        const created = await run.send<{ repository?: Repository }>(
          run.clients.ecr,
          new CreateRepositoryCommand({ repositoryName: target.ecrRepository!, imageTagMutability: 'IMMUTABLE', imageScanningConfiguration: { scanOnPush: true } }),
        );
        repository = created.repository;
        run.did(`Created the ECR repository ${repository?.repositoryUri ?? target.ecrRepository}.`);
      }
      const immutable = (repository?.imageTagMutability ?? 'IMMUTABLE').startsWith('IMMUTABLE');
      if (repository && immutable && (await tagExists(run, target.ecrRepository!, tag))) {
        throw new Stop(
          'failed',
          `The tag ${tag} already exists in ${target.ecrRepository}, whose tags are immutable: this commit was pushed before. Commit your change (or deploy the existing image) and try again.${r.done.length ? '' : ' Nothing was done.'}`,
        );
      }
      rec.message = `${repository?.repositoryUri ?? target.ecrRepository} (${repository?.imageTagMutability ?? 'IMMUTABLE'} tags); the image tag will be ${tag}.`;
    });

    if (options.dryRun) {
      const host = options.registryHost ?? (repository?.repositoryUri ? registryHostOf(repository.repositoryUri.split('/')[0]!) : '<registry>');
      r.image = imageRef(host, target.ecrRepository!, tag);
      if (tdText !== undefined) {
        const rendered = renderTaskDefinition(tdText, { containerName: target.containerName!, image: `${host}/${target.ecrRepository}@<digest after push>`, fileName: target.taskDefinition! });
        if (rendered.ok) r.rendered = rendered.input;
      }
      r.outcome = 'planned';
      r.message = `Plan for "${target.name}": build ${r.image} for ${platform}${mode === 'deploy' ? `, register ${r.rendered?.family as string}, update ${target.cluster}/${target.service}` : ''}. No AWS write calls were made.`;
      return r;
    }

    // 4. Login
    const cli = detectContainerCli(run.env, options.containerCli ?? target.containerCli);
    if (!cli) throw new Stop('failed', `No container CLI found${target.containerCli ? ` (${target.containerCli} was asked for)` : ''}: install docker, podman or finch, or set containerCli in the target. Nothing was pushed.`);
    authDir = mkdtempSync(join(tmpdir(), 'berth-auth-'));
    const authEnv = childEnv(run.env, { DOCKER_CONFIG: authDir, REGISTRY_AUTH_FILE: join(authDir, 'auth.json') });
    writeFileSync(join(authDir, 'config.json'), '{}\n', { mode: 0o600 });
    let host = '';
    await run.step('login', async (rec) => {
      const token = await run.send<{ authorizationData?: { authorizationToken?: string; proxyEndpoint?: string }[] }>(
        run.clients.ecr,
        new GetAuthorizationTokenCommand(repository?.registryId ? { registryIds: [repository.registryId] } : {}),
      );
      const data = token.authorizationData?.[0];
      const creds = data?.authorizationToken ? decodeAuthorizationToken(data.authorizationToken) : undefined;
      if (!creds) throw new Stop('failed', 'ECR returned no usable authorization token. Nothing was pushed.');
      host = options.registryHost ?? registryHostOf(data!.proxyEndpoint ?? repository?.repositoryUri?.split('/')[0] ?? '');
      const res = await run.runner.run(cli, ['login', ...tlsArgs(cli, host), '--username', creds.user, '--password-stdin', host], {
        env: authEnv,
        input: `${creds.password}\n`,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      if (res.aborted) throw new Stop('cancelled', 'Cancelled during the registry login. Nothing was pushed.');
      if (res.code !== 0) throw new Stop('failed', `${cli} login to ${host} failed: ${lastLines(res.stderr || res.stdout)} Nothing was pushed.`);
      rec.message = `Logged in to ${host} with ${cli} (temporary credentials file).`;
    });

    // 5. Build
    const ref = imageRef(host, target.ecrRepository!, tag);
    r.image = ref;
    await run.step('build', async (rec) => {
      const args = ['build', '--platform', platform!, '-f', run.path(target.dockerfile), '-t', ref];
      for (const [k, v] of Object.entries(target.buildArgs)) args.push('--build-arg', `${k}=${v}`);
      args.push(run.path(target.context));
      const res = await run.runner.run(cli, args, { env: authEnv, cwd: options.workspace, onLine: (line) => run.log(line), ...(options.signal ? { signal: options.signal } : {}) });
      if (res.aborted) throw new Stop('cancelled', 'Cancelled during the build. Nothing was pushed.');
      if (res.code !== 0) throw new Stop('failed', `The image build failed (${cli} exit ${res.code}): ${lastLines(res.stderr || res.stdout)} Nothing was pushed.`);
      rec.message = `Built ${ref} for ${platform}.`;
    });

    // 6. Push
    await run.step('push', async (rec) => {
      const digestFile = join(authDir!, 'digest');
      const args = cli === 'podman' ? ['push', ...tlsArgs(cli, host), '--digestfile', digestFile, ref] : ['push', ref];
      const res = await run.runner.run(cli, args, { env: authEnv, onLine: (line) => run.log(line), ...(options.signal ? { signal: options.signal } : {}) });
      if (res.aborted) throw new Stop('cancelled', `Cancelled during the push of ${ref}: the image may be partly uploaded; nothing was registered and the service was not changed.`);
      if (res.code !== 0) {
        const out = `${res.stderr}\n${res.stdout}`;
        const why = /already exists|tag invalid|immutable/i.test(out)
          ? `the tag ${tag} already exists in the immutable repository ${target.ecrRepository}.`
          : /denied|unauthorized|forbidden|403/i.test(out)
            ? `the registry denied the push (${lastLines(out)}). Check ecr:InitiateLayerUpload, ecr:UploadLayerPart, ecr:CompleteLayerUpload, ecr:PutImage and ecr:BatchCheckLayerAvailability on the repository.`
            : lastLines(out);
        throw new Stop('failed', `Pushing ${ref} failed: ${why} Nothing was registered and the service was not changed.`);
      }
      let digest = cli === 'podman' ? readOptional(digestFile)?.trim() : undefined;
      digest ??= digestFromPushOutput(`${res.stdout}\n${res.stderr}`);
      if (!digest || !isDigest(digest)) throw new Stop('failed', `Pushed ${ref}, but its digest could not be read from ${cli}'s output. Nothing was registered.`);
      r.digest = digest;
      run.did(`Pushed ${ref} (${digest}).`);
      rec.message = `Pushed ${ref}; digest ${digest}.`;
    });
    rmSync(authDir, { recursive: true, force: true });
    authDir = undefined;

    if (mode === 'image') {
      r.outcome = 'pushed';
      r.message = `Pushed ${r.image} (${r.digest}).`;
      return r;
    }

    // 7. Render
    const image = `${host}/${target.ecrRepository}@${r.digest}`;
    let input: Record<string, unknown> = {};
    await run.step('render', async (rec) => {
      const rendered = renderTaskDefinition(tdText!, { containerName: target.containerName!, image, fileName: target.taskDefinition! });
      if (!rendered.ok) throw new Stop('failed', rendered.message);
      input = rendered.input;
      r.rendered = input;
      rec.message = `Container ${target.containerName} → ${image}${rendered.stripped.length ? `; removed describe-only keys ${rendered.stripped.join(', ')}` : ''}.`;
    });

    // 8. Register
    await run.step('register', async (rec) => {
      const out = await run.send<{ taskDefinition?: { taskDefinitionArn?: string } }>(run.clients.ecs, new RegisterTaskDefinitionCommand(input as unknown as RegisterTaskDefinitionCommandInput));
      const arn = out.taskDefinition?.taskDefinitionArn;
      if (!arn) throw new Stop('failed', 'RegisterTaskDefinition returned no ARN.');
      r.taskDefinitionArn = arn;
      run.did(`Registered ${revisionName(arn)}.`);
      rec.message = `Registered ${arn}.`;
    });

    // 9. Update
    const deploymentId = await run.step('update', async (rec) => {
      const service = await describeService(run, target);
      r.previousTaskDefinitionArn = service.taskDefinition;
      const out = await run.send<{ service?: Service }>(
        run.clients.ecs,
        new UpdateServiceCommand({ cluster: target.cluster!, service: target.service!, taskDefinition: r.taskDefinitionArn!, forceNewDeployment: options.forceNewDeployment ?? target.forceNewDeployment }),
      );
      run.did(`Updated service ${target.cluster}/${target.service} to ${revisionName(r.taskDefinitionArn)} (it ran ${revisionName(service.taskDefinition)}).`);
      rec.message = `UpdateService: ${target.service} → ${revisionName(r.taskDefinitionArn)}.`;
      r.consoleUrl = consoleUrl(r.region, target);
      writeHistory(run, { action: 'deploy', outcome: 'not-watched' });
      return { id: out.service?.deployments?.find((d) => d.status === 'PRIMARY')?.id, events: out.service?.events ?? service.events ?? [] };
    });

    if (!wait) {
      r.outcome = 'not-watched';
      r.message = `Deployed ${revisionName(r.taskDefinitionArn)} to ${target.service}; the rollout was not watched.`;
      return r;
    }

    // 10. Watch
    await watch(run, target, r.taskDefinitionArn!, deploymentId.id, deploymentId.events);
    return r;
  } catch (error) {
    const stop = run.toStop(error);
    r.outcome = stop.outcome;
    r.message = stop.message;
    if (r.taskDefinitionArn && r.outcome !== 'completed' && !r.done.some((d) => d.startsWith('Updated service'))) {
      r.hints.push(`${revisionName(r.taskDefinitionArn)} stays registered (revisions are never deregistered); the service was not changed.`);
    }
    return r;
  } finally {
    if (authDir) rmSync(authDir, { recursive: true, force: true });
    if (r.done.some((d) => d.startsWith('Updated service'))) writeHistory(run, { action: 'deploy', outcome: historyOutcome(r.outcome) });
    run.dispose();
  }
}

/** `Roll back service`: UpdateService to the revision that ran before the latest deploy (from the history), then watch. */
export async function rollback(targetOrName: string | DeployTarget, options: DeployOptions): Promise<DeployResult> {
  let target: DeployTarget;
  try {
    target = typeof targetOrName === 'string' ? loadTarget(options.workspace, targetOrName) : targetOrName;
  } catch (error) {
    return failedEarly(typeof targetOrName === 'string' ? targetOrName : '?', 'refused', (error as Error).message);
  }
  if (options.trusted === false) return failedEarly(target.name, 'refused', 'Rollback is disabled in an untrusted workspace. Nothing was done.');
  if (target.cluster === undefined || target.service === undefined) return failedEarly(target.name, 'refused', `The target "${target.name}" has no cluster/service.`);
  const run = new Run(target, options);
  const r = run.result;
  try {
    let deployment: { id?: string; events: readonly { id?: string }[] } = { events: [] };
    await run.step('rollback', async (rec) => {
      const service = await describeService(run, target);
      r.region = await run.clients.ecs.config.region();
      const history = parseHistory(readOptional(historyPath(options.workspace)));
      const previous = rollbackRevision(history, target.name, service.taskDefinition);
      if (!previous) throw new Stop('failed', `No earlier revision of "${target.name}" in the deploy history (.berth/deploy-history.json). Nothing was done.`);
      r.previousTaskDefinitionArn = service.taskDefinition;
      r.taskDefinitionArn = previous;
      if (target.confirm && !options.dryRun) {
        const ok = await run.ask({ kind: 'confirm-target', message: `Roll ${target.cluster}/${target.service} back from ${revisionName(service.taskDefinition)} to ${revisionName(previous)}?` });
        if (!ok) throw new Stop('declined', 'Rollback not confirmed. Nothing was done.');
      }
      if (options.dryRun) {
        rec.message = `Would update ${target.service} from ${revisionName(service.taskDefinition)} to ${revisionName(previous)}.`;
        throw new Stop('planned', rec.message);
      }
      const out = await run.send<{ service?: Service }>(run.clients.ecs, new UpdateServiceCommand({ cluster: target.cluster!, service: target.service!, taskDefinition: previous }));
      run.did(`Updated service ${target.cluster}/${target.service} back to ${revisionName(previous)} (it ran ${revisionName(service.taskDefinition)}).`);
      rec.message = r.done.at(-1)!;
      r.consoleUrl = consoleUrl(r.region, target);
      deployment = { id: out.service?.deployments?.find((d) => d.status === 'PRIMARY')?.id, events: out.service?.events ?? service.events ?? [] };
    });
    if (options.wait === false) {
      r.outcome = 'not-watched';
      r.message = `Rolled ${target.service} back to ${revisionName(r.taskDefinitionArn)}; the rollout was not watched.`;
      return r;
    }
    await watch(run, target, r.taskDefinitionArn!, deployment.id, deployment.events);
    return r;
  } catch (error) {
    const stop = run.toStop(error);
    r.outcome = stop.outcome;
    r.message = stop.message;
    return r;
  } finally {
    if (r.done.length > 0) writeHistory(run, { action: 'rollback', outcome: historyOutcome(r.outcome) });
    run.dispose();
  }
}

// ---- steps' helpers ----------------------------------------------------------------------------

async function describeService(run: Run, target: DeployTarget): Promise<Service> {
  const out = await run.send<{ services?: Service[]; failures?: { reason?: string; arn?: string }[] }>(run.clients.ecs, new DescribeServicesCommand({ cluster: target.cluster!, services: [target.service!] }));
  const service = out.services?.[0];
  if (!service) {
    const reason = out.failures?.[0]?.reason ?? 'MISSING';
    throw new Stop('failed', `The service "${target.service}" was not found in cluster "${target.cluster}" (${reason}).${run.result.done.length ? '' : ' Nothing was done.'}`);
  }
  if (service.status !== 'ACTIVE') throw new Stop('failed', `The service "${target.service}" is ${service.status}, not ACTIVE.`);
  const controller = service.deploymentController?.type ?? 'ECS';
  if (controller === 'CODE_DEPLOY') {
    throw new Stop('failed', `The service "${target.service}" uses the CODE_DEPLOY deployment controller: its deployments go through CodeDeploy with an AppSpec, which Berth does not drive yet. Deploy with CodeDeploy (CreateDeployment), or switch the service to the ECS controller.`);
  }
  if (controller === 'EXTERNAL') throw new Stop('failed', `The service "${target.service}" uses the EXTERNAL deployment controller; Berth does not deploy such services.`);
  return service;
}

async function findRepository(run: Run, name: string): Promise<Repository | undefined> {
  try {
    const out = await run.send<{ repositories?: Repository[] }>(run.clients.ecr, new DescribeRepositoriesCommand({ repositoryNames: [name] }));
    return out.repositories?.[0];
  } catch (error) {
    if ((error as Error).name === 'RepositoryNotFoundException') return undefined;
    throw error;
  }
}

async function tagExists(run: Run, repositoryName: string, tag: string): Promise<boolean> {
  try {
    const out = await run.send<{ imageDetails?: unknown[] }>(run.clients.ecr, new DescribeImagesCommand({ repositoryName, imageIds: [{ imageTag: tag }] }));
    return (out.imageDetails?.length ?? 0) > 0;
  } catch (error) {
    if ((error as Error).name === 'ImageNotFoundException' || (error as Error).name === 'RepositoryNotFoundException') return false;
    throw error;
  }
}

async function gitState(run: Run): Promise<{ sha?: string; dirty?: boolean }> {
  const env = childEnv(run.env, {});
  const head = await run.runner.run('git', ['rev-parse', '--short', 'HEAD'], { cwd: run.options.workspace, env });
  if (head.code !== 0) return {};
  const status = await run.runner.run('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: run.options.workspace, env });
  return { sha: head.stdout.trim(), dirty: status.code !== 0 || status.stdout.trim() !== '' };
}

async function watch(run: Run, target: DeployTarget, taskDefinitionArn: string, deploymentId: string | undefined, initialEvents: readonly { id?: string }[]): Promise<void> {
  const r = run.result;
  const minutes = run.options.timeoutMinutes ?? target.timeoutMinutes ?? 30;
  const interval = run.options.pollIntervalMs ?? 6000;
  const seen = new Set<string>();
  newEvents(initialEvents, seen);
  const started = Date.now();
  const deadline = started + minutes * 60_000;
  const maxPolls = Math.ceil((minutes * 60_000) / Math.max(interval, 1)) + 2;
  let draining = false;
  let lastSummary = '';
  await run.step('watch', async (rec) => {
    for (let poll = 0; poll < maxPolls; poll++) {
      if (poll > 0 || interval > 0) await sleep(Math.min(interval, Math.max(0, deadline - Date.now())), run.options.signal);
      run.checkCancel();
      let out: { services?: Service[] };
      try {
        out = await run.send<{ services?: Service[] }>(run.clients.ecs, new DescribeServicesCommand({ cluster: target.cluster!, services: [target.service!] }));
      } catch (error) {
        if (run.options.signal?.aborted || error instanceof Stop) throw error;
        throw new Stop('failed', `Lost track of the rollout: ${describeAwsError(error).message} UpdateService was already called; ECS goes on rolling out ${revisionName(taskDefinitionArn)}. Check the service in the console.`);
      }
      const service = out.services?.[0];
      if (!service) throw new Stop('failed', `The service "${target.service}" disappeared during the rollout.`);
      for (const e of newEvents(service.events, seen)) run.emit({ type: 'service-event', ...(e.createdAt ? { at: new Date(e.createdAt).toISOString() } : {}), message: e.message ?? '' });
      const verdict = assessRollout(service, taskDefinitionArn, deploymentId);
      if (verdict.summary !== lastSummary) {
        run.emit({ type: 'rollout', message: verdict.summary });
        lastSummary = verdict.summary;
      }
      if (verdict.state === 'completed') {
        r.outcome = 'completed';
        r.message = `${target.service} runs ${revisionName(taskDefinitionArn)}: ${verdict.summary}`;
        rec.message = verdict.summary;
        return;
      }
      if (verdict.state === 'failed') {
        const recent = (service.events ?? []).slice(0, 5).map((e) => e.message).filter(Boolean);
        throw new Stop(verdict.rolledBack ? 'rolled-back' : 'failed', `The deploy FAILED: ${verdict.summary}${recent.length ? ` Latest service events: ${recent.join(' | ')}` : ''}`);
      }
      draining = verdict.draining;
      if (Date.now() >= deadline) break;
    }
    if (draining) r.hints.push(DEREGISTRATION_HINT);
    throw new Stop('timed-out', `The rollout did not finish within ${minutes} minute(s) (${lastSummary}). ECS goes on with it; the service was not changed back.${draining ? ` ${DEREGISTRATION_HINT}` : ''}`);
  });
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolveSleep) => {
    if (signal?.aborted) return resolveSleep();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolveSleep();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

function tlsArgs(cli: ContainerCliName, host: string): string[] {
  // podman refuses plain HTTP even on loopback; docker and finch allow it for 127.0.0.0/8 and localhost.
  return cli === 'podman' && /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(host) ? ['--tls-verify=false'] : [];
}

function lastLines(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.slice(-3).join(' / ') || '(no output)';
}

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export function historyPath(workspace: string): string {
  return join(workspace, '.berth', 'deploy-history.json');
}

/** Writes (or rewrites) this run's entry in the history. Failing to write the history never fails a deploy. */
function writeHistory(run: Run, entry: { action: 'deploy' | 'rollback'; outcome: HistoryEntry['outcome'] }): void {
  const r = run.result;
  if (!r.taskDefinitionArn || run.target.cluster === undefined || run.target.service === undefined) return;
  try {
    const file = historyPath(run.options.workspace);
    let history = parseHistory(readOptional(file));
    const full: HistoryEntry = {
      at: run.startedAt,
      action: entry.action,
      cluster: run.target.cluster,
      service: run.target.service,
      taskDefinitionArn: r.taskDefinitionArn,
      ...(r.previousTaskDefinitionArn !== undefined ? { previousTaskDefinitionArn: r.previousTaskDefinitionArn } : {}),
      ...(r.image !== undefined && r.digest !== undefined ? { image: `${r.image.replace(/:[^:/]+$/, '')}@${r.digest}` } : {}),
      outcome: entry.outcome,
    };
    const list = history.targets[run.target.name] ?? [];
    const last = list.at(-1);
    if (last && last.at === full.at && last.taskDefinitionArn === full.taskDefinitionArn) {
      history = { version: 1, targets: { ...history.targets, [run.target.name]: [...list.slice(0, -1), full] } };
    } else {
      history = appendHistory(history, run.target.name, full);
    }
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(history, null, 2)}\n`);
    renameSync(tmp, file);
  } catch (error) {
    run.log(`Could not write the deploy history: ${(error as Error).message}`);
  }
}

function historyOutcome(outcome: Outcome): HistoryEntry['outcome'] {
  if (outcome === 'completed' || outcome === 'not-watched' || outcome === 'cancelled' || outcome === 'timed-out') return outcome;
  return 'failed';
}

function consoleUrl(region: string | undefined, target: DeployTarget): string | undefined {
  if (!region) return undefined;
  return `https://${region}.console.aws.amazon.com/ecs/v2/clusters/${encodeURIComponent(target.cluster!)}/services/${encodeURIComponent(target.service!)}/health?region=${region}`;
}

function failedEarly(target: string, outcome: Outcome, message: string): DeployResult {
  return { target, outcome, message, done: [], steps: [], hints: [] };
}

// ---- for the first deploy: real choices, and saving the target -----------------------------------

export interface ResourceChoices {
  readonly account?: string;
  readonly region?: string;
  readonly clusters: string[];
  /** Service names per cluster name (only for the clusters asked for, or all when few). */
  readonly services: Record<string, string[]>;
  readonly repositories: string[];
}

const LIST_PAGES = 10;

/**
 * Lists clusters, services and ECR repositories (read calls only, at most 10 pages each) for the quick picks of
 * a first deploy. `clusters` limits which clusters' services are listed (default: all, when there are at most 5).
 */
export async function listResources(settings: { region?: string; profile?: string; endpoint?: string; clusters?: string[]; signal?: AbortSignal; clients?: AwsClients }): Promise<ResourceChoices> {
  const clients = settings.clients ?? createClients({ ...(settings.region ? { region: settings.region } : {}), ...(settings.profile ? { profile: settings.profile } : {}), ...(settings.endpoint ? { endpoint: settings.endpoint } : {}) });
  const opts = { abortSignal: settings.signal };
  try {
    const id = await clients.sts.send(new GetCallerIdentityCommand({}), opts);
    const clusterArns: string[] = [];
    let token: string | undefined;
    for (let page = 0; page < LIST_PAGES; page++) {
      const out = await clients.ecs.send(new ListClustersCommand({ ...(token ? { nextToken: token } : {}) }), opts);
      clusterArns.push(...(out.clusterArns ?? []));
      token = out.nextToken;
      if (!token) break;
    }
    const clusters = clusterArns.map((a) => a.slice(a.lastIndexOf('/') + 1));
    const services: Record<string, string[]> = {};
    for (const cluster of settings.clusters ?? (clusters.length <= 5 ? clusters : [])) {
      const names: string[] = [];
      let next: string | undefined;
      for (let page = 0; page < LIST_PAGES; page++) {
        const out = await clients.ecs.send(new ListServicesCommand({ cluster, ...(next ? { nextToken: next } : {}) }), opts);
        names.push(...(out.serviceArns ?? []).map((a) => a.slice(a.lastIndexOf('/') + 1)));
        next = out.nextToken;
        if (!next) break;
      }
      services[cluster] = names;
    }
    const repositories: string[] = [];
    let repoToken: string | undefined;
    for (let page = 0; page < LIST_PAGES; page++) {
      const out = await clients.ecr.send(new DescribeRepositoriesCommand({ ...(repoToken ? { nextToken: repoToken } : {}) }), opts);
      repositories.push(...(out.repositories ?? []).map((r) => r.repositoryName!).filter(Boolean));
      repoToken = out.nextToken;
      if (!repoToken) break;
    }
    return { ...(id.Account ? { account: id.Account } : {}), region: await clients.ecs.config.region(), clusters, services, repositories };
  } catch (error) {
    throw new Error(describeAwsError(error).message);
  } finally {
    if (!settings.clients) destroyClients(clients);
  }
}

/** Saves (adds or replaces) `deploy.targets.<name>` in the workspace's .berthrc.yaml, keeping the rest of the file. */
export function saveTarget(workspace: string, target: DeployTarget): string {
  const file = configFileOf(workspace).path;
  writeFileSync(file, withTarget(readOptional(file) ?? '', target));
  return file;
}
