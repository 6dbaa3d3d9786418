/**
 * AWS Lambda limits and tables that Lambda rules read.
 * Sources (checked 2026-11-23):
 * - Quotas: https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
 * - Reserved environment variables: https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime
 *   (the same list as cfn-lint's environment_variable_keys.json, MIT-0)
 * - SnapStart runtimes: https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html
 * - Handlers: https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html and each runtime's "handler" page
 * - Event source mapping BatchSize: https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html#lambda-CreateEventSourceMapping-request-BatchSize
 * - SQS visibility timeout: https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html (at least six times the function timeout)
 *   and https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html (default 30 s)
 * - API Gateway integration timeout: https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html
 * - Compute types (LAMBDA_COMPUTE_LIMITS): the Lambda API model as npm delivers it (AWS SDK client-lambda 3.1178.0,
 *   CreateFunction Timeout, MemorySize, EphemeralStorage, CapacityProviderConfig) and the Lambda Managed Instances
 *   pages, checked 2026-12-07 (see that table).
 */

export const LAMBDA_QUOTAS_SOURCE = 'https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html';

export const LAMBDA_LIMITS = {
  /** Default Timeout (CreateFunction, AWS::Lambda::Function, SAM). */
  timeoutDefault: 3,
  /** Environment variables: keys plus values, in bytes. */
  environmentBytes: 4096,
  layers: 5,
  /** Deployment package (direct upload, zipped) and unzipped size including layers, in MB. */
  zippedPackageMB: 50,
  unzippedPackageMB: 250,
  /** Container image (uncompressed, all layers), in GB. */
  imageGB: 10,
} as const;

/** A closed range of allowed values. */
export interface Bounds {
  readonly min: number;
  readonly max: number;
}

/**
 * How Lambda runs a function: on Lambda's own fleet (`default`), or on EC2 instances of a capacity provider (Lambda
 * Managed Instances: the function has a CapacityProviderConfig). Each has its own limits.
 */
export type LambdaComputeType = 'default' | 'managed-instances';

export interface LambdaComputeLimits {
  /** For messages: "Lambda", "Lambda Managed Instances". */
  readonly label: string;
  /** MemorySize, MB. */
  readonly memory: Bounds;
  /** Timeout, seconds. */
  readonly timeout: Bounds;
  /** EphemeralStorage.Size (/tmp), MB. */
  readonly ephemeral: Bounds;
  readonly source: string;
}

/**
 * Limits per compute type. Sources, checked 2026-12-07:
 * - default: the quotas page (memory 128–10,240 MB in 1-MB steps, /tmp 512–10,240 MB) and the CreateFunction
 *   `Timeout` documentation of the current Lambda API model ("the maximum allowed value is 1,800 seconds",
 *   AWS SDK client-lambda 3.1178.0; botocore 1.43.107 and the quotas page still said 900 s).
 * - managed-instances: memory from 2,048 MB ("the minimum supported function size is 2GB and 1 vCPU",
 *   https://docs.aws.amazon.com/lambda/latest/dg/lambda-managed-instances-best-practices.html) to 32,768 MB (the
 *   model's MemorySize maximum, which exists for Managed Instances; hashicorp/terraform-provider-aws#46065 shows a
 *   32,768 MB function on a capacity provider); Timeout up to 5,400 s ("For functions using Lambda Managed Instances,
 *   asynchronous invocations and event source mapping invocations ... support a maximum allowed value of 5,400
 *   seconds", same model documentation); /tmp up to the model's EphemeralStorageSize maximum, 32,768 MB (the
 *   documentation gives no other figure for Managed Instances, so Berth holds them to the model only).
 * `npm run facts:check` reads the Timeout maximum from the model's documentation and fails when it moves.
 */
export const LAMBDA_COMPUTE_LIMITS: Readonly<Record<LambdaComputeType, LambdaComputeLimits>> = {
  default: {
    label: 'Lambda',
    memory: { min: 128, max: 10240 },
    timeout: { min: 1, max: 1800 },
    ephemeral: { min: 512, max: 10240 },
    source: LAMBDA_QUOTAS_SOURCE,
  },
  'managed-instances': {
    label: 'Lambda Managed Instances',
    memory: { min: 2048, max: 32768 },
    timeout: { min: 1, max: 5400 },
    ephemeral: { min: 512, max: 32768 },
    source: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-managed-instances.html',
  },
};

/**
 * The limits that hold whatever the compute type (when Berth cannot tell it: a CapacityProviderConfig given by an
 * intrinsic function): a value outside both types' bounds is wrong either way.
 */
export function eitherComputeBounds(pick: (l: LambdaComputeLimits) => Bounds): Bounds {
  const all = Object.values(LAMBDA_COMPUTE_LIMITS).map(pick);
  return { min: Math.min(...all.map((b) => b.min)), max: Math.max(...all.map((b) => b.max)) };
}

/**
 * 10240 → "10,240". Rule summaries are built when the rules load, and the first toLocaleString loads ICU's
 * locale data (10–50 ms of a CLI run's start-up here), so whole numbers are grouped by hand.
 */
const grouped = (n: number): string => (Number.isInteger(n) ? String(n).replace(/\B(?=(\d{3})+$)/g, ',') : n.toLocaleString('en-US'));

/** "128–10,240 MB (2,048–32,768 MB on Lambda Managed Instances)", for summaries and hovers. */
export function describeComputeBounds(pick: (l: LambdaComputeLimits) => Bounds, unit: string): string {
  const [plain, ...others] = Object.values(LAMBDA_COMPUTE_LIMITS);
  const fmt = (b: Bounds) => `${grouped(b.min)}–${grouped(b.max)} ${unit}`;
  return `${fmt(pick(plain!))}${others.map((o) => ` (${fmt(pick(o))} on ${o.label})`).join('')}`;
}

/** Keys Lambda sets itself and rejects in a function's Environment.Variables. */
export const RESERVED_ENVIRONMENT_KEYS: readonly string[] = [
  '_HANDLER',
  '_X_AMZN_TRACE_ID',
  'AWS_DEFAULT_REGION',
  'AWS_REGION',
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API',
  'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR',
];

export const ARCHITECTURES: readonly string[] = ['x86_64', 'arm64'];

export type RuntimeFamily = 'nodejs' | 'python' | 'java' | 'dotnet' | 'ruby' | 'go' | 'provided';

export function runtimeFamily(runtime: string): RuntimeFamily | undefined {
  if (/^nodejs/.test(runtime)) return 'nodejs';
  if (/^python/.test(runtime)) return 'python';
  if (/^java/.test(runtime)) return 'java';
  if (/^dotnet/.test(runtime)) return 'dotnet';
  if (/^ruby/.test(runtime)) return 'ruby';
  if (/^go/.test(runtime)) return 'go';
  if (/^provided/.test(runtime)) return 'provided';
  return undefined;
}

/** Inline code (CloudFormation Code.ZipFile, SAM InlineCode) works only for these families (cfn-lint E3677). */
export const INLINE_CODE_FAMILIES: readonly RuntimeFamily[] = ['nodejs', 'python'];

/**
 * Handler formats per family. Node.js: `file.export` (file may sit in folders); Python: `module.function`
 * (dotted package path allowed); Java: `package.Class::method` or `package.Class` (RequestHandler);
 * .NET class library: `Assembly::Namespace.Class::Method` (an executable assembly: its name alone); Ruby: `file.method`.
 */
export const HANDLER_FORMATS: Readonly<Partial<Record<RuntimeFamily, { readonly pattern: RegExp; readonly example: string }>>> = {
  nodejs: { pattern: /^[\w@./-]*[\w@-]\.[A-Za-z_$][\w$]*$/, example: 'index.handler' },
  // importlib imports any file name, hyphens included (`my-module.handler`); folders may use `/` or `.`.
  python: { pattern: /^[\w-]+(\/[\w-]+)*(\.[A-Za-z_]\w*)+$/, example: 'app.lambda_handler' },
  java: { pattern: /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*(::[A-Za-z_$][\w$]*)?$/, example: 'com.example.Handler::handleRequest' },
  // An executable assembly (top-level statements, Amazon.Lambda.RuntimeSupport) is named by its assembly name alone.
  dotnet: { pattern: /^(?:[^:\s]+::[A-Za-z_][\w+]*(\.[A-Za-z_][\w+]*)*::[A-Za-z_]\w*|[^:\s]+)$/, example: 'MyAssembly::MyNamespace.Function::FunctionHandler' },
  ruby: { pattern: /^[\w./-]*\w\.[A-Za-z_]\w*[!?]?$/, example: 'function.handler' },
};

/** The managed runtimes SnapStart supports, each from a first version on (source: SNAPSTART_SOURCE, checked 2026-11-23). */
export const SNAPSTART_RUNTIMES: readonly { readonly label: string; readonly pattern: RegExp; readonly minVersion: number; readonly minLabel: string }[] = [
  { label: 'Java', pattern: /^java(\d+)/, minVersion: 11, minLabel: '11' },
  { label: 'Python', pattern: /^python3\.(\d+)$/, minVersion: 12, minLabel: '3.12' },
  { label: '.NET', pattern: /^dotnet(\d+)$/, minVersion: 8, minLabel: '8' },
];

export function snapStartSupported(runtime: string): boolean {
  return SNAPSTART_RUNTIMES.some((r) => {
    const m = r.pattern.exec(runtime);
    return m !== null && Number(m[1]) >= r.minVersion;
  });
}

/** "Java 11 and later, Python 3.12 and later, and .NET 8 and later". */
export function describeSnapStartRuntimes(): string {
  const items = SNAPSTART_RUNTIMES.map((r) => `${r.label} ${r.minLabel} and later`);
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')}, and ${items.at(-1)}`;
}

export const SNAPSTART_SOURCE = 'https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html';

/** Event source kinds for event source mappings, with their BatchSize maximum (API_CreateEventSourceMapping). */
export type EventSourceKind = 'sqs' | 'sqs-fifo' | 'kinesis' | 'dynamodb' | 'kafka' | 'mq' | 'docdb';

export const BATCH_SIZE_MAX: Readonly<Record<EventSourceKind, number>> = {
  sqs: 10000,
  'sqs-fifo': 10,
  kinesis: 10000,
  dynamodb: 10000,
  kafka: 10000,
  mq: 10000,
  docdb: 10000,
};

/** Describes an event source for messages. */
export const EVENT_SOURCE_LABEL: Readonly<Record<EventSourceKind, string>> = {
  sqs: 'an SQS standard queue',
  'sqs-fifo': 'an SQS FIFO queue',
  kinesis: 'a Kinesis stream',
  dynamodb: 'a DynamoDB stream',
  kafka: 'a Kafka topic',
  mq: 'an Amazon MQ broker',
  docdb: 'a DocumentDB change stream',
};

/** The event source kind from a literal ARN, when it tells. */
export function eventSourceKindFromArn(arn: string): EventSourceKind | undefined {
  const m = /^arn:aws[\w-]*:([\w-]+):[^:]*:[^:]*:(.*)$/.exec(arn);
  if (!m) return undefined;
  const [, service, rest] = m;
  switch (service) {
    case 'sqs':
      return rest!.endsWith('.fifo') ? 'sqs-fifo' : 'sqs';
    case 'kinesis':
      return 'kinesis';
    case 'dynamodb':
      return rest!.includes('/stream/') ? 'dynamodb' : undefined;
    case 'kafka':
      return 'kafka';
    case 'mq':
      return 'mq';
    case 'rds':
      return 'docdb';
    default:
      return undefined;
  }
}

export const SQS_DEFAULT_VISIBILITY_TIMEOUT = 30;
/** AWS recommends a queue visibility timeout of at least six times the function timeout. */
export const SQS_VISIBILITY_TIMEOUT_FACTOR = 6;

/** API Gateway's maximum integration timeout, in seconds: REST APIs 29 s (default quota), HTTP APIs 30 s. */
export const API_GATEWAY_INTEGRATION_TIMEOUT = { rest: 29, http: 30 } as const;

/**
 * Lambda rejects an SQS event source mapping when the function timeout exceeds the queue's visibility timeout
 * ("Your function's timeout must be less than or equal to the queue's visibility timeout. Lambda validates this
 * requirement when you create or update an event source mapping", services-sqs-configure.html, checked 2026-11-23).
 */
export const SQS_VISIBILITY_SOURCE = 'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html';
/** SQS CreateQueue VisibilityTimeout: default 30 s, range 0–43,200 s (API_CreateQueue, checked 2026-11-23). */
export const SQS_VISIBILITY_TIMEOUT_MAX = 43200;

/** BatchSize minimum for every event source (API_CreateEventSourceMapping). */
export const BATCH_SIZE_MIN = 1;
/**
 * SQS: a BatchSize over 10 needs MaximumBatchingWindowInSeconds of at least 1
 * (API_CreateEventSourceMapping, MaximumBatchingWindowInSeconds, "Related setting"; checked 2026-11-23).
 */
export const SQS_BATCH_SIZE_WITHOUT_WINDOW = 10;
/** MaximumBatchingWindowInSeconds: 0–300 s (API_CreateEventSourceMapping; checked 2026-11-23). */
export const BATCHING_WINDOW_MAX_SECONDS = 300;

/** CloudFormation resource types whose ARN can be an event source, with the kind of source they are. */
export const EVENT_SOURCE_RESOURCE_KINDS: Readonly<Record<string, EventSourceKind>> = {
  'AWS::SQS::Queue': 'sqs',
  'AWS::Kinesis::Stream': 'kinesis',
  'AWS::Kinesis::StreamConsumer': 'kinesis',
  'AWS::DynamoDB::Table': 'dynamodb',
  'AWS::DynamoDB::GlobalTable': 'dynamodb',
  'AWS::MSK::Cluster': 'kafka',
  'AWS::MSK::ServerlessCluster': 'kafka',
  'AWS::AmazonMQ::Broker': 'mq',
  'AWS::DocDB::DBCluster': 'docdb',
};

/**
 * Terraform resource types whose ARN can be an event source (`event_source_arn = aws_sqs_queue.jobs.arn`,
 * `aws_dynamodb_table.t.stream_arn`), with the kind of source they are. Source: the AWS provider's resource docs
 * (registry.terraform.io/providers/hashicorp/aws, provider 6.x), checked 2026-12-07. aws_sqs_queue is read as a queue
 * (FIFO or not by its fifo_queue).
 */
export const TERRAFORM_EVENT_SOURCE_KINDS: Readonly<Record<string, EventSourceKind>> = {
  aws_sqs_queue: 'sqs',
  aws_kinesis_stream: 'kinesis',
  aws_kinesis_stream_consumer: 'kinesis',
  aws_dynamodb_table: 'dynamodb',
  aws_msk_cluster: 'kafka',
  aws_msk_serverless_cluster: 'kafka',
  aws_mq_broker: 'mq',
  aws_docdb_cluster: 'docdb',
};

/** SAM event types (AWS::Serverless::Function Events) that become an event source mapping. */
export const SAM_EVENT_SOURCE_KINDS: Readonly<Record<string, EventSourceKind>> = {
  SQS: 'sqs',
  Kinesis: 'kinesis',
  DynamoDB: 'dynamodb',
  MSK: 'kafka',
  SelfManagedKafka: 'kafka',
  MQ: 'mq',
  DocumentDB: 'docdb',
};

/** serverless.yml event keys that become an event source mapping (`stream` is Kinesis or DynamoDB: by its ARN). */
export const SERVERLESS_EVENT_SOURCE_KINDS: Readonly<Record<string, EventSourceKind>> = {
  sqs: 'sqs',
  msk: 'kafka',
  kafka: 'kafka',
  activemq: 'mq',
  rabbitmq: 'mq',
};

/** WebSocket APIs: integration timeout 29 s (API Gateway quotas for WebSocket APIs, checked 2026-11-23). */
export const API_GATEWAY_WEBSOCKET_INTEGRATION_TIMEOUT = 29;
export const API_GATEWAY_QUOTAS_SOURCE = 'https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html';
