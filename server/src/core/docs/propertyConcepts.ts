/**
 * Which concept article explains a property, by its name (camelCase API name; PascalCase names are
 * looked up lower-cased first). Used by hover to add Berth's explanation to AWS's property docs.
 */
const BY_PROPERTY: Readonly<Record<string, string>> = {
  hostPort: 'dynamic-port-mapping',
  containerPort: 'dynamic-port-mapping',
  portMappings: 'dynamic-port-mapping',
  networkMode: 'network-modes',
  requiresCompatibilities: 'ecs-launch-types',
  launchType: 'ecs-launch-types',
  cpu: 'fargate-task-size',
  memory: 'fargate-task-size',
  platformVersion: 'fargate-platform-versions',
  executionRoleArn: 'task-role-vs-execution-role',
  taskRoleArn: 'task-role-vs-execution-role',
  ephemeralStorage: 'ephemeral-storage',
  healthCheck: 'container-health-checks',
  stopTimeout: 'stop-signals',
  essential: 'essential-containers',
  secrets: 'secrets-management',
  logConfiguration: 'awslogs',
  image: 'image-tags-and-digests',
  runtimePlatform: 'cpu-architecture',
  cpuArchitecture: 'cpu-architecture',
  deploymentCircuitBreaker: 'deployment-circuit-breaker',
  loadBalancers: 'dynamic-port-mapping',
  serviceRegistries: 'service-discovery',
  serviceConnectConfiguration: 'service-discovery',
  Runtime: 'lambda-runtimes',
  MemorySize: 'lambda',
  Timeout: 'lambda',
  Layers: 'lambda',
  EphemeralStorage: 'ephemeral-storage',
  Architectures: 'cpu-architecture',
  PackageType: 'lambda-container-images',
  ImageUri: 'lambda-container-images',
  Environment: 'lambda',
  platformCapabilities: 'aws-batch',
  retryStrategy: 'aws-batch',
  timeout: 'aws-batch',
  nodeProperties: 'aws-batch',
  resourceRequirements: 'aws-batch',
};

export function conceptForProperty(name: string): string | undefined {
  return BY_PROPERTY[name] ?? BY_PROPERTY[name.charAt(0).toLowerCase() + name.slice(1)];
}
