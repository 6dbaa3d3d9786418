/**
 * The Lambda links of a CloudFormation/SAM template or serverless.yml (event source mappings with their queues, API
 * integrations, function URL resources) as the model's records (model/lambdaLinks.ts). They read the reference graph
 * and resolve values, so they are built here rather than in the model.
 */
import { EVENT_SOURCE_RESOURCE_KINDS, eventSourceKindFromArn, SAM_EVENT_SOURCE_KINDS, SERVERLESS_EVENT_SOURCE_KINDS, type EventSourceKind } from '../facts/lambda';
import type { DocumentModel } from '../model/document';
import type { LambdaFunction } from '../model/lambda';
import { lazyLinks, queueKind, type ApiIntegration, type EventSourceMapping, type FunctionUrl, type LambdaLinks, type Queue } from '../model/lambdaLinks';
import { locBoolean, locString, valueOf, type Located } from '../model/located';
import { resourcesOfType, type Resource, type Template } from '../model/template';
import type { Node } from '../parse/tree';
import { referenceGraph, type ReferenceGraph } from './graph';
import { resolveString, resolveValue } from './resolve';

/** The document's model with its Lambda links, built when a rule first reads them. */
export function withTemplateLambdaLinks(model: DocumentModel, text: string): DocumentModel {
  if (model.lambdaFunctions.length === 0 && !model.template) return model;
  const { lambdaFunctions: fns, template } = model;
  return { ...model, lambdaLinks: lazyLinks(() => templateLambdaLinks(fns, template, text)) };
}

export function templateLambdaLinks(fns: readonly LambdaFunction[], template: Template | undefined, text: string): LambdaLinks {
  return { eventSources: eventSourceLinks(fns, template, text), apiIntegrations: apiIntegrationLinks(fns, template, text), functionUrls: functionUrlLinks(template, text) };
}

/** Where event sources sit in the properties of each SAM event type. */
const SAM_SOURCE_KEYS = ['Queue', 'Stream', 'Broker', 'Cluster'] as const;

function eventSourceLinks(fns: readonly LambdaFunction[], template: Template | undefined, text: string): EventSourceMapping[] {
  const graph = template ? referenceGraph(template, text) : undefined;
  const links: EventSourceMapping[] = [];
  for (const fn of fns) {
    for (const ev of fn.events) {
      const type = ev.type?.known ? ev.type.value : undefined;
      if (!type || !ev.properties) {
        // serverless `- sqs: arn:…` (a bare ARN)
        if (fn.shape === 'serverless' && type && (SERVERLESS_EVENT_SOURCE_KINDS[type] || type === 'stream') && ev.source) {
          links.push({ fn, at: ev.pair, sourceNode: ev.source, batchingWindowKey: 'maximumBatchingWindow', ...sourceOf(template, graph, ev.source, SERVERLESS_EVENT_SOURCE_KINDS[type]) });
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
          sourceNode,
          ...sourceOf(template, graph, sourceNode, hint),
          batchSize: ev.properties.num('BatchSize'),
          batchingWindow: ev.properties.num('MaximumBatchingWindowInSeconds'),
          batchingWindowKey: 'MaximumBatchingWindowInSeconds',
        });
      } else if (fn.shape === 'serverless') {
        const streamType = type === 'stream' ? ev.properties.str('type') : undefined;
        const hint = type === 'stream' ? (streamType?.known && (streamType.value === 'kinesis' || streamType.value === 'dynamodb') ? streamType.value : undefined) : SERVERLESS_EVENT_SOURCE_KINDS[type];
        if (!hint && type !== 'stream') continue;
        links.push({
          fn,
          at: ev.pair,
          sourceNode: ev.source,
          ...sourceOf(template, graph, ev.source, hint),
          batchSize: ev.batchSize,
          batchingWindow: ev.properties.num('maximumBatchingWindow'),
          batchingWindowKey: 'maximumBatchingWindow',
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
        sourceNode,
        ...sourceOf(template, graph, sourceNode, undefined),
        batchSize: props.num('BatchSize'),
        batchingWindow: props.num('MaximumBatchingWindowInSeconds'),
        batchingWindowKey: 'MaximumBatchingWindowInSeconds',
      });
    }
  }
  return links;
}

function apiIntegrationLinks(fns: readonly LambdaFunction[], template: Template | undefined, text: string): ApiIntegration[] {
  const links: ApiIntegration[] = [];
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
): { queue?: Queue; kind?: EventSourceKind } {
  if (!node) return { kind: hint };
  const ref = graph?.resolveResourceRef(node);
  if (ref && template) {
    const type = ref.resource.type?.known ? ref.resource.type.value : undefined;
    if (type === 'AWS::SQS::Queue') {
      const queue = queueOf(template, ref.resource);
      return { queue, kind: queueKind(queue) };
    }
    return { kind: type && type in EVENT_SOURCE_RESOURCE_KINDS ? EVENT_SOURCE_RESOURCE_KINDS[type] : hint };
  }
  const arn = template ? resolveString(template, node) : valueOf(locString(node));
  const fromArn = arn ? eventSourceKindFromArn(arn) : undefined;
  return { kind: fromArn ?? hint };
}

/** AWS::SQS::Queue as the model's queue: VisibilityTimeout known only when it resolves to one certain number. */
function queueOf(template: Template, resource: Resource): Queue {
  const pair = resource.properties?.pair('VisibilityTimeout');
  let visibilityTimeout: Located<number> | undefined;
  if (pair) {
    const r = resolveValue(template, pair.value);
    const n = r.kind === 'known' && !r.assumedDefault && !r.noValue ? (typeof r.value === 'number' ? r.value : typeof r.value === 'string' && /^\d+$/.test(r.value) ? Number(r.value) : NaN) : NaN;
    visibilityTimeout = Number.isFinite(n) ? { known: true, value: n, node: pair.value, pair } : { known: false, node: pair.value, pair };
  }
  const fifoPair = resource.properties?.pair('FifoQueue');
  return {
    label: resource.logicalId,
    anchor: resource.pair,
    visibilityTimeoutKey: 'VisibilityTimeout',
    visibilityTimeout,
    fifo: fifoPair ? locBoolean(fifoPair.value, fifoPair) : undefined,
  };
}

/** AWS::Lambda::Url resources; the name is the function TargetFunctionArn points at, when it is in the template. */
function functionUrlLinks(template: Template | undefined, text: string): FunctionUrl[] {
  if (!template) return [];
  const urls = resourcesOfType(template, 'AWS::Lambda::Url');
  if (urls.length === 0) return [];
  const graph = referenceGraph(template, text);
  return urls.flatMap((r) => {
    const pair = r.properties?.pair('AuthType');
    if (!pair) return [];
    const target = graph.resolveResourceRef(r.properties?.value('TargetFunctionArn'))?.resource.logicalId;
    return [{ name: target ?? r.logicalId, authType: locString(pair.value, pair) }];
  });
}
