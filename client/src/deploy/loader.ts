/**
 * Loads the deploy engine (dist/deploy.js, with the AWS SDK) the first time a deploy command runs: never at
 * activation, so opening a task definition never pays for the SDK. Only the engine's types are imported here.
 */
import type * as vscode from 'vscode';
import type * as EngineModule from '../../../server/src/deploy/main';

export type Engine = typeof EngineModule;
export type DeployTarget = EngineModule.DeployTarget;
export type DeployResult = EngineModule.DeployResult;
export type DeployOptions = EngineModule.DeployOptions;
export type ProgressEvent = EngineModule.ProgressEvent;
export type Question = EngineModule.Question;
export type ResourceChoices = EngineModule.ResourceChoices;

let engine: Engine | undefined;

export function loadEngine(context: vscode.ExtensionContext): Engine {
  if (!engine) {
    const file = context.asAbsolutePath('dist/deploy.js');
    // A computed path, so esbuild leaves the engine out of dist/client.js.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    engine = require(file) as Engine;
  }
  return engine;
}

/** Whether the engine was loaded in this extension host (tests check that activation does not load it). */
export function engineLoaded(): boolean {
  return engine !== undefined;
}

/**
 * Overrides for tests and LocalStack users, from the extension host's environment: the AWS endpoints come from
 * the SDK's own AWS_ENDPOINT_URL* variables; these are Berth's.
 * - BERTH_REGISTRY_HOST: push to this registry (e.g. 127.0.0.1:5000) instead of the host ECR names;
 * - BERTH_DEPLOY_POLL_MS: the rollout watch's polling interval (default 6000).
 */
export function environmentOverrides(env: NodeJS.ProcessEnv = process.env): Partial<DeployOptions> {
  const out: { registryHost?: string; pollIntervalMs?: number } = {};
  if (env.BERTH_REGISTRY_HOST) out.registryHost = env.BERTH_REGISTRY_HOST;
  const poll = Number(env.BERTH_DEPLOY_POLL_MS);
  if (env.BERTH_DEPLOY_POLL_MS && Number.isFinite(poll) && poll >= 0) out.pollIntervalMs = poll;
  return out;
}
