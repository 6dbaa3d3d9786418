import type { LambdaComputeType } from '../facts/lambda';
import { asArray, asObject, getPair, type Node, type ObjectNode, type Pair } from '../parse/tree';
import { locBoolean, locNumber, locString, ObjView, type Known, type Located } from './located';
import { withoutIgnoredGlobals } from './template';

/**
 * One Lambda function, whichever shape it was written in. Values merged from SAM Globals or
 * serverless.yml `provider` keep the node where they were written, so findings land there.
 */
export interface LambdaFunction {
  readonly shape: 'api' | 'cfn' | 'sam' | 'serverless' | 'terraform';
  /** CloudFormation logical id, the function's key under serverless.yml `functions`, or a Terraform address. */
  readonly logicalId?: string;
  /** The function's own properties (Properties in a template, the function object in serverless.yml). */
  readonly raw: ObjView;
  /** Where findings about a missing key land: the resource or function key, or FunctionName in API JSON. */
  readonly anchor: Pair | Node;
  /** API JSON only: true when it is create-function input (it has Code), false for update-function-configuration. */
  readonly isCreate?: boolean;
  readonly functionName?: Located<string>;
  readonly runtime?: Located<string>;
  readonly handler?: Located<string>;
  readonly memorySize?: Located<number>;
  readonly timeout?: Located<number>;
  /** EphemeralStorage.Size (ephemeralStorageSize in serverless.yml), MB. */
  readonly ephemeralStorageSize?: Located<number>;
  /** Zip or Image; absent means Zip, except that serverless.yml `image` and SAM ImageUri imply Image. */
  readonly packageType?: Located<string>;
  /** True when the function is deployed as a container image (PackageType Image, or serverless `image`). */
  readonly isImage: boolean;
  /** Environment variables after merging (Globals / provider first, then the function's own). */
  readonly environment: readonly EnvironmentEntry[];
  /** The Variables (or environment) pair written closest to the function, for findings about the whole set. */
  readonly environmentPair?: Pair;
  /** Layers after merging; an intrinsic list makes the count unknown (`layersKnown: false`). */
  readonly layers: readonly Located<string>[];
  readonly layersKnown: boolean;
  readonly layersPair?: Pair;
  readonly architectures: readonly Located<string>[];
  readonly architecturesPair?: Pair;
  /** Inline source code: CloudFormation Code.ZipFile or SAM InlineCode (not API ZipFile, which is a base64 zip). */
  readonly inlineCode?: Pair;
  readonly imageUri?: Located<string>;
  /** The Code / CodeUri / ImageUri / InlineCode pair, whichever was written. */
  readonly codePair?: Pair;
  /** SnapStart.ApplyOn (PublishedVersions | None); serverless `snapStart: true` reads as PublishedVersions. */
  readonly snapStart?: Located<string>;
  readonly vpc?: VpcSettings;
  readonly reservedConcurrency?: Located<number>;
  /** SAM FunctionUrlConfig.AuthType; serverless `url` (true, or without `authorizer: aws_iam`) reads as NONE. */
  readonly functionUrlAuthType?: Located<string>;
  /** SAM Events / serverless events. */
  readonly events: readonly FunctionEvent[];
  /**
   * Where Lambda runs it: `managed-instances` when it has a CapacityProviderConfig (Lambda Managed Instances),
   * `default` without one, `unknown` when the setting is given by an intrinsic function or an expression.
   */
  readonly computeType: LambdaComputeType | 'unknown';
  /** The CapacityProviderConfig pair, when written. */
  readonly capacityProviderPair?: Pair;
}

/** The compute type a CapacityProviderConfig pair gives (a block or an object: Managed Instances). */
export function computeTypeOf(pair: Pair | undefined): LambdaComputeType | 'unknown' {
  if (!pair) return 'default';
  return pair.value.kind === 'object' || pair.value.kind === 'array' ? 'managed-instances' : 'unknown';
}

export interface EnvironmentEntry {
  readonly pair: Pair;
  readonly name: string;
  readonly value: Located<string>;
}

export interface VpcSettings {
  readonly pair: Pair;
  readonly subnetIds: ListValue;
  readonly securityGroupIds: ListValue;
}

/** A list property: its items, and whether the list itself is known (not an intrinsic). */
export interface ListValue {
  readonly pair?: Pair;
  readonly items: readonly Node[];
  readonly known: boolean;
}

export interface FunctionEvent {
  readonly name: string;
  readonly pair: Pair;
  /** SAM event Type (SQS, Api, HttpApi, Kinesis, DynamoDB, …); serverless event key (sqs, http, httpApi, …). */
  readonly type?: Located<string>;
  readonly properties?: ObjView;
  /** SQS/Kinesis/DynamoDB: the Queue / Stream value (an ARN or `!GetAtt X.Arn`). */
  readonly source?: Node;
  readonly batchSize?: Located<number>;
}

// ---- merged property access ------------------------------------------------------------------

/**
 * Property lookup over layers, the most specific first (the function, then SAM Globals.Function), merged the
 * way SAM's globals plugin merges (`GlobalProperties._do_merge` in samtranslator/plugins/globals/globals.py,
 * SAM 1.110.0; https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-template-anatomy-globals.html):
 * - the most specific layer that has the key decides the kind of value: a scalar or an intrinsic function (which
 *   SAM treats as a scalar) wins outright, and a layer whose value is of another kind is ignored;
 * - maps are merged key by key, recursively, the most specific layer winning per key;
 * - lists are concatenated, least specific first, without removing duplicates.
 */
export class Merged {
  constructor(readonly views: readonly ObjView[]) {}

  pair(name: string): Pair | undefined {
    for (const v of this.views) {
      const p = v.pair(name);
      if (p) return p;
    }
    return undefined;
  }

  str(name: string): Located<string> | undefined {
    const p = this.pair(name);
    return p ? locString(p.value, p) : undefined;
  }

  num(name: string): Located<number> | undefined {
    const p = this.pair(name);
    return p ? locNumber(p.value, p) : undefined;
  }

  /** The layers that take part in the merge of `name`: those whose value has the kind of the most specific one. */
  private layersOf(name: string): { layers: ObjView[]; kind?: MergeKind } {
    const first = this.pair(name);
    if (!first) return { layers: [] };
    const kind = mergeKind(first.value);
    return { layers: this.views.filter((v) => v.has(name) && mergeKind(v.value(name)!) === kind), kind };
  }

  /** A map property merged across layers; empty when the most specific value is not a map (a scalar or an intrinsic function wins). */
  obj(name: string): Merged {
    const { layers, kind } = this.layersOf(name);
    return new Merged(kind === 'map' ? layers.flatMap((v) => v.obj(name) ?? []) : []);
  }

  get empty(): boolean {
    return this.views.length === 0;
  }

  /**
   * A list merged across layers (concatenated, least specific first); with `concat` false, the most specific
   * layer's list alone. Unknown when the most specific value is not a list (an intrinsic function).
   */
  list(name: string, concat = true): ListValue {
    const { layers, kind } = this.layersOf(name);
    const pair = layers[0]?.pair(name);
    if (kind !== 'list') return { pair, items: [], known: kind === undefined };
    const used = concat ? [...layers].reverse() : layers.slice(0, 1);
    return { pair, items: used.flatMap((v) => asArray(v.value(name))?.items ?? []), known: true };
  }

  /** A map merged across layers: the most specific layer wins per key. */
  mapPairs(): Pair[] {
    const out = new Map<string, Pair>();
    for (const v of [...this.views].reverse()) for (const p of v.node.pairs) out.set(p.key, p);
    return [...out.values()];
  }
}

type MergeKind = 'map' | 'list' | 'scalar';

/** SAM's merge tokens: an intrinsic function counts as a scalar (it resolves to one). */
function mergeKind(node: Node): MergeKind {
  return node.kind === 'object' ? 'map' : node.kind === 'array' ? 'list' : 'scalar';
}

function environmentOf(vars: Merged): EnvironmentEntry[] {
  return vars.mapPairs().map((pair) => ({ pair, name: pair.key, value: locString(pair.value, pair) }));
}

function listOf(list: ListValue): Located<string>[] {
  return list.items.map((n) => locString(n));
}

// ---- PascalCase shapes: API JSON, AWS::Lambda::Function, AWS::Serverless::Function ----------------

export function buildLambdaFromApi(node: ObjectNode): LambdaFunction {
  const v = new ObjView(node, 'camel');
  return fromPascal('api', new Merged([v]), v, v.pair('FunctionName') ?? node);
}

export function buildLambdaFromCfn(node: ObjectNode, logicalId: string, resourcePair?: Pair): LambdaFunction {
  const v = new ObjView(node, 'camel');
  return { ...fromPascal('cfn', new Merged([v]), v, resourcePair ?? node), logicalId };
}

/**
 * AWS::Serverless::Function with Globals.Function merged the way SAM merges it. `globals` is the
 * template's Globals.Function object, when there is one.
 */
export function buildLambdaFromSam(node: ObjectNode, logicalId: string, resourcePair: Pair, globals?: ObjectNode): LambdaFunction {
  // Lambda's API, CloudFormation and SAM all use PascalCase property names: read the names as written.
  const own = new ObjView(node, 'camel');
  // The resource's IgnoreGlobals attribute ('*' or a list of names) keeps those Globals out of the merge.
  const applied = withoutIgnoredGlobals(globals, asObject(resourcePair.value));
  const views = applied ? [own, new ObjView(applied, 'camel')] : [own];
  return { ...fromPascal('sam', new Merged(views), own, resourcePair), logicalId };
}

function fromPascal(shape: 'api' | 'cfn' | 'sam', m: Merged, own: ObjView, anchor: Pair | Node): LambdaFunction {
  const packageType = m.str('PackageType');
  const code = m.obj('Code');
  const imageUri = shape === 'sam' ? m.str('ImageUri') : code.str('ImageUri');
  const isImage = packageType?.known ? packageType.value === 'Image' : shape === 'sam' && imageUri !== undefined && m.pair('CodeUri') === undefined && m.pair('InlineCode') === undefined;
  const inlineCode = shape === 'cfn' ? code.pair('ZipFile') : shape === 'sam' ? m.pair('InlineCode') : undefined;
  const codePair = shape === 'sam' ? (m.pair('InlineCode') ?? m.pair('CodeUri') ?? m.pair('ImageUri')) : m.pair('Code');
  const variables = m.obj('Environment').obj('Variables');
  const layers = m.list('Layers');
  const architectures = m.list('Architectures');
  const vpcPair = m.pair('VpcConfig');
  const vpc = m.obj('VpcConfig');
  return {
    shape,
    raw: own,
    anchor,
    isCreate: shape === 'api' ? own.has('Code') : undefined,
    functionName: m.str('FunctionName'),
    runtime: m.str('Runtime'),
    handler: m.str('Handler'),
    memorySize: m.num('MemorySize'),
    timeout: m.num('Timeout'),
    ephemeralStorageSize: m.obj('EphemeralStorage').num('Size'),
    packageType,
    isImage,
    environment: environmentOf(variables),
    environmentPair: m.obj('Environment').pair('Variables'),
    layers: listOf(layers),
    layersKnown: layers.known,
    layersPair: layers.pair,
    architectures: listOf(architectures),
    architecturesPair: architectures.pair,
    inlineCode,
    imageUri,
    codePair,
    snapStart: m.obj('SnapStart').str('ApplyOn'),
    vpc: vpcPair ? { pair: vpcPair, subnetIds: vpc.list('SubnetIds'), securityGroupIds: vpc.list('SecurityGroupIds') } : undefined,
    reservedConcurrency: m.num('ReservedConcurrentExecutions'),
    functionUrlAuthType: m.obj('FunctionUrlConfig').str('AuthType'),
    events: shape === 'sam' ? samEvents(own) : [],
    computeType: computeTypeOf(m.pair('CapacityProviderConfig')),
    capacityProviderPair: m.pair('CapacityProviderConfig'),
  };
}

function samEvents(own: ObjView): FunctionEvent[] {
  return (asObject(own.value('Events'))?.pairs ?? []).map((pair) => {
    const ev = ObjView.of(pair.value, 'camel');
    const props = ev?.obj('Properties');
    return {
      name: pair.key,
      pair,
      type: ev?.str('Type'),
      properties: props,
      source: props?.value('Queue') ?? props?.value('Stream'),
      batchSize: props?.num('BatchSize'),
    };
  });
}

// ---- serverless.yml --------------------------------------------------------------------------

/**
 * Functions of a Serverless Framework service. `provider` gives defaults (runtime, memorySize, timeout,
 * architecture, layers, vpc, environment); a function's own value overrides them, except `environment`,
 * which is merged key by key (https://www.serverless.com/framework/docs/providers/aws/guide/functions).
 */
export function buildServerlessFunctions(root: ObjectNode): LambdaFunction[] {
  const provider = new ObjView(asObject(getPair(root, 'provider')?.value) ?? { kind: 'object', span: root.span, pairs: [] }, 'camel');
  return (asObject(getPair(root, 'functions')?.value)?.pairs ?? []).flatMap((pair) => {
    const fnNode = asObject(pair.value);
    return fnNode ? [buildServerlessFunction(pair, new ObjView(fnNode, 'camel'), provider)] : [];
  });
}

function buildServerlessFunction(pair: Pair, fn: ObjView, provider: ObjView): LambdaFunction {
  const m = new Merged([fn, provider]);
  const image = fn.pair('image');
  const architecture = m.pair('architecture');
  const layers = m.list('layers', false);
  const vpcPair = m.pair('vpc');
  const vpc = new Merged(vpcPair ? [ObjView.of(vpcPair.value, 'camel')].flatMap((v) => v ?? []) : []);
  const snap = fn.pair('snapStart');
  const snapBool = snap ? locBoolean(snap.value, snap) : undefined;
  const urlPair = fn.pair('url');
  return {
    shape: 'serverless',
    logicalId: pair.key,
    raw: fn,
    anchor: pair,
    functionName: fn.str('name'),
    runtime: m.str('runtime'),
    handler: fn.str('handler'),
    memorySize: m.num('memorySize'),
    timeout: m.num('timeout'),
    ephemeralStorageSize: fn.num('ephemeralStorageSize'),
    packageType: image ? { known: true, value: 'Image', node: image.value, pair: image } : undefined,
    isImage: image !== undefined,
    environment: environmentOf(m.obj('environment')),
    environmentPair: m.pair('environment'),
    layers: listOf(layers),
    layersKnown: layers.known,
    layersPair: layers.pair,
    architectures: architecture ? [locString(architecture.value, architecture)] : [],
    architecturesPair: architecture,
    imageUri: image ? locString(image.value, image) : undefined,
    codePair: image,
    snapStart: snapBool ? mapKnown(snapBool, (on) => (on ? 'PublishedVersions' : 'None')) : undefined,
    vpc: vpcPair ? { pair: vpcPair, subnetIds: vpc.list('subnetIds'), securityGroupIds: vpc.list('securityGroupIds') } : undefined,
    reservedConcurrency: fn.num('reservedConcurrency'),
    functionUrlAuthType: urlPair ? serverlessUrlAuth(urlPair) : undefined,
    events: serverlessEvents(fn),
    // The Serverless Framework has no capacity provider setting Berth reads yet.
    computeType: 'default',
  };
}

function mapKnown<T, U>(value: Located<T>, f: (v: T) => U): Located<U> {
  return value.known ? ({ known: true, value: f(value.value), node: value.node, pair: value.pair } satisfies Known<U>) : value;
}

function serverlessUrlAuth(urlPair: Pair): Located<string> | undefined {
  const value = urlPair.value;
  if (value.kind === 'scalar') {
    const on = locBoolean(value, urlPair);
    if (!on.known) return { known: false, node: value, pair: urlPair };
    return on.value ? { known: true, value: 'NONE', node: value, pair: urlPair } : undefined;
  }
  const url = ObjView.of(value, 'camel');
  if (!url) return { known: false, node: value, pair: urlPair };
  const authorizer = url.str('authorizer');
  if (!authorizer) return { known: true, value: 'NONE', node: urlPair.value, pair: urlPair };
  if (!authorizer.known) return authorizer;
  return { known: true, value: authorizer.value === 'aws_iam' ? 'AWS_IAM' : authorizer.value, node: authorizer.node, pair: authorizer.pair };
}

function serverlessEvents(fn: ObjView): FunctionEvent[] {
  return fn.items('events').flatMap((item) => {
    const ev = asObject(item);
    const pair = ev?.pairs[0];
    if (!pair) return [];
    const props = ObjView.of(pair.value, 'camel');
    const source = props ? (props.value('arn') ?? props.value('queue')) : pair.value.kind === 'intrinsic' || pair.value.kind === 'scalar' ? pair.value : undefined;
    return [{ name: pair.key, pair, type: { known: true, value: pair.key, node: pair.value, pair }, properties: props, source, batchSize: props?.num('batchSize') }];
  });
}

/** Every document kind a Lambda function can be written in. */
export const LAMBDA_KINDS = ['lambda-function', 'cloudformation', 'serverless-framework', 'terraform'] as const;

/** The key as the user wrote it (MemorySize, memorySize, memory_size…), for messages. */
export { keyOf } from './located';

/** A name for the function in messages: its logical id / serverless key, else its FunctionName. */
export function functionLabel(fn: LambdaFunction): string {
  if (fn.logicalId) return fn.logicalId;
  return fn.functionName?.known ? fn.functionName.value : 'this function';
}
