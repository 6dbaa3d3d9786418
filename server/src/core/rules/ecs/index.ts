import type { Rule } from '../types';
import fargateValidCpuMemory from './fargate-valid-cpu-memory';
import noFargateUnsupportedParameters from './no-fargate-unsupported-parameters';
import noStaticHostPortBehindLoadBalancer from './no-static-host-port-behind-load-balancer';
import requireAwsvpcForFargate from './require-awsvpc-for-fargate';
import requireEssentialContainer from './require-essential-container';
import requireFargateTaskSize from './require-fargate-task-size';
import validEphemeralStorage from './valid-ephemeral-storage';
import validFargateLogDriver from './valid-fargate-log-driver';
import validFargatePlatformVersion from './valid-fargate-platform-version';
import validHostPortForNetworkMode from './valid-host-port-for-network-mode';
import validRuntimePlatform from './valid-runtime-platform';

export const ECS_RULES: readonly Rule[] = [
  // task definitions
  noStaticHostPortBehindLoadBalancer,
  validHostPortForNetworkMode,
  requireAwsvpcForFargate,
  requireFargateTaskSize,
  fargateValidCpuMemory,
  noFargateUnsupportedParameters,
  validFargateLogDriver,
  validRuntimePlatform,
  validFargatePlatformVersion,
  validEphemeralStorage,
  requireEssentialContainer,
];
