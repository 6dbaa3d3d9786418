/**
 * ECS limits and tables the ECS rules read. Each block names its source; all checked 2026-11-23.
 */
/**
 * Where a task definition may run (requiresCompatibilities) and how a service launches its tasks (launchType).
 * MANAGED_INSTANCES: ECS Managed Instances, EC2 instances that ECS provisions and patches. Source: the ECS API model,
 * Compatibility and LaunchType (AWS SDK client-ecs 3.1164.0, checked 2026-12-07 by npm run facts:check).
 */
export const ECS_COMPATIBILITIES: readonly string[] = ['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES'];
export const ECS_LAUNCH_TYPES: readonly string[] = ['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES'];

/**
 * Network modes a task definition may use on ECS Managed Instances; it must state one (no default). The developer
 * guide lists awsvpc and host ("You must specify a network mode in the task definition. You will not be able to run
 * tasks on Amazon ECS Managed Instances using a task definition that doesn't specify a network mode",
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/managed-instance-networking.html); the API model's
 * ManagedInstancesNetworkConfiguration adds none (AWS SDK client-ecs 3.1164.0). bridge, the default, is not one.
 * Checked 2026-12-08.
 */
export const MANAGED_INSTANCES_NETWORK_MODES: readonly string[] = ['awsvpc', 'host', 'none'];
export const MANAGED_INSTANCES_SOURCE = 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/managed-instance-networking.html';

/**
 * ECS deployment strategies (deploymentConfiguration.strategy; absent means ROLLING). BLUE_GREEN, LINEAR and CANARY
 * shift traffic between two service revisions, which needs the ECS deployment controller, and for each load balancer
 * an advancedConfiguration with the alternate target group, the production listener rule (ALB) or listener (NLB) and
 * the role ECS uses to change them. linearConfiguration is valid only with LINEAR, canaryConfiguration only with
 * CANARY; an AWS_LAMBDA lifecycle hook (the default target type) needs hookTargetArn. Source: the ECS API model
 * (DeploymentConfiguration, AdvancedConfiguration, DeploymentLifecycleHook; botocore 1.43.107 and
 * AWS SDK client-ecs 3.1164.0) and https://docs.aws.amazon.com/AmazonECS/latest/developerguide/blue-green-deployment-implementation.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/alb-resources-for-blue-green.html. Checked 2026-12-07.
 */
export const ROLLING_STRATEGY = 'ROLLING';
export const TRAFFIC_SHIFTING_STRATEGIES: readonly string[] = ['BLUE_GREEN', 'LINEAR', 'CANARY'];
export const ADVANCED_CONFIGURATION_REQUIRED: readonly string[] = ['alternateTargetGroupArn', 'productionListenerRule', 'roleArn'];
/** The strategy each strategy-specific setting belongs to. */
export const STRATEGY_SETTINGS: Readonly<Record<string, string>> = { linearConfiguration: 'LINEAR', canaryConfiguration: 'CANARY' };

/**
 * Host ports the ECS agent and Docker reserve on a container instance: 22 (SSH), 2375/2376 (Docker),
 * 51678–51680 (agent introspection). Source: PortMapping.hostPort,
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html
 */
export const RESERVED_HOST_PORTS: readonly number[] = [22, 2375, 2376, 51678, 51679, 51680];

/** Port numbers. Same source. */
export const PORT_MIN = 0;
export const PORT_MAX = 65535;

/**
 * Container health check bounds (seconds; retries a count). The command must start with CMD or CMD-SHELL.
 * Source: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html
 */
export const HEALTH_CHECK_BOUNDS = {
  interval: { min: 5, max: 300 },
  timeout: { min: 2, max: 120 },
  retries: { min: 1, max: 10 },
  startPeriod: { min: 0, max: 300 },
} as const;
export const HEALTH_CHECK_COMMAND_PREFIXES: readonly string[] = ['CMD', 'CMD-SHELL'];

/**
 * Fargate task ephemeral storage: 21–200 GiB (20 GiB is the default, given by omitting the parameter).
 * Source: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EphemeralStorage.html
 */
export const EPHEMERAL_STORAGE_GIB = { min: 21, max: 200, default: 20 } as const;

/**
 * Service quotas (not adjustable): containers per task definition, task definition size, target groups per service.
 * Source: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html
 */
export const MAX_CONTAINERS_PER_TASK_DEFINITION = 10;
export const MAX_TASK_DEFINITION_BYTES = 64 * 1024;
export const MAX_TARGET_GROUPS_PER_SERVICE = 5;

/**
 * Keys of describe-task-definition output that RegisterTaskDefinition rejects.
 * Source: the DescribeTaskDefinition response vs RegisterTaskDefinition request shapes (botocore ecs/2014-11-13);
 * the same list is stripped by aws-actions/amazon-ecs-deploy-task-definition.
 */
export const DESCRIBE_ONLY_KEYS: readonly string[] = [
  'taskDefinitionArn',
  'revision',
  'status',
  'requiresAttributes',
  'compatibilities',
  'registeredAt',
  'registeredBy',
  'deregisteredAt',
];

/**
 * Task definition parameters that Fargate does not support.
 * Source: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html
 * ("Task definition parameters") and https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html;
 * cf. cfn-lint E3048.
 */
export const FARGATE_UNSUPPORTED = {
  task: ['ipcMode', 'placementConstraints'],
  container: ['privileged', 'links', 'dockerSecurityOptions', 'extraHosts', 'dnsServers', 'dnsSearchDomains', 'disableNetworking'],
  linuxParameters: ['devices', 'maxSwap', 'swappiness', 'sharedMemorySize', 'tmpfs'],
  volume: ['dockerVolumeConfiguration'],
} as const;

/** The only Linux capability Fargate lets a container add. Same source. */
export const FARGATE_ADDABLE_CAPABILITIES: readonly string[] = ['SYS_PTRACE'];

/** Log drivers Fargate supports. Same source; cf. cfn-lint E3713. */
export const FARGATE_LOG_DRIVERS: readonly string[] = ['awslogs', 'splunk', 'awsfirelens'];

/**
 * The Linux Fargate platform version that first offers ephemeralStorage and the 8/16 vCPU sizes.
 * Source: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-linux-fargate.html
 * and https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size
 */
export const FARGATE_MIN_PLATFORM_FOR_LARGE_TASKS = '1.4.0';

/** Compares dotted versions ("1.3.0" < "1.4.0"); undefined when either is not numeric (e.g. LATEST). */
export function comparePlatformVersions(a: string, b: string): number | undefined {
  const parse = (v: string) => (/^\d+(\.\d+)*$/.test(v) ? v.split('.').map(Number) : undefined);
  const x = parse(a);
  const y = parse(b);
  if (!x || !y) return undefined;
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/**
 * awslogs options that the awslogs driver needs (cf. cfn-lint E3046); awslogs-stream-prefix is required on Fargate.
 * Source: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html
 */
export const AWSLOGS_REQUIRED_OPTIONS: readonly string[] = ['awslogs-group', 'awslogs-region'];
export const AWSLOGS_FARGATE_REQUIRED_OPTIONS: readonly string[] = ['awslogs-stream-prefix'];

/** A private ECR image: <account>.dkr.ecr.<region>.amazonaws.com[.cn]/repo. Source: ECR registry URI format. */
export const PRIVATE_ECR_REGISTRY = /^\d{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/;
