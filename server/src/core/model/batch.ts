import type { ObjectNode, Pair } from '../parse/tree';
import { ObjView, type KeyStyle, type Located } from './located';
import type { Origin } from './ecs';

/** An AWS Batch job definition: RegisterJobDefinition JSON or AWS::Batch::JobDefinition. */
export interface JobDefinition extends Origin {
  readonly raw: ObjView;
  /** Where findings about a missing key land: the resource key in a template, jobDefinitionName in API JSON. */
  readonly anchor: Pair | ObjectNode;
  readonly jobDefinitionName?: Located<string>;
  readonly type?: Located<string>;
  readonly platformCapabilities: Located<string>[];
  readonly platformCapabilitiesPair?: Pair;
  /** The single-node container (containerProperties), when written. */
  readonly container?: BatchContainer;
  /** Kept for callers that want the raw view. */
  readonly containerProperties?: ObjView;
  readonly retryAttempts?: Located<number>;
  readonly attemptDurationSeconds?: Located<number>;
  readonly nodeProperties?: NodeProperties;
}

export interface BatchContainer {
  readonly raw: ObjView;
  /** The containerProperties / container key pair. */
  readonly pair: Pair;
  readonly image?: Located<string>;
  /** Legacy vcpus / memory fields (deprecated in favour of resourceRequirements). */
  readonly vcpus?: Located<number>;
  readonly memory?: Located<number>;
  readonly resourceRequirements: readonly ResourceRequirement[];
  readonly resourceRequirementsPair?: Pair;
  readonly executionRoleArn?: Located<string>;
  readonly privileged?: Located<boolean>;
  readonly environment: readonly { readonly raw: ObjView; readonly name?: Located<string>; readonly value?: Located<string> }[];
}

export interface ResourceRequirement {
  readonly raw: ObjView;
  readonly type?: Located<string>;
  readonly value?: Located<string>;
}

export interface NodeProperties {
  readonly raw: ObjView;
  readonly pair: Pair;
  readonly numNodes?: Located<number>;
  readonly mainNode?: Located<number>;
  readonly ranges: readonly NodeRange[];
  readonly rangesPair?: Pair;
}

export interface NodeRange {
  readonly raw: ObjView;
  readonly targetNodes?: Located<string>;
  readonly container?: BatchContainer;
}

/** nodeProperties (API shape, camelCase) read from its object. */
export function buildNodeProperties(nodeProps: ObjView, pair: Pair): NodeProperties {
  return {
    raw: nodeProps,
    pair,
    numNodes: nodeProps.num('numNodes'),
    mainNode: nodeProps.num('mainNode'),
    ranges: nodeProps.objects('nodeRangeProperties').map((raw) => ({ raw, targetNodes: raw.str('targetNodes'), container: buildContainer(raw, 'container') })),
    rangesPair: nodeProps.pair('nodeRangeProperties'),
  };
}

export function buildJobDefinition(node: ObjectNode, origin: Origin, resourcePair?: Pair): JobDefinition {
  const style: KeyStyle = origin.shape === 'cfn' ? 'pascal' : 'camel';
  const v = new ObjView(node, style);
  const nodePropsPair = v.pair('nodeProperties');
  const nodeProps = v.obj('nodeProperties');
  return {
    ...origin,
    raw: v,
    anchor: resourcePair ?? v.pair('jobDefinitionName') ?? node,
    jobDefinitionName: v.str('jobDefinitionName'),
    type: v.str('type'),
    platformCapabilities: v.strings('platformCapabilities'),
    platformCapabilitiesPair: v.pair('platformCapabilities'),
    container: buildContainer(v, 'containerProperties'),
    containerProperties: v.obj('containerProperties'),
    retryAttempts: v.obj('retryStrategy')?.num('attempts'),
    attemptDurationSeconds: v.obj('timeout')?.num('attemptDurationSeconds'),
    nodeProperties: nodePropsPair && nodeProps ? buildNodeProperties(nodeProps, nodePropsPair) : undefined,
  };
}

function buildContainer(parent: ObjView, key: string): BatchContainer | undefined {
  const pair = parent.pair(key);
  const v = parent.obj(key);
  return pair && v ? buildBatchContainer(v, pair) : undefined;
}

/** A Batch container from its properties object and the pair that holds it. */
export function buildBatchContainer(v: ObjView, pair: Pair): BatchContainer {
  return {
    raw: v,
    pair,
    image: v.str('image'),
    vcpus: v.num('vcpus'),
    memory: v.num('memory'),
    resourceRequirements: v.objects('resourceRequirements').map((raw) => ({ raw, type: raw.str('type'), value: raw.str('value') })),
    resourceRequirementsPair: v.pair('resourceRequirements'),
    executionRoleArn: v.str('executionRoleArn'),
    privileged: v.bool('privileged'),
    environment: v.objects('environment').map((raw) => ({ raw, name: raw.str('name'), value: raw.str('value') })),
  };
}

/** Every document kind a Batch job definition can be written in. */
export const BATCH_KINDS = ['batch-job-definition', 'cloudformation', 'terraform'] as const;

/** The job's containers: containerProperties, and each nodeRangeProperties container. */
export function jobContainers(job: JobDefinition): BatchContainer[] {
  return [...(job.container ? [job.container] : []), ...(job.nodeProperties?.ranges.flatMap((r) => (r.container ? [r.container] : [])) ?? [])];
}

export function isFargateJob(job: JobDefinition): boolean {
  return job.platformCapabilities.some((p) => p.known && p.value === 'FARGATE');
}

/** The VCPU / MEMORY / GPU resource requirement of a container, if written. */
export function requirement(container: BatchContainer, type: 'VCPU' | 'MEMORY' | 'GPU'): ResourceRequirement | undefined {
  return container.resourceRequirements.find((r) => r.type?.known && r.type.value === type);
}
