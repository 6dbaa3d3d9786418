import type { ArrayNode, Node, ObjectNode, Pair } from '../parse/tree';
import { getPair, asObject } from '../parse/tree';
import { ObjView, type KeyStyle, type Located } from './located';

/** Where a model object came from: API JSON (register input / describe output) or a CloudFormation resource. */
export interface Origin {
  readonly shape: 'api' | 'cfn' | 'terraform';
  /** CloudFormation logical id, for resources in a template; Terraform resource address (`aws_ecs_service.web`). */
  readonly logicalId?: string;
  /** Terraform: the resource's name label (`"web"`), where findings about the resource as a whole land. */
  readonly resourcePair?: Pair;
}

export interface TaskDefinition extends Origin {
  readonly raw: ObjView;
  readonly family?: Located<string>;
  readonly networkMode?: Located<string>;
  readonly requiresCompatibilities: Located<string>[];
  readonly cpu?: Located<string>;
  readonly memory?: Located<string>;
  readonly executionRoleArn?: Located<string>;
  readonly taskRoleArn?: Located<string>;
  readonly cpuArchitecture?: Located<string>;
  readonly operatingSystemFamily?: Located<string>;
  readonly ephemeralStorageGiB?: Located<number>;
  readonly volumes: Volume[];
  /** False when the volumes are not all written here (a container definitions file; a Terraform dynamic block). */
  readonly volumesKnown?: boolean;
  readonly containers: ContainerDefinition[];
  /** The `containerDefinitions` pair itself, for findings about the list. */
  readonly containersPair?: Pair;
  /** describe-task-definition output: the `{"taskDefinition": …}` wrapper pair, when present. */
  readonly wrapper?: Pair;
  /** False when the container definitions are given by something Berth cannot read (a Terraform expression). */
  readonly containersKnown?: boolean;
  /**
   * The API call that registers these settings, for messages: absent means RegisterTaskDefinition;
   * CreateExpressGatewayService for the task ECS writes for an Express service (model/express.ts).
   */
  readonly operation?: string;
}

export interface Volume {
  readonly raw: ObjView;
  readonly name?: Located<string>;
}

export interface ContainerDefinition {
  readonly raw: ObjView;
  readonly name?: Located<string>;
  readonly image?: Located<string>;
  /** Absent means true (AWS's default). */
  readonly essential?: Located<boolean>;
  readonly cpu?: Located<number>;
  readonly memory?: Located<number>;
  readonly memoryReservation?: Located<number>;
  readonly portMappings: PortMapping[];
  readonly environment: EnvironmentVariable[];
  readonly secrets: { readonly raw: ObjView; readonly name?: Located<string>; readonly valueFrom?: Located<string> }[];
  readonly logDriver?: Located<string>;
  /** logConfiguration.options: map keys are kept as written (awslogs-group, …). */
  readonly logOptions: ReadonlyMap<string, Located<string>>;
  readonly logConfiguration?: ObjView;
  readonly healthCheck?: ObjView;
  readonly dependsOn: { readonly raw: ObjView; readonly containerName?: Located<string>; readonly condition?: Located<string> }[];
  readonly links: Located<string>[];
  readonly volumesFrom: { readonly raw: ObjView; readonly sourceContainer?: Located<string> }[];
  readonly privileged?: Located<boolean>;
  readonly readonlyRootFilesystem?: Located<boolean>;
  readonly linuxParameters?: ObjView;
}

export interface PortMapping {
  readonly raw: ObjView;
  readonly containerPort?: Located<number>;
  readonly hostPort?: Located<number>;
  readonly protocol?: Located<string>;
  readonly containerPortRange?: Located<string>;
}

export interface EnvironmentVariable {
  readonly raw: ObjView;
  readonly name?: Located<string>;
  readonly value?: Located<string>;
}

export interface Service extends Origin {
  readonly raw: ObjView;
  readonly serviceName?: Located<string>;
  readonly cluster?: Located<string>;
  /** family, family:revision or an ARN in API JSON; in a template usually `!Ref TaskDef`. */
  readonly taskDefinition?: Located<string>;
  /** Logical id of the task definition when given by Ref in a template. */
  readonly taskDefinitionRef?: string;
  readonly launchType?: Located<string>;
  readonly schedulingStrategy?: Located<string>;
  readonly platformVersion?: Located<string>;
  readonly desiredCount?: Located<number>;
  readonly loadBalancers: LoadBalancerEntry[];
  /** The pair of the load balancer list (Terraform: the first load_balancer block), for findings about it. */
  readonly loadBalancersPair?: Pair;
  readonly subnets: Located<string>[];
  readonly awsvpcConfiguration?: ObjView;
  /** networkConfiguration (Terraform: network_configuration). */
  readonly networkConfigurationPair?: Pair;
  /** networkConfiguration.awsvpcConfiguration; Terraform's network_configuration is the awsvpc configuration itself. */
  readonly awsvpcPair?: Pair;
  /** How the user names the awsvpc configuration: `networkConfiguration.awsvpcConfiguration`, `network_configuration`. */
  readonly awsvpcPath: string;
  /** capacityProviderStrategy items' capacityProvider names (Terraform: capacity_provider_strategy blocks). */
  readonly capacityProviders: Located<string>[];
  readonly capacityProviderStrategyPair?: Pair;
  readonly deploymentControllerType?: Located<string>;
  readonly circuitBreaker?: ObjView;
  /** The circuit breaker's pair, also when its value is unknown. */
  readonly circuitBreakerPair?: Pair;
  /** How the user names it: `deploymentConfiguration.deploymentCircuitBreaker`, `deployment_circuit_breaker`. */
  readonly circuitBreakerPath: string;
  /** deploymentConfiguration: strategy (ROLLING, BLUE_GREEN, LINEAR, CANARY), bake time, hooks, linear/canary settings. */
  readonly deploymentConfiguration?: ObjView;
  /** deploymentConfiguration.strategy as written; absent means ROLLING. */
  readonly deploymentStrategy?: Located<string>;
  readonly healthCheckGracePeriodSeconds?: Located<number>;
}

export interface LoadBalancerEntry {
  readonly raw: ObjView;
  readonly containerName?: Located<string>;
  readonly containerPort?: Located<number>;
  readonly targetGroupArn?: Located<string>;
  /** Logical id when the target group is given by Ref in a template. */
  readonly targetGroupRef?: string;
  readonly loadBalancerName?: Located<string>;
}

// ---- builders -------------------------------------------------------------------------------

export function buildTaskDefinition(node: ObjectNode, origin: Origin, wrapper?: Pair): TaskDefinition {
  const style: KeyStyle = origin.shape === 'cfn' ? 'pascal' : 'camel';
  const v = new ObjView(node, style);
  const platform = v.obj('runtimePlatform');
  return {
    ...origin,
    raw: v,
    wrapper,
    family: v.str('family'),
    networkMode: v.str('networkMode'),
    requiresCompatibilities: v.strings('requiresCompatibilities'),
    cpu: v.str('cpu'),
    memory: v.str('memory'),
    executionRoleArn: v.str('executionRoleArn'),
    taskRoleArn: v.str('taskRoleArn'),
    cpuArchitecture: platform?.str('cpuArchitecture'),
    operatingSystemFamily: platform?.str('operatingSystemFamily'),
    ephemeralStorageGiB: v.obj('ephemeralStorage')?.num('sizeInGiB'),
    volumes: v.objects('volumes').map((raw) => ({ raw, name: raw.str('name') })),
    containers: v.objects('containerDefinitions').map(buildContainer),
    containersPair: v.pair('containerDefinitions'),
  };
}

export function buildContainer(v: ObjView): ContainerDefinition {
  const log = v.obj('logConfiguration');
  const options = new Map<string, Located<string>>();
  const optionsNode = asObject(log?.value('options'));
  if (optionsNode) {
    for (const pair of optionsNode.pairs) {
      const value = pair.value;
      options.set(
        pair.key,
        value.kind === 'scalar' && value.value !== null ? { known: true, value: String(value.value), node: value, pair } : { known: false, node: value, pair },
      );
    }
  }
  return {
    raw: v,
    name: v.str('name'),
    image: v.str('image'),
    essential: v.bool('essential'),
    cpu: v.num('cpu'),
    memory: v.num('memory'),
    memoryReservation: v.num('memoryReservation'),
    portMappings: v.objects('portMappings').map((raw) => ({
      raw,
      containerPort: raw.num('containerPort'),
      hostPort: raw.num('hostPort'),
      protocol: raw.str('protocol'),
      containerPortRange: raw.str('containerPortRange'),
    })),
    environment: v.objects('environment').map((raw) => ({ raw, name: raw.str('name'), value: raw.str('value') })),
    secrets: v.objects('secrets').map((raw) => ({ raw, name: raw.str('name'), valueFrom: raw.str('valueFrom') })),
    logDriver: log?.str('logDriver'),
    logOptions: options,
    logConfiguration: log,
    healthCheck: v.obj('healthCheck'),
    dependsOn: v.objects('dependsOn').map((raw) => ({ raw, containerName: raw.str('containerName'), condition: raw.str('condition') })),
    links: v.strings('links'),
    volumesFrom: v.objects('volumesFrom').map((raw) => ({ raw, sourceContainer: raw.str('sourceContainer') })),
    privileged: v.bool('privileged'),
    readonlyRootFilesystem: v.bool('readonlyRootFilesystem'),
    linuxParameters: v.obj('linuxParameters'),
  };
}

export function buildService(node: ObjectNode, origin: Origin): Service {
  const style: KeyStyle = origin.shape === 'cfn' ? 'pascal' : 'camel';
  const v = new ObjView(node, style);
  const network = v.obj('networkConfiguration');
  const awsvpc = network?.obj('awsvpcConfiguration');
  const deployment = v.obj('deploymentConfiguration');
  const taskDefinitionNode = v.value('taskDefinition');
  return {
    ...origin,
    raw: v,
    serviceName: v.str('serviceName') ?? (origin.shape === 'api' ? v.str('service') : undefined),
    cluster: v.str('cluster'),
    taskDefinition: v.str('taskDefinition'),
    taskDefinitionRef: refTarget(taskDefinitionNode),
    launchType: v.str('launchType'),
    schedulingStrategy: v.str('schedulingStrategy'),
    platformVersion: v.str('platformVersion'),
    desiredCount: v.num('desiredCount'),
    loadBalancers: v.objects('loadBalancers').map((raw) => ({
      raw,
      containerName: raw.str('containerName'),
      containerPort: raw.num('containerPort'),
      targetGroupArn: raw.str('targetGroupArn'),
      targetGroupRef: refTarget(raw.value('targetGroupArn')),
      loadBalancerName: raw.str('loadBalancerName'),
    })),
    loadBalancersPair: v.pair('loadBalancers'),
    subnets: awsvpc?.strings('subnets') ?? [],
    awsvpcConfiguration: awsvpc,
    networkConfigurationPair: v.pair('networkConfiguration'),
    awsvpcPair: network?.pair('awsvpcConfiguration'),
    awsvpcPath: `${v.key('networkConfiguration')}.${v.key('awsvpcConfiguration')}`,
    capacityProviders: v.objects('capacityProviderStrategy').flatMap((item) => item.str('capacityProvider') ?? []),
    capacityProviderStrategyPair: v.pair('capacityProviderStrategy'),
    deploymentControllerType: v.obj('deploymentController')?.str('type'),
    circuitBreaker: deployment?.obj('deploymentCircuitBreaker'),
    circuitBreakerPair: deployment?.pair('deploymentCircuitBreaker'),
    circuitBreakerPath: `${v.key('deploymentConfiguration')}.${v.key('deploymentCircuitBreaker')}`,
    deploymentConfiguration: v.obj('deploymentConfiguration'),
    deploymentStrategy: v.obj('deploymentConfiguration')?.str('strategy'),
    healthCheckGracePeriodSeconds: v.num('healthCheckGracePeriodSeconds'),
  };
}

/** The logical id named by `!Ref X` (or `{"Ref": "X"}`), else undefined. */
export function refTarget(node: Node | undefined): string | undefined {
  if (node?.kind !== 'intrinsic' || node.name !== 'Ref') return undefined;
  const arg = node.argument;
  return arg.kind === 'scalar' && typeof arg.value === 'string' ? arg.value : undefined;
}

/**
 * A bare JSON array of container definitions (the file Terraform reads with file() or templatefile()): a task
 * definition whose own settings are unknown here (they are in the .tf that reads the file), never absent.
 */
export function buildContainerDefinitionsFile(root: ArrayNode): TaskDefinition {
  const unknown = { known: false, node: root } as const;
  return {
    shape: 'api',
    raw: new ObjView({ kind: 'object', span: root.span, pairs: [] }, 'camel'),
    family: unknown,
    networkMode: unknown,
    requiresCompatibilities: [unknown],
    cpu: unknown,
    memory: unknown,
    executionRoleArn: unknown,
    taskRoleArn: unknown,
    cpuArchitecture: unknown,
    operatingSystemFamily: unknown,
    volumes: [],
    volumesKnown: false,
    containers: root.items.flatMap((item) => {
      const view = ObjView.of(item, 'camel');
      return view ? [buildContainer(view)] : [];
    }),
  };
}

/** Register input, or describe output `{"taskDefinition": {...}}`: returns the task definition object and the wrapper. */
export function unwrapTaskDefinition(root: ObjectNode): { node: ObjectNode; wrapper?: Pair } {
  const wrapper = getPair(root, 'taskDefinition');
  const inner = asObject(wrapper?.value);
  if (wrapper && inner && getPair(inner, 'containerDefinitions')) return { node: inner, wrapper };
  return { node: root };
}

// ---- derived facts and links, shared by the ECS rules ---------------------------------------

export function hasCompatibility(td: TaskDefinition, compatibility: string): boolean {
  return td.requiresCompatibilities.some((c) => c.known && c.value === compatibility);
}

export function isFargateTask(td: TaskDefinition): boolean {
  return hasCompatibility(td, 'FARGATE');
}

/** True when the task definition names where it runs, all known, and Fargate is not one (EC2, Managed Instances). */
export function excludesFargate(td: TaskDefinition): boolean {
  const list = td.requiresCompatibilities;
  return list.length > 0 && list.every((c) => c.known) && !isFargateTask(td);
}

/** True for a known Windows operatingSystemFamily. */
export function isWindowsTask(td: TaskDefinition): boolean {
  const os = td.operatingSystemFamily;
  return os?.known === true && os.value.toUpperCase().startsWith('WINDOWS');
}

/**
 * The network mode the task runs with: the written value, 'bridge' when omitted on Linux, 'default'
 * when omitted on Windows; undefined when given by an intrinsic function.
 */
export function effectiveNetworkMode(td: TaskDefinition): string | undefined {
  if (!td.networkMode) return isWindowsTask(td) ? 'default' : 'bridge';
  return td.networkMode.known ? td.networkMode.value : undefined;
}

export function containerNamed(td: TaskDefinition, name: string): ContainerDefinition | undefined {
  return td.containers.find((c) => c.name?.known && c.name.value === name);
}

/** The known name of a container, or its 1-based position. */
export function containerLabel(td: TaskDefinition, container: ContainerDefinition): string {
  return container.name?.known ? container.name.value : `#${td.containers.indexOf(container) + 1}`;
}

/** Where a linked task definition states its network mode, for related information. */
export function networkModeAnchor(td: TaskDefinition): Node {
  return td.networkMode?.node ?? td.family?.node ?? td.raw.node;
}
