/** The deploy engine's public types: what callers pass in (DeployOptions) and get back (DeployResult, events). */
import type { ContainerCliName, TargetKind } from '../core/config/targets';
import type { PlanStep, StepId } from '../core/deploy/plan';
import type { PreflightCheck } from '../core/deploy/preflight';
import type { AwsClients } from './aws';
import type { ProcessRunner } from './runner';

export type StepStatus = 'start' | 'done' | 'skipped' | 'failed';

export type ProgressEvent =
  | { readonly type: 'step'; readonly step: StepId | 'rollback'; readonly status: StepStatus; readonly message: string }
  | { readonly type: 'log'; readonly message: string }
  | { readonly type: 'service-event'; readonly at?: string; readonly message: string }
  | { readonly type: 'rollout'; readonly message: string }
  /**
   * A service deployment's stage (every ECS strategy reports one through the service deployment API): `message`
   * is the one-line summary (stage, traffic, tasks, bake timer, hooks); `canRollBack` while the deployment is in
   * progress and `rollbackRequest` would stop it (StopServiceDeployment ROLLBACK).
   */
  | { readonly type: 'stage'; readonly stage: string; readonly message: string; readonly strategy: string; readonly canRollBack: boolean }
  /** One preflight check's result; `message` is it in one line (`✓ title: what was found`). */
  | { readonly type: 'preflight'; readonly check: PreflightCheck; readonly message: string };

export type Question =
  | { readonly kind: 'lint-errors'; readonly message: string }
  | { readonly kind: 'confirm-target'; readonly message: string }
  | { readonly kind: 'create-repository'; readonly message: string }
  /** The preflight found something that may not work (a warning, not a failure): go on anyway? */
  | { readonly kind: 'preflight-warnings'; readonly message: string }
  /** An Express target whose service does not exist yet: create it (an ALB, a certificate, …)? */
  | { readonly kind: 'create-service'; readonly message: string };

export type Outcome = 'completed' | 'not-watched' | 'pushed' | 'planned' | 'failed' | 'rolled-back' | 'timed-out' | 'cancelled' | 'declined' | 'refused';

/**
 * Lints the target's files (absolute paths) in the workspace; returns the error findings as
 * "file:line:col: message (rule-id)". The default is `berth lint`'s own judgement (steps/lint.ts).
 */
export type Linter = (files: readonly string[], workspace: string) => string[] | Promise<string[]>;

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
  /**
   * The user's own "Roll back" while a deployment is watched: when this aborts, the engine asks ECS to roll the
   * deployment back (StopServiceDeployment ROLLBACK) and watches the rollback to its end.
   */
  readonly rollbackRequest?: AbortSignal;
  // ---- overrides, for LocalStack users and tests
  /** One endpoint for ECS, ECR and STS (the AWS_ENDPOINT_URL* variables work without this). */
  readonly endpoint?: string;
  /** Push to this registry host instead of the one ECR names (e.g. 127.0.0.1:5000). */
  readonly registryHost?: string;
  readonly containerCli?: ContainerCliName;
  readonly runner?: ProcessRunner;
  readonly clients?: AwsClients;
  /** The lint gate (default: berth lint's judgement of the target's files in the workspace). */
  readonly linter?: Linter;
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
  kind?: TargetKind;
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
  /** The checks run before anything was pushed (and, after the build, on the image). */
  preflight?: PreflightCheck[];
  /** The ECS deployment strategy (ROLLING, BLUE_GREEN, LINEAR, CANARY), read from the live service. */
  strategy?: string;
  /** The Express service's URL. */
  url?: string;
  /** The Lambda version published (when the target names an alias). */
  functionVersion?: string;
  /** A plan of an incomplete target: the settings a deploy would ask for. */
  missing?: string[];
  /** A plan made without AWS: why (no credentials, no region, …); the AWS steps are listed, not run. */
  offline?: string;
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
