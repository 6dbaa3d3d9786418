/**
 * Entry of dist/deploy.js: the deploy engine and the AWS SDK, bundled apart so that dist/server.js and
 * dist/cli.js never load the SDK until a deploy starts (they `require` this file lazily). See README.md.
 */
export { deploy, rollback, loadTarget, listResources, saveTarget, historyPath, EXIT_CODES, TargetError } from './engine';
export type { DeployOptions, DeployResult, ProgressEvent, Question, Outcome, StepRecord, ResourceChoices } from './engine';
export { readBerthrc } from '../core/config/berthrc';
export { missingForDeploy, missingForImage, renderTargetYaml, withTarget } from '../core/deploy/target';
export type { DeployTarget } from '../core/config/targets';
export { planSteps } from '../core/deploy/plan';
export { containerNamesOf } from '../core/deploy/render';
