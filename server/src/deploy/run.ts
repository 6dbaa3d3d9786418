/**
 * One deploy or rollback as it runs: the target, the options, the result being filled in, and the typed state the
 * steps hand on to each other (so no step reads another's log sentences). `step()` records a step and turns any
 * failure into a `Stop` with an outcome; a cancel anywhere says truthfully what was left behind.
 */
import { resolve } from 'node:path';
import type { Repository } from '@aws-sdk/client-ecr';
import type { DeployTarget } from '../core/config/targets';
import { revisionName, STEP_TITLES, type DeployMode, type StepId } from '../core/deploy/plan';
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
  /** The platform the image is built for: the target's, else the task definition's runtimePlatform, else linux/amd64. */
  platform: string;
  /** The image tag (git SHA, or a timestamp). */
  tag?: string;
  repository?: Repository;
  /** The registry the image was pushed to. */
  registryHost?: string;
  /** The RegisterTaskDefinition input. */
  registerInput?: Record<string, unknown>;
  /** UpdateService was called: from here on ECS rolls out on its own, whatever happens to this run. */
  serviceUpdated: boolean;
  /** The deployment UpdateService started (to watch), and the service events known then. */
  deployment?: { readonly id?: string; readonly events: readonly { id?: string }[] };
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
    this.state = { platform: target.platform ?? 'linux/amd64', serviceUpdated: false };
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
    if (this.state.serviceUpdated) {
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

  /** A path of the target, resolved against the workspace. */
  path(p: string): string {
    return resolve(this.options.workspace, p);
  }

  /** "Nothing was done." when nothing was, for messages of a failure before any write. */
  nothingDoneYet(): string {
    return this.result.done.length ? '' : ' Nothing was done.';
  }
}
