/**
 * A Terraform module's Lambda links (model/lambdaLinks.ts): aws_lambda_event_source_mapping with the aws_sqs_queue it
 * reads, aws_lambda_function_url, and the API Gateway integrations in front of a function (aws_api_gateway_integration,
 * aws_apigatewayv2_integration, and the integration an aws_apigatewayv2_api's quick-create `target` makes). The
 * module hands each such resource over while it builds the model; the links are made when a rule first reads them,
 * once every function of the module is in the model.
 */
import { eventSourceKindFromArn, TERRAFORM_EVENT_SOURCE_KINDS, type EventSourceKind } from '../facts/lambda';
import { TERRAFORM_NAMES } from '../facts/terraform';
import type { LambdaFunction } from '../model/lambda';
import { lazyLinks, queueKind, type ApiIntegration, type EventSourceMapping, type FunctionUrl, type LambdaLinks, type Queue } from '../model/lambdaLinks';
import { locString, ObjView } from '../model/located';
import type { Node } from '../parse/tree';
import { referencedAddress, resourceLabelPair, type ResolvedResource } from './resources';

/** The resource types that take part in the links. */
export const LAMBDA_LINK_TYPES = [
  'aws_lambda_event_source_mapping',
  'aws_sqs_queue',
  'aws_lambda_function_url',
  'aws_api_gateway_integration',
  'aws_apigatewayv2_integration',
  'aws_apigatewayv2_api',
] as const;

export class TerraformLambdaLinks implements LambdaLinks {
  private readonly resources: ResolvedResource[] = [];
  private readonly links: LambdaLinks;

  /** `functions` is the module's list, still being filled: it is read when the links are first used. */
  constructor(functions: readonly LambdaFunction[]) {
    this.links = lazyLinks(() => linksOf(this.resources, functions));
  }

  add(resource: ResolvedResource): void {
    this.resources.push(resource);
  }

  get eventSources(): readonly EventSourceMapping[] {
    return this.links.eventSources;
  }

  get apiIntegrations(): readonly ApiIntegration[] {
    return this.links.apiIntegrations;
  }

  get functionUrls(): readonly FunctionUrl[] {
    return this.links.functionUrls;
  }
}

const viewOf = (r: ResolvedResource): ObjView => new ObjView(r.body, 'snake', TERRAFORM_NAMES[r.resource.type]);
const ofType = (resources: readonly ResolvedResource[], type: string) => resources.filter((r) => r.resource.type === type);

function linksOf(resources: readonly ResolvedResource[], fns: readonly LambdaFunction[]): LambdaLinks {
  const queues = new Map(ofType(resources, 'aws_sqs_queue').map((r) => [r.resource.address, queueOf(r)]));
  const apis = new Map(ofType(resources, 'aws_apigatewayv2_api').map((r) => [r.resource.address, r]));
  return {
    eventSources: ofType(resources, 'aws_lambda_event_source_mapping').map((r) => mappingOf(r, fns, queues)),
    apiIntegrations: [
      ...ofType(resources, 'aws_api_gateway_integration').flatMap((r) => restIntegration(r, fns)),
      ...ofType(resources, 'aws_apigatewayv2_integration').flatMap((r) => httpIntegration(r, fns, apis)),
      ...[...apis.values()].flatMap((r) => quickCreateIntegration(r, fns)),
    ],
    functionUrls: ofType(resources, 'aws_lambda_function_url').flatMap((r) => functionUrlOf(r, fns)),
  };
}

function queueOf(r: ResolvedResource): Queue {
  const v = viewOf(r);
  return {
    label: r.resource.address,
    anchor: resourceLabelPair(r.resource),
    visibilityTimeoutKey: v.key('VisibilityTimeout'),
    visibilityTimeout: v.num('VisibilityTimeout'),
    fifo: v.bool('FifoQueue'),
  };
}

function mappingOf(r: ResolvedResource, fns: readonly LambdaFunction[], queues: ReadonlyMap<string, Queue>): EventSourceMapping {
  const v = viewOf(r);
  const sourceNode = v.value('EventSourceArn');
  return {
    fn: functionFor(fns, v.value('FunctionName')),
    at: resourceLabelPair(r.resource),
    sourceNode,
    ...sourceOf(v, sourceNode, queues),
    batchSize: v.num('BatchSize'),
    batchingWindow: v.num('MaximumBatchingWindowInSeconds'),
    batchingWindowKey: v.key('MaximumBatchingWindowInSeconds'),
  };
}

/** The queue or the kind of source an event_source_arn names: a resource of the module, or a literal ARN. */
function sourceOf(v: ObjView, node: Node | undefined, queues: ReadonlyMap<string, Queue>): { queue?: Queue; kind?: EventSourceKind } {
  if (v.has('SelfManagedEventSource')) return { kind: 'kafka' };
  if (!node) return {};
  const address = referencedAddress(node);
  if (address) {
    const queue = queues.get(address);
    if (queue) return { queue, kind: queueKind(queue) };
    const parts = address.split('.');
    const type = parts[0] === 'data' ? parts[1]! : parts[0]!;
    // A queue read with a data source may be FIFO or not: its kind is unknown.
    return { kind: type === 'aws_sqs_queue' ? undefined : TERRAFORM_EVENT_SOURCE_KINDS[type] };
  }
  const arn = locString(node);
  return { kind: arn.known ? eventSourceKindFromArn(arn.value) : undefined };
}

/** A REST API integration (type AWS_PROXY or AWS) whose uri names a function of the module. */
function restIntegration(r: ResolvedResource, fns: readonly LambdaFunction[]): ApiIntegration[] {
  const v = viewOf(r);
  const fn = isLambdaIntegration(v.str('Type')) ? functionFor(fns, v.value('Uri')) : undefined;
  return fn ? [{ fn, at: resourceLabelPair(r.resource), api: 'rest', timeoutMillis: v.num('TimeoutInMillis') }] : [];
}

/** An HTTP or WebSocket API integration: the API's protocol_type tells which, HTTP when it cannot be known. */
function httpIntegration(r: ResolvedResource, fns: readonly LambdaFunction[], apis: ReadonlyMap<string, ResolvedResource>): ApiIntegration[] {
  const v = viewOf(r);
  const fn = isLambdaIntegration(v.str('IntegrationType')) ? functionFor(fns, v.value('IntegrationUri')) : undefined;
  if (!fn) return [];
  const apiAddress = referencedAddress(v.value('ApiId'));
  const api = apiAddress ? apis.get(apiAddress) : undefined;
  const protocol = api ? viewOf(api).str('ProtocolType') : undefined;
  return [{ fn, at: resourceLabelPair(r.resource), api: protocol?.known && protocol.value === 'WEBSOCKET' ? 'websocket' : 'http', timeoutMillis: v.num('TimeoutInMillis') }];
}

/** An HTTP API created with `target`: API Gateway makes a Lambda proxy integration with the default timeout. */
function quickCreateIntegration(r: ResolvedResource, fns: readonly LambdaFunction[]): ApiIntegration[] {
  const v = viewOf(r);
  const protocol = v.str('ProtocolType');
  const fn = protocol?.known && protocol.value === 'HTTP' ? functionFor(fns, v.value('Target')) : undefined;
  return fn ? [{ fn, at: resourceLabelPair(r.resource), api: 'http' }] : [];
}

function functionUrlOf(r: ResolvedResource, fns: readonly LambdaFunction[]): FunctionUrl[] {
  const v = viewOf(r);
  const auth = v.str('AuthType');
  if (!auth) return [];
  const target = v.value('FunctionName');
  const fn = functionFor(fns, target);
  const written = target ? locString(target) : undefined;
  return [{ name: fn?.logicalId ?? (written?.known ? written.value : r.resource.address), authType: auth }];
}

function isLambdaIntegration(type: ReturnType<ObjView['str']>): boolean {
  return type?.known === true && (type.value === 'AWS_PROXY' || type.value === 'AWS');
}

/**
 * The function a function_name / uri names: a reference to one (`aws_lambda_function.api.arn`, `.invoke_arn`,
 * `.function_name`), also inside a template (`…/functions/${aws_lambda_function.api.arn}/invocations`), or its name
 * or ARN written out, when exactly one function of the module has that name.
 */
function functionFor(fns: readonly LambdaFunction[], node: Node | undefined): LambdaFunction | undefined {
  if (!node) return undefined;
  const parts = node.kind === 'expression' && node.form === 'template' ? node.args : [node];
  const address = parts.map((part) => referencedAddress(part)).find((a) => a?.startsWith('aws_lambda_function.'));
  if (address) return fns.find((f) => f.shape === 'terraform' && f.logicalId === address);
  const written = locString(node);
  if (!written.known) return undefined;
  const name = /^arn:aws[\w-]*:lambda:[^:]*:[^:]*:function:([^:]+)/.exec(written.value)?.[1] ?? written.value;
  const matches = fns.filter((f) => f.functionName?.known && f.functionName.value === name);
  return matches.length === 1 ? matches[0] : undefined;
}
