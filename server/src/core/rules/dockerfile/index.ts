import type { Rule } from '../types';
import noIgnoredHealthcheck from './no-ignored-healthcheck';
import preferExecForm from './prefer-exec-form';
import requireLambdaRuntimeApi from './require-lambda-runtime-api';
import validExposePortMapping from './valid-expose-port-mapping';
import validLambdaHandlerCmd from './valid-lambda-handler-cmd';
import validPlatformArchitecture from './valid-platform-architecture';
import noDuplicateStageName from './no-duplicate-stage-name';
import noLatestTag from './no-latest-tag';
import noMaintainer from './no-maintainer';
import noMultipleCmdEntrypoint from './no-multiple-cmd-entrypoint';
import noRelativeWorkdir from './no-relative-workdir';
import noRootUser from './no-root-user';
import noSecretsInEnv from './no-secrets-in-env';
import preferCopy from './prefer-copy';
import validCopyFrom from './valid-copy-from';
import validExposePort from './valid-expose-port';

export const DOCKERFILE_RULES: readonly Rule[] = [
  // AWS-aware: where the image runs (workspace/dockerfileLinks.ts)
  requireLambdaRuntimeApi,
  validLambdaHandlerCmd,
  validPlatformArchitecture,
  validExposePortMapping,
  noIgnoredHealthcheck,
  preferExecForm,
  // correctness and security
  noRootUser,
  noLatestTag,
  noSecretsInEnv,
  // instructions
  preferCopy,
  validCopyFrom,
  noDuplicateStageName,
  noRelativeWorkdir,
  validExposePort,
  noMultipleCmdEntrypoint,
  noMaintainer,
];
