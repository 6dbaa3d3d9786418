/**
 * One deploy or rollback as it runs: the target, the options, the result being filled in, and the typed state the
 * steps hand on to each other (so no step reads another's log sentences). `step()` records a step and turns any
 * failure into a `Stop` with an outcome; a cancel anywhere says truthfully what was left behind.
 */
import { resolve } from 'node:path';
import type { Repository } from '@aws-sdk/client-ecr';
import type { ECSExpressGatewayService, Service } from '@aws-sdk/client-ecs';
import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import { kindOf, type DeployTarget, type TargetKind } from '../core/config/targets';
import type { ImageConfigView } from '../core/deploy/image';
import type { PreflightCheck } from '../core/deploy/preflight';
import { stepTitle, type DeployMode, type StepId } from '../core/deploy/plan';
import { revisionName } from '../core/deploy/rollout';
import { createClients, describeAwsError, destroyClients, type AwsClients } from './aws';
import { spawnRunner, type ProcessRunner } from './runner';
import type { DeployOptions, DeployResult, Outcome, ProgressEvent, Question, StepRecord } from './types';

/** Ends a run: a failure, a cancel, a "no" to a question, or a plan that needs nothing more. */
export class Stop extends Error {
  constructor(
    readonly outcome: Outcome,
    message: string,
  ) {
    super(message);
  }
}

/** What the steps hand on to each other. */
export interface RunState {
  /** The task definition file, read before any AWS call (deploy mode). */
  taskDefinitionText?: string;
  /** That task definition as it will be registered (a placeholder image until the push): the preflight reads it. */
  taskDefinition?: Record<string, unknown>;
  /** The platform the task definition's runtimePlatform names, when it names a cpuArchitecture. */
  declaredPlatform?: string;
  /** The platform the image is built for: the target's, else the task definition's runtimePlatform, else linux/amd64. */
  platform: string;
  /** The image tag (git SHA, or a timestamp). */
  tag?: string;
  repository?: Repository;
  /** The registry the image was pushed to. */
  registryHost?: string;
  /** The RegisterTaskDefinition input. */
  registerInput?: Record<string, unknown>;
  /** The caller's ARN (STS), whose iam:PassRole the preflight simulates. */
  callerArn?: string;
  /** The live ECS service (identity step), with its deployment strategy. */
  service?: Service;
  /** The live Express service; null when it does not exist yet (the deploy creates it). */
  express?: ECSExpressGatewayService | null;
  /** The Express service's ARN, as the create or update answered it. */
  expressArn?: string;
  /** The live Lambda function, and the ImageConfig that overrides the image's ENTRYPOINT and CMD. */
  lambda?: { readonly config: FunctionConfiguration; readonly entryPoint?: string[]; readonly command?: string[] };
  /** What the container CLI says about the built image. */
  image?: ImageConfigView;
  /** UpdateService (or the Express create/update) was called: from here on ECS rolls out on its own. */
  serviceUpdated: boolean;
  /** UpdateFunctionCode was called: $LATEST changes whatever happens to this run. */
  functionUpdated: boolean;
  /** The deployment the update started (to watch), the service events known then, and when it was asked for. */
  deployment?: Deployment;
  /** This run asked ECS to roll the deployment back (StopServiceDeployment ROLLBACK). */
  rollbackRequested: boolean;
  /** A dry run without AWS: why (no credentials, no region, …); the plan shows what the files say. */
  offline?: string;
  /** A dry run whose preflight failed: what a deploy would stop with. */
  preflightFailed?: string;
}

export interface Deployment {
  /** The DescribeServices deployment id (ecs-svc/…). */
  readonly id?: string;
  readonly events: readonly { id?: string }[];
  /** When the update was called (the service deployment was created after it). */
  readonly startedAt: Date;
  /** The service deployment ARN, once ListServiceDeployments found it. */
  arn?: string;
}

export class DeployRun {
  readonly result: DeployResult;
  readonly state: RunState;
  readonly clients: AwsClients;
  readonly runner: ProcessRunner;
  readonly env: NodeJS.ProcessEnv;
  readonly startedAt = new Date().toISOString();
  private readonly ownClients: boolean;

  constructor(
    readonly target: DeployTarget,
    readonly options: DeployOptions,
    readonly mode: DeployMode = options.mode ?? 'deploy',
  ) {
    this.result = { target: target.name, outcome: 'failed', message: '', done: [], steps: [], hints: [] };
    this.state = { platform: target.platform ?? 'linux/amd64', serviceUpdated: false, functionUpdated: false, rollbackRequested: false };
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

  get kind(): TargetKind {
    return kindOf(this.target);
  }

  /** Watch the rollout after UpdateService. */
  get wait(): boolean {
    return this.options.wait ?? true;
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

  /** Passes one preflight check on (the log shows it in one line). */
  emitCheck(check: PreflightCheck): void {
    const mark = { passed: '✓', failed: '✗', warning: '!', skipped: '-', pending: '…' }[check.status];
    this.emit({ type: 'preflight', check, message: `${mark} ${check.title}: ${check.message}` });
  }

  log(message: string): void {
    this.emit({ type: 'log', message });
  }

  /** Records something done that changed the world (result.done). */
  did(sentence: string): void {
    this.result.done.push(sentence);
  }

  /** Ends the run with this outcome (a success: planned, pushed, not watched, completed). */
  finish(outcome: Outcome, message: string): void {
    this.result.outcome = outcome;
    this.result.message = message;
  }

  checkCancel(): void {
    if (this.options.signal?.aborted) throw new Stop('cancelled', this.cancelMessage());
  }

  /** What a cancel leaves behind, from what was done. */
  cancelMessage(): string {
    const r = this.result;
    const { state } = this;
    if (state.functionUpdated) {
      return `Stopped waiting. UpdateFunctionCode was already called: Lambda goes on updating ${this.target.function} to ${r.digest} on its own${this.target.alias ? `; the alias ${this.target.alias} was not moved` : ''}.`;
    }
    if (state.serviceUpdated) {
      const what = this.kind === 'express' ? `the Express service ${this.target.service}` : revisionName(r.taskDefinitionArn);
      const rollback = state.deployment?.arn && !state.rollbackRequested ? ' Roll back stops it (StopServiceDeployment ROLLBACK).' : '';
      return `Stopped watching. ${this.kind === 'express' ? 'The Express service was already updated' : 'UpdateService was already called'}: ECS goes on rolling out ${what} on its own; the service was not changed back.${rollback}`;
    }
    if (r.taskDefinitionArn) return `Cancelled after registering ${revisionName(r.taskDefinitionArn)}; the service was not changed.`;
    const unchanged = this.kind === 'lambda' ? 'the function was not changed' : 'the service was not changed';
    if (r.digest) return `Cancelled after pushing ${r.image}; nothing was registered and ${unchanged}.`;
    return `Cancelled; nothing was pushed or registered and ${unchanged}.`;
  }

  async step<T>(id: StepId | 'rollback', body: (record: StepRecord) => Promise<T>): Promise<T> {
    this.checkCancel();
    const record: StepRecord = { id, title: stepTitle(id, this.kind), status: 'start', message: '' };
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

  /** A path of the target, resolved against the workspace. */
  path(p: string): string {
    return resolve(this.options.workspace, p);
  }

  /** Whether the caller asked to roll back the deployment being watched (the user's own "Roll back"). */
  get rollbackAsked(): boolean {
    return this.options.rollbackRequest?.aborted === true;
  }

  /** "Nothing was done." when nothing was, for messages of a failure before any write. */
  nothingDoneYet(): string {
    return this.result.done.length ? '' : ' Nothing was done.';
  }
}
