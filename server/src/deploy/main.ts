/**
 * Entry of dist/deploy.js: the deploy engine and the AWS SDK, bundled apart so that dist/server.js and
 * dist/cli.js never load the SDK until a deploy starts (they `require` this file lazily). See README.md.
 */
export { deploy, rollback } from './engine';
export { loadTarget, TargetError } from './loadTarget';
export { listResources, saveTarget } from './firstDeploy';
export { historyPath } from './history';
export { EXIT_CODES } from './types';
export type { DeployOptions, DeployResult, ProgressEvent, Question, Outcome, StepRecord, Linter } from './types';
export type { ResourceChoices } from './firstDeploy';
export { readBerthrc } from '../core/config/berthrc';
export { missingForDeploy, missingForImage, renderTargetYaml, withTarget } from '../core/deploy/target';
export type { DeployTarget } from '../core/config/targets';
export { planSteps } from '../core/deploy/plan';
export { containerNamesOf } from '../core/deploy/render';
