import type { Rule } from '../types';
import requireAptPin from './require-apt-pin';
import requireApkPin from './require-apk-pin';
import requirePipPin from './require-pip-pin';
import requireNpmPin from './require-npm-pin';
import requireGemPin from './require-gem-pin';
import requireAptGetYes from './require-apt-get-yes';
import preferAptGetNoInstallRecommends from './prefer-apt-get-no-install-recommends';
import requireAptListsCleanup from './require-apt-lists-cleanup';
import noApt from './no-apt';
import preferPipNoCacheDir from './prefer-pip-no-cache-dir';
import preferApkNoCache from './prefer-apk-no-cache';
import requireYumDnfClean from './require-yum-dnf-clean';
import noSudo from './no-sudo';
import preferWorkdir from './prefer-workdir';
import requirePipefail from './require-pipefail';
import noCurlAndWget from './no-curl-and-wget';
import noInsecureTls from './no-insecure-tls';
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
import validSyntax from './valid-syntax';

export const DOCKERFILE_RULES: readonly Rule[] = [
  // AWS-aware: where the image runs (workspace/dockerfileLinks.ts)
  requireLambdaRuntimeApi,
  validLambdaHandlerCmd,
  validPlatformArchitecture,
  validExposePortMapping,
  noIgnoredHealthcheck,
  preferExecForm,
  // syntax: dockerfile-utils' validator; a generic feature (berth.dockerfile.genericFeatures)
  validSyntax,
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
  // package managers and shell
  requireAptGetYes,
  preferAptGetNoInstallRecommends,
  requireAptListsCleanup,
  noApt,
  preferPipNoCacheDir,
  preferApkNoCache,
  requireYumDnfClean,
  noSudo,
  preferWorkdir,
  requirePipefail,
  noCurlAndWget,
  noInsecureTls,
  // version pinning: off by default
  requireAptPin,
  requireApkPin,
  requirePipPin,
  requireNpmPin,
  requireGemPin,
];
