import type { Rule } from '../types';
import noDeprecatedRuntime from './no-deprecated-runtime';
import noPublicFunctionUrl from './no-public-function-url';
import noPlainSecretEnvironment from './no-plain-secret-environment';
import noReservedEnvironmentVariable from './no-reserved-environment-variable';
import noZeroReservedConcurrency from './no-zero-reserved-concurrency';
import requireVpcSubnetsAndSecurityGroups from './require-vpc-subnets-and-security-groups';
import validApiGatewayTimeout from './valid-api-gateway-timeout';
import validArchitectures from './valid-architectures';
import validBatchSize from './valid-batch-size';
import validEnvironmentSize from './valid-environment-size';
import validEphemeralStorage from './valid-ephemeral-storage';
import validHandler from './valid-handler';
import validLayerCount from './valid-layer-count';
import validMemorySize from './valid-memory-size';
import validPackageType from './valid-package-type';
import validSnapstartRuntime from './valid-snapstart-runtime';
import validSqsVisibilityTimeout from './valid-sqs-visibility-timeout';
import validTimeout from './valid-timeout';
import validPackageSize from './valid-package-size';

export const LAMBDA_RULES: readonly Rule[] = [
  validMemorySize,
  validTimeout,
  validEphemeralStorage,
  validEnvironmentSize,
  noReservedEnvironmentVariable,
  validLayerCount,
  noDeprecatedRuntime,
  validPackageType,
  validArchitectures,
  requireVpcSubnetsAndSecurityGroups,
  noPlainSecretEnvironment,
  noZeroReservedConcurrency,
  validHandler,
  validSnapstartRuntime,
  noPublicFunctionUrl,
  validSqsVisibilityTimeout,
  validApiGatewayTimeout,
  validBatchSize,
  validPackageSize,
];
