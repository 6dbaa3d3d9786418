import type { Rule } from '../types';
import fargateValidVcpuMemory from './fargate-valid-vcpu-memory';
import noFargateUnsupportedSettings from './no-fargate-unsupported-settings';
import noFloatingImageTag from './no-floating-image-tag';
import noLegacyVcpusMemory from './no-legacy-vcpus-memory';
import noPlainSecretEnvironment from './no-plain-secret-environment';
import noPrivilegedContainer from './no-privileged-container';
import requireFargateExecutionRole from './require-fargate-execution-role';
import requireVcpuAndMemory from './require-vcpu-and-memory';
import validAttemptDuration from './valid-attempt-duration';
import validMultinodeRanges from './valid-multinode-ranges';
import validRetryAttempts from './valid-retry-attempts';

export const BATCH_RULES: readonly Rule[] = [
  validAttemptDuration,
  validRetryAttempts,
  fargateValidVcpuMemory,
  noFargateUnsupportedSettings,
  requireFargateExecutionRole,
  requireVcpuAndMemory,
  noLegacyVcpusMemory,
  validMultinodeRanges,
  noPrivilegedContainer,
  noFloatingImageTag,
  noPlainSecretEnvironment,
];
