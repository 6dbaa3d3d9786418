import type { Rule } from '../types';
import fargateValidCpuMemory from './fargate-valid-cpu-memory';
import noDependsOnCycle from './no-depends-on-cycle';
import noDescribeOutputKeys from './no-describe-output-keys';
import noFargateUnsupportedParameters from './no-fargate-unsupported-parameters';
import noFloatingImageTag from './no-floating-image-tag';
import noPlaintextSecrets from './no-plaintext-secrets';
import noPrivilegedContainer from './no-privileged-container';
import noStaticHostPortBehindLoadBalancer from './no-static-host-port-behind-load-balancer';
import preferDeploymentCircuitBreaker from './prefer-deployment-circuit-breaker';
import preferHealthCheckGracePeriod from './prefer-health-check-grace-period';
import preferReadonlyRootFilesystem from './prefer-readonly-root-filesystem';
import preferSeparateTaskAndExecutionRoles from './prefer-separate-task-and-execution-roles';
import requireAwsvpcForFargate from './require-awsvpc-for-fargate';
import requireEssentialContainer from './require-essential-container';
import requireExecutionRole from './require-execution-role';
import requireFargateTaskSize from './require-fargate-task-size';
import requireServiceNetworkConfiguration from './require-service-network-configuration';
import requireTrafficPortHealthCheck from './require-traffic-port-health-check';
import validAwslogsOptions from './valid-awslogs-options';
import validContainerMemory from './valid-container-memory';
import validContainerReferences from './valid-container-references';
import validEphemeralStorage from './valid-ephemeral-storage';
import validFargateLogDriver from './valid-fargate-log-driver';
import validFargatePlatformVersion from './valid-fargate-platform-version';
import validHealthCheck from './valid-health-check';
import validHostPortForNetworkMode from './valid-host-port-for-network-mode';
import validLoadBalancerContainer from './valid-load-balancer-container';
import validPortMappings from './valid-port-mappings';
import validRuntimePlatform from './valid-runtime-platform';
import validServiceCompatibility from './valid-service-compatibility';
import validTargetType from './valid-target-type';
import validTaskDefinitionSize from './valid-task-definition-size';

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
  validEphemeralStorage,
  requireEssentialContainer,
  validContainerMemory,
  validContainerReferences,
  noDependsOnCycle,
  validTaskDefinitionSize,
  validPortMappings,
  noDescribeOutputKeys,
  noFloatingImageTag,
  noPlaintextSecrets,
  requireExecutionRole,
  validAwslogsOptions,
  validHealthCheck,
  noPrivilegedContainer,
  preferReadonlyRootFilesystem,
  preferSeparateTaskAndExecutionRoles,
  // services
  validFargatePlatformVersion,
  requireServiceNetworkConfiguration,
  validLoadBalancerContainer,
  validServiceCompatibility,
  validTargetType,
  requireTrafficPortHealthCheck,
  preferDeploymentCircuitBreaker,
  preferHealthCheckGracePeriod,
];
