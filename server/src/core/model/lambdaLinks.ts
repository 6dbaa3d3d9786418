/**
 * What connects a Lambda function to the rest of its configuration: the event source mappings that invoke it (with
 * the SQS queue they read), the API Gateway integrations in front of it, and its function URLs. Every shape fills the
 * same records (template/lambdaLinks.ts from CloudFormation, SAM and serverless.yml; terraform/lambdaLinks.ts from a
 * Terraform module), so the rules that judge them never read a shape.
 */
import type { EventSourceKind } from '../facts/lambda';
import type { Node, Pair } from '../parse/tree';
import type { LambdaFunction } from './lambda';
import type { Located } from './located';

/** An SQS queue that an event source mapping reads: AWS::SQS::Queue or aws_sqs_queue. */
export interface Queue {
  /** The logical id or Terraform address, for messages. */
  readonly label: string;
  /** Where findings about the queue as a whole land: its resource key, or its name label in Terraform. */
  readonly anchor: Pair;
  /** The visibility timeout's name as the queue's shape writes it (VisibilityTimeout, visibility_timeout_seconds). */
  readonly visibilityTimeoutKey: string;
  /** Absent: SQS's default applies. Unknown: set by something Berth cannot be sure of (a parameter, a variable without a value). */
  readonly visibilityTimeout?: Located<number>;
  /** FifoQueue / fifo_queue; absent means a standard queue. */
  readonly fifo?: Located<boolean>;
}

/** An event source mapping: a SAM or serverless.yml event, AWS::Lambda::EventSourceMapping or aws_lambda_event_source_mapping. */
export interface EventSourceMapping {
  /** The function it invokes, when it is in the model. */
  readonly fn?: LambdaFunction;
  /** The event pair, or the mapping resource's key (its name label in Terraform). */
  readonly at: Pair;
  /** The Queue / Stream / arn / EventSourceArn / event_source_arn value. */
  readonly sourceNode?: Node;
  /** The SQS queue it reads, when that queue is in the model. */
  readonly queue?: Queue;
  /** What the source is, when certain (a queue whose FIFO setting is unknown gives undefined). */
  readonly kind?: EventSourceKind;
  readonly batchSize?: Located<number>;
  readonly batchingWindow?: Located<number>;
  /** The batching window's name as the mapping's shape writes it, for messages about a missing one. */
  readonly batchingWindowKey: string;
}

/** A function behind an API Gateway integration. */
export interface ApiIntegration {
  readonly fn: LambdaFunction;
  /** The SAM / serverless event pair, or the integration (or method) resource's key. */
  readonly at: Pair;
  readonly api: 'rest' | 'http' | 'websocket';
  /** TimeoutInMillis / timeout_milliseconds, when written. */
  readonly timeoutMillis?: Located<number>;
}

/** A function URL written as a resource of its own (AWS::Lambda::Url, aws_lambda_function_url). */
export interface FunctionUrl {
  /** The function it serves, for messages: its logical id or address, else the URL resource's own. */
  readonly name: string;
  /** AuthType / authorization_type. */
  readonly authType: Located<string>;
}

export interface LambdaLinks {
  readonly eventSources: readonly EventSourceMapping[];
  readonly apiIntegrations: readonly ApiIntegration[];
  readonly functionUrls: readonly FunctionUrl[];
}

export const NO_LAMBDA_LINKS: LambdaLinks = { eventSources: [], apiIntegrations: [], functionUrls: [] };

/** The kind of event source an SQS queue is: undefined when its FIFO setting is unknown. */
export function queueKind(queue: Queue): EventSourceKind | undefined {
  if (!queue.fifo) return 'sqs';
  if (!queue.fifo.known) return undefined;
  return queue.fifo.value ? 'sqs-fifo' : 'sqs';
}

/**
 * Links computed on first use and kept: a document pays for them only when a rule reads them, and every rule
 * reads the same records.
 */
export function lazyLinks(build: () => LambdaLinks): LambdaLinks {
  let links: LambdaLinks | undefined;
  const get = () => (links ??= build());
  return {
    get eventSources() {
      return get().eventSources;
    },
    get apiIntegrations() {
      return get().apiIntegrations;
    },
    get functionUrls() {
      return get().functionUrls;
    },
  };
}

/** The links of a document's model; none when its shape has no such links. */
export function lambdaLinksOf(model: { readonly lambdaLinks?: LambdaLinks }): LambdaLinks {
  return model.lambdaLinks ?? NO_LAMBDA_LINKS;
}
