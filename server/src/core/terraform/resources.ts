/**
 * Terraform resources → the one model (task definitions, services, job definitions, Lambda functions) that every
 * rule reads. Top-level arguments are snake_case (`network_mode`); the JSON documents inside
 * (`container_definitions`, `container_properties`) are the API's own shape, so the API builders read them
 * unchanged. Bodies arrive resolved (terraform/values.ts): what Berth cannot know stays an unknown expression.
 */
import { TERRAFORM_NAMES } from '../facts/terraform';
import { buildBatchContainer, buildNodeProperties, type JobDefinition } from '../model/batch';
import { buildContainer, type LoadBalancerEntry, type Service, type TaskDefinition } from '../model/ecs';
import { buildExpressService, type ExpressService } from '../model/express';
import { locString, ObjView, type Located } from '../model/located';
import { computeTypeOf, type EnvironmentEntry, type LambdaFunction, type ListValue } from '../model/lambda';
import type { TerraformResource } from '../model/terraform';
import { asArray, asObject, type Node, type ObjectNode, type Pair } from '../parse/tree';

/** A resource with its resolved body, and how to read a JSON argument (inline, in a string, or in a file). */
export interface ResolvedResource {
  readonly resource: TerraformResource;
  readonly body: ObjectNode;
  /** The JSON value an argument holds (its pair and the document root), or undefined when it cannot be known. */
  json(pair: Pair): Node | undefined;
}

const view = (r: ResolvedResource): ObjView => new ObjView(r.body, 'snake', TERRAFORM_NAMES[r.resource.type]);

const labelPairs = new WeakMap<TerraformResource, Pair>();

/** Where a finding about the resource as a whole lands: its name label (one pair per resource, so owners know it). */
export function resourceLabelPair(resource: TerraformResource): Pair {
  let pair = labelPairs.get(resource);
  if (!pair) {
    const label = resource.labels[resource.labels.length - 1]!;
    pair = { kind: 'pair', key: label.name, keySpan: label.span, value: resource.body, span: { start: label.span.start, end: resource.body.span.end } };
    labelPairs.set(resource, pair);
  }
  return pair;
}

/** `aws_lb_target_group.app.arn` → `aws_lb_target_group.app`: the resource an expression names, if any. */
export function referencedAddress(node: Node | undefined): string | undefined {
  if (node?.kind !== 'expression' || node.form !== 'reference') return undefined;
  const [type, name] = node.traversal ?? [];
  if (typeof type !== 'string' || typeof name !== 'string') return undefined;
  if (type === 'data') {
    const dataName = node.traversal?.[2];
    return typeof dataName === 'string' ? `data.${name}.${dataName}` : undefined;
  }
  return /^aws_/.test(type) ? `${type}.${name}` : undefined;
}

export function taskDefinitionFromTerraform(r: ResolvedResource): TaskDefinition {
  const v = view(r);
  const containersPair = v.pair('containerDefinitions');
  const containers = containersPair ? asArray(r.json(containersPair)) : undefined;
  return {
    shape: 'terraform',
    logicalId: r.resource.address,
    resourcePair: resourceLabelPair(r.resource),
    raw: v,
    family: v.str('family'),
    networkMode: v.str('networkMode'),
    requiresCompatibilities: v.strings('requiresCompatibilities'),
    cpu: v.str('cpu'),
    memory: v.str('memory'),
    executionRoleArn: v.str('executionRoleArn'),
    taskRoleArn: v.str('taskRoleArn'),
    cpuArchitecture: inBlock(v, 'runtimePlatform', (p) => p.str('cpuArchitecture')),
    operatingSystemFamily: inBlock(v, 'runtimePlatform', (p) => p.str('operatingSystemFamily')),
    ephemeralStorageGiB: v.obj('ephemeralStorage')?.num('sizeInGiB'),
    volumes: v.objects('volumes').map((raw) => ({ raw, name: raw.str('name') })),
    volumesKnown: !hasDynamicBlock(v, 'volumes'),
    containers: (containers?.items ?? []).flatMap((item) => {
      const container = ObjView.of(item, 'camel');
      return container ? [buildContainer(container)] : [];
    }),
    containersPair,
    containersKnown: containersPair === undefined || containers !== undefined,
  };
}

/** aws_ecs_express_gateway_service: the API's Express service in the provider's names, with the task ECS writes for it. */
export function expressServiceFromTerraform(r: ResolvedResource): ExpressService {
  return buildExpressService(r.body, { shape: 'terraform', logicalId: r.resource.address, resourcePair: resourceLabelPair(r.resource) }, TERRAFORM_NAMES[r.resource.type]);
}

export function serviceFromTerraform(r: ResolvedResource): Service {
  const v = view(r);
  const network = v.obj('networkConfiguration');
  return {
    shape: 'terraform',
    logicalId: r.resource.address,
    resourcePair: resourceLabelPair(r.resource),
    raw: v,
    serviceName: v.str('serviceName'),
    cluster: v.str('cluster'),
    taskDefinition: v.str('taskDefinition'),
    taskDefinitionRef: referencedAddress(v.value('taskDefinition')),
    launchType: v.str('launchType'),
    schedulingStrategy: v.str('schedulingStrategy'),
    platformVersion: v.str('platformVersion'),
    desiredCount: v.num('desiredCount'),
    loadBalancers: v.objects('loadBalancers').map(
      (raw): LoadBalancerEntry => ({
        raw,
        containerName: raw.str('containerName'),
        containerPort: raw.num('containerPort'),
        targetGroupArn: raw.str('targetGroupArn'),
        targetGroupRef: referencedAddress(raw.value('targetGroupArn')),
        loadBalancerName: raw.str('loadBalancerName'),
      }),
    ),
    loadBalancersPair: blockPair(v, 'loadBalancers'),
    subnets: network?.strings('subnets') ?? [],
    awsvpcConfiguration: network,
    // network_configuration holds what the API nests in networkConfiguration.awsvpcConfiguration.
    networkConfigurationPair: blockPair(v, 'networkConfiguration'),
    awsvpcPair: blockPair(v, 'networkConfiguration'),
    awsvpcPath: v.key('networkConfiguration'),
    capacityProviders: v.objects('capacityProviderStrategy').flatMap((item) => item.str('capacityProvider') ?? []),
    capacityProviderStrategyPair: blockPair(v, 'capacityProviderStrategy'),
    deploymentControllerType: inBlock(v, 'deploymentController', (c) => c.str('type')),
    circuitBreaker: v.obj('deploymentCircuitBreaker'),
    circuitBreakerPair: blockPair(v, 'deploymentCircuitBreaker'),
    circuitBreakerPath: v.key('deploymentCircuitBreaker'),
    deploymentConfiguration: v.obj('deploymentConfiguration'),
    deploymentStrategy: inBlock(v, 'deploymentConfiguration', (c) => c.str('strategy')),
    healthCheckGracePeriodSeconds: v.num('healthCheckGracePeriodSeconds'),
  };
}

export function jobDefinitionFromTerraform(r: ResolvedResource): JobDefinition {
  const v = view(r);
  const containerPair = v.pair('containerProperties');
  const container = containerPair ? ObjView.of(r.json(containerPair), 'camel') : undefined;
  const nodePair = v.pair('nodeProperties');
  const nodeProps = nodePair ? ObjView.of(r.json(nodePair), 'camel') : undefined;
  const retry = v.obj('retryStrategy');
  return {
    shape: 'terraform',
    logicalId: r.resource.address,
    resourcePair: resourceLabelPair(r.resource),
    raw: v,
    anchor: resourceLabelPair(r.resource),
    jobDefinitionName: v.str('jobDefinitionName'),
    type: v.str('type'),
    platformCapabilities: v.strings('platformCapabilities'),
    platformCapabilitiesPair: v.pair('platformCapabilities'),
    container: container && containerPair ? buildBatchContainer(container, containerPair) : undefined,
    containerProperties: container,
    retryAttempts: retry?.num('attempts'),
    attemptDurationSeconds: v.obj('timeout')?.num('attemptDurationSeconds'),
    nodeProperties: nodeProps && nodePair ? buildNodeProperties(nodeProps, nodePair) : undefined,
  };
}

export function lambdaFromTerraform(r: ResolvedResource): LambdaFunction {
  const v = view(r);
  const packageType = v.str('PackageType');
  const variablesPair = v.obj('Environment')?.pair('Variables');
  const layers = listValue(v.pair('Layers'));
  const architectures = listValue(v.pair('Architectures'));
  const vpcPair = v.pair('VpcConfig');
  const vpc = v.obj('VpcConfig');
  return {
    shape: 'terraform',
    logicalId: r.resource.address,
    raw: v,
    anchor: resourceLabelPair(r.resource),
    functionName: v.str('FunctionName'),
    runtime: v.str('Runtime'),
    handler: v.str('Handler'),
    memorySize: v.num('MemorySize'),
    timeout: v.num('Timeout'),
    ephemeralStorageSize: v.obj('EphemeralStorage')?.num('Size'),
    packageType,
    isImage: packageType?.known === true && packageType.value === 'Image',
    environment: environmentOf(variablesPair),
    environmentPair: variablesPair,
    layers: layers.items.map((item) => locString(item)),
    layersKnown: layers.known,
    layersPair: layers.pair,
    architectures: architectures.items.map((item) => locString(item)),
    architecturesPair: architectures.pair,
    imageUri: v.str('ImageUri'),
    codePair: v.pair('Filename') ?? v.pair('S3Key') ?? v.pair('ImageUri'),
    snapStart: v.obj('SnapStart')?.str('ApplyOn'),
    vpc: vpcPair && vpc ? { pair: vpcPair, subnetIds: listValue(vpc.pair('SubnetIds')), securityGroupIds: listValue(vpc.pair('SecurityGroupIds')) } : undefined,
    reservedConcurrency: v.num('ReservedConcurrentExecutions'),
    events: [],
    // A `dynamic "capacity_provider_config"` block may or may not be there: the compute type is unknown.
    computeType: v.pair('CapacityProviderConfig') || !hasDynamicBlock(v, 'CapacityProviderConfig') ? computeTypeOf(v.pair('CapacityProviderConfig')) : 'unknown',
    capacityProviderPair: v.pair('CapacityProviderConfig'),
  };
}

/**
 * The label pair of a `dynamic "<block>"` of this body (`"network_configuration" { for_each … content … }`): blocks
 * Berth cannot count or read, so the setting is there but unknown.
 */
export function dynamicBlock(v: ObjView, name: string): Pair | undefined {
  const key = v.key(name);
  for (const p of v.node.pairs) {
    const label = p.key === 'dynamic' && p.value.kind === 'object' ? p.value.pairs.find((l) => l.key === key) : undefined;
    if (label) return label;
  }
  return undefined;
}

export function hasDynamicBlock(v: ObjView, name: string): boolean {
  return dynamicBlock(v, name) !== undefined;
}

/** A block's pair, or its dynamic block's label pair (present, value unknown). */
function blockPair(v: ObjView, name: string): Pair | undefined {
  return v.pair(name) ?? dynamicBlock(v, name);
}

/** A setting inside a block that a dynamic block may give: unknown then. */
function inBlock(v: ObjView, block: string, read: (view: ObjView) => Located<string> | undefined): Located<string> | undefined {
  const view = v.obj(block);
  if (view) return read(view);
  const dynamic = dynamicBlock(v, block);
  return dynamic ? { known: false, node: dynamic.value, pair: dynamic } : undefined;
}

function listValue(pair: Pair | undefined): ListValue {
  if (!pair) return { items: [], known: true };
  const list = asArray(pair.value);
  return list ? { pair, items: list.items, known: true } : { pair, items: [], known: false };
}

function environmentOf(variables: Pair | undefined): EnvironmentEntry[] {
  return (asObject(variables?.value)?.pairs ?? []).map((pair) => ({ pair, name: pair.key, value: locValue(pair) }));
}

function locValue(pair: Pair): Located<string> {
  return locString(pair.value, pair);
}
