/**
 * Links between a Lambda function and the rest of its template (event source mappings, API integrations),
 * for the cross-resource rules. They read the reference graph and resolve values, so they live in
 * template/ rather than in the model.
 */
import { EVENT_SOURCE_RESOURCE_KINDS, eventSourceKindFromArn, SAM_EVENT_SOURCE_KINDS, SERVERLESS_EVENT_SOURCE_KINDS, type EventSourceKind } from '../facts/lambda';
import type { LambdaFunction } from '../model/lambda';
import { locString, valueOf, type Located } from '../model/located';
import { resourcesOfType, type Resource, type Template } from '../model/template';
import type { Node, Pair } from '../parse/tree';
import { referenceGraph, type ReferenceGraph } from './graph';
import { resolveString } from './resolve';

/** An event source mapping, written as a SAM event, a serverless.yml event or an AWS::Lambda::EventSourceMapping. */
export interface EventSourceLink {
  /** The function it invokes, when it is in this document. */
  readonly fn?: LambdaFunction;
  /** The SAM / serverless event pair, or the EventSourceMapping resource pair. */
  readonly at: Pair;
  readonly via: 'sam-event' | 'serverless-event' | 'event-source-mapping';
  /** The Queue / Stream / arn / EventSourceArn value. */
  readonly sourceNode?: Node;
  /** The template resource that value points at (`!GetAtt Queue.Arn`). */
  readonly sourceResource?: Resource;
  /** What the source is, when certain (an SQS queue whose FifoQueue is an intrinsic gives undefined). */
  readonly kind?: EventSourceKind;
  readonly batchSize?: Located<number>;
  readonly batchingWindow?: Located<number>;
}

/** A function behind an API Gateway integration. */
export interface ApiIntegrationLink {
  readonly fn: LambdaFunction;
  /** The SAM / serverless event pair, or the Method / Integration resource pair. */
  readonly at: Pair;
  readonly api: 'rest' | 'http' | 'websocket';
  /** TimeoutInMillis, when written. */
  readonly timeoutMillis?: Located<number>;
}

/** Where event sources sit in the properties of each SAM event type. */
const SAM_SOURCE_KEYS = ['Queue', 'Stream', 'Broker', 'Cluster'] as const;

export function eventSourceLinks(fns: readonly LambdaFunction[], template: Template | undefined, text: string): EventSourceLink[] {
  const graph = template ? referenceGraph(template, text) : undefined;
  const links: EventSourceLink[] = [];
  for (const fn of fns) {
    for (const ev of fn.events) {
      const type = ev.type?.known ? ev.type.value : undefined;
      if (!type || !ev.properties) {
        // serverless `- sqs: arn:…` (a bare ARN)
        if (fn.shape === 'serverless' && type && (SERVERLESS_EVENT_SOURCE_KINDS[type] || type === 'stream') && ev.source) {
          links.push({ fn, at: ev.pair, via: 'serverless-event', sourceNode: ev.source, ...sourceOf(template, graph, ev.source, SERVERLESS_EVENT_SOURCE_KINDS[type]) });
        }
        continue;
      }
      if (fn.shape === 'sam') {
        const hint = SAM_EVENT_SOURCE_KINDS[type];
        if (!hint) continue;
        const sourceNode = SAM_SOURCE_KEYS.map((k) => ev.properties!.value(k)).find((n) => n !== undefined);
        links.push({
          fn,
          at: ev.pair,
          via: 'sam-event',
          sourceNode,
          ...sourceOf(template, graph, sourceNode, hint),
          batchSize: ev.properties.num('BatchSize'),
          batchingWindow: ev.properties.num('MaximumBatchingWindowInSeconds'),
        });
      } else if (fn.shape === 'serverless') {
        const streamType = type === 'stream' ? ev.properties.str('type') : undefined;
        const hint = type === 'stream' ? (streamType?.known && (streamType.value === 'kinesis' || streamType.value === 'dynamodb') ? streamType.value : undefined) : SERVERLESS_EVENT_SOURCE_KINDS[type];
        if (!hint && type !== 'stream') continue;
        links.push({
          fn,
          at: ev.pair,
          via: 'serverless-event',
          sourceNode: ev.source,
          ...sourceOf(template, graph, ev.source, hint),
          batchSize: ev.batchSize,
          batchingWindow: ev.properties.num('maximumBatchingWindow'),
        });
      }
    }
  }
  if (template && graph) {
    for (const r of resourcesOfType(template, 'AWS::Lambda::EventSourceMapping')) {
      const props = r.properties;
      if (!props) continue;
      const sourceNode = props.value('EventSourceArn');
      links.push({
        fn: functionFor(fns, graph, props.value('FunctionName')),
        at: r.pair,
        via: 'event-source-mapping',
        sourceNode,
        ...sourceOf(template, graph, sourceNode, undefined),
        batchSize: props.num('BatchSize'),
        batchingWindow: props.num('MaximumBatchingWindowInSeconds'),
      });
    }
  }
  return links;
}

export function apiIntegrationLinks(fns: readonly LambdaFunction[], template: Template | undefined, text: string): ApiIntegrationLink[] {
  const links: ApiIntegrationLink[] = [];
  for (const fn of fns) {
    for (const ev of fn.events) {
      const type = ev.type?.known ? ev.type.value : undefined;
      const api = fn.shape === 'sam' ? (type === 'Api' ? 'rest' : type === 'HttpApi' ? 'http' : undefined) : type === 'http' ? 'rest' : type === 'httpApi' ? 'http' : undefined;
      // serverless `http: { async: true }` invokes the function asynchronously: API Gateway does not wait for it.
      if (!api || (fn.shape === 'serverless' && valueOf(ev.properties?.bool('async')) === true)) continue;
      links.push({ fn, at: ev.pair, api, timeoutMillis: fn.shape === 'sam' ? ev.properties?.num('TimeoutInMillis') : undefined });
    }
  }
  if (!template) return links;
  const graph = referenceGraph(template, text);
  for (const r of resourcesOfType(template, 'AWS::ApiGateway::Method')) {
    const integration = r.properties?.obj('Integration');
    const type = integration?.str('Type');
    if (!integration || !type?.known || (type.value !== 'AWS_PROXY' && type.value !== 'AWS')) continue;
    const fn = functionFor(fns, graph, integration.value('Uri'), true);
    if (fn) links.push({ fn, at: r.pair, api: 'rest', timeoutMillis: integration.num('TimeoutInMillis') });
  }
  for (const r of resourcesOfType(template, 'AWS::ApiGatewayV2::Integration')) {
    const props = r.properties;
    const type = props?.str('IntegrationType');
    if (!props || !type?.known || (type.value !== 'AWS_PROXY' && type.value !== 'AWS')) continue;
    const fn = functionFor(fns, graph, props.value('IntegrationUri'), true);
    if (!fn) continue;
    const apiResource = graph.resolveResourceRef(props.value('ApiId'))?.resource;
    const protocol = apiResource?.type?.known && apiResource.type.value === 'AWS::ApiGatewayV2::Api' ? apiResource.properties?.str('ProtocolType') : undefined;
    links.push({ fn, at: r.pair, api: protocol?.known && protocol.value === 'WEBSOCKET' ? 'websocket' : 'http', timeoutMillis: props.num('TimeoutInMillis') });
  }
  return links;
}

/** The function a FunctionName / integration URI names: `!Ref Fn`, `!GetAtt Fn.Arn`, a Sub around it, or a literal FunctionName. */
function functionFor(fns: readonly LambdaFunction[], graph: ReferenceGraph, node: Node | undefined, refOnly = false): LambdaFunction | undefined {
  if (!node) return undefined;
  const ref = graph.resolveResourceRef(node);
  if (ref) return fns.find((f) => (f.shape === 'cfn' || f.shape === 'sam') && f.logicalId === ref.resource.logicalId);
  if (refOnly) return undefined;
  const name = locString(node);
  if (!name.known) return undefined;
  const matches = fns.filter((f) => f.functionName?.known && f.functionName.value === name.value);
  return matches.length === 1 ? matches[0] : undefined;
}

function sourceOf(
  template: Template | undefined,
  graph: ReferenceGraph | undefined,
  node: Node | undefined,
  hint: EventSourceKind | undefined,
): { sourceResource?: Resource; kind?: EventSourceKind } {
  if (!node) return { kind: hint };
  const ref = graph?.resolveResourceRef(node);
  if (ref) {
    const type = ref.resource.type?.known ? ref.resource.type.value : undefined;
    let kind: EventSourceKind | undefined = type ? EVENT_SOURCE_RESOURCE_KINDS[type] : undefined;
    if (kind === 'sqs') {
      const fifo = ref.resource.properties?.bool('FifoQueue');
      if (fifo && !fifo.known) kind = undefined;
      else if (fifo?.value) kind = 'sqs-fifo';
    }
    return { sourceResource: ref.resource, kind: type && type in EVENT_SOURCE_RESOURCE_KINDS ? kind : hint };
  }
  const arn = template ? resolveString(template, node) : valueOf(locString(node));
  const fromArn = arn ? eventSourceKindFromArn(arn) : undefined;
  return { kind: fromArn ?? hint };
}
