/**
 * fast-check generators for the fuzz tests and `npm run fuzz`: random JSON/YAML values, mutations of the
 * fixtures, schema-driven task definitions, services, job definitions, Lambda functions and templates, and
 * Dockerfiles. Every generator yields a `FuzzInput` (a uri whose name decides the format, and the text).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import fc from 'fast-check';

export interface FuzzInput {
  readonly uri: string;
  readonly text: string;
}

export const ROOT = resolve(__dirname, '..', '..');

// ---------------------------------------------------------------------------------------------------------
// Text output: JSON with random layout, and a small block-YAML emitter with CloudFormation short tags.

/** A CloudFormation intrinsic function, emitted as `!Ref x` in YAML and `{"Ref": x}` in JSON. */
export class Intrinsic {
  constructor(
    readonly name: string,
    readonly argument: unknown,
  ) {}
  toJSON(): unknown {
    return { [this.name]: this.argument };
  }
}

const PLAIN_SAFE = /^[A-Za-z_/][\w ./:@${}-]*$/;

function yamlScalar(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') {
    if (value !== '' && PLAIN_SAFE.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value) && !/[:#]\s|\s$/.test(value)) return value;
    return JSON.stringify(value);
  }
  return String(value);
}

/** Block YAML for objects and arrays, flow for empty ones; short tags for intrinsics. */
export function toYaml(value: unknown, indent = 0): string {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  const inline = (v: unknown): string | undefined => {
    if (v instanceof Intrinsic) {
      const short = v.name === 'Ref' ? '!Ref' : `!${v.name.replace(/^Fn::/, '')}`;
      const arg = v.argument;
      if (arg === null || typeof arg !== 'object') return `${short} ${yamlScalar(arg)}`;
      return `${short} ${JSON.stringify(arg)}`;
    }
    if (Array.isArray(v)) return v.length === 0 ? '[]' : undefined;
    if (v && typeof v === 'object') return Object.keys(v).length === 0 ? '{}' : undefined;
    return yamlScalar(v);
  };
  if (Array.isArray(value)) {
    for (const item of value) {
      const one = inline(item);
      if (one !== undefined) lines.push(`${pad}- ${one}`);
      else lines.push(`${pad}-\n${toYaml(item, indent + 2)}`);
    }
  } else if (value && typeof value === 'object' && !(value instanceof Intrinsic)) {
    for (const [key, item] of Object.entries(value)) {
      const k = yamlScalar(key);
      const one = inline(item);
      if (one !== undefined) lines.push(`${pad}${k}: ${one}`);
      else lines.push(`${pad}${k}:\n${toYaml(item, indent + 2)}`);
    }
  } else {
    lines.push(`${pad}${inline(value)}`);
  }
  return lines.join('\n');
}

/** JSON or YAML text of a value, with a random layout. */
export function serialise(value: unknown, format: 'json' | 'yaml', style: number): string {
  if (format === 'yaml') return `${toYaml(value)}\n`;
  return JSON.stringify(value, null, [0, 2, 4, '\t'][style % 4]);
}

// ---------------------------------------------------------------------------------------------------------
// Values: a vocabulary of real AWS keys and values mixed with noise, so the prefilter lets inputs through.

const AWS_KEYS = [
  'containerDefinitions', 'taskDefinition', 'family', 'cpu', 'memory', 'networkMode', 'requiresCompatibilities', 'image', 'name',
  'essential', 'portMappings', 'containerPort', 'hostPort', 'environment', 'secrets', 'logConfiguration', 'healthCheck', 'serviceName',
  'service', 'cluster', 'launchType', 'desiredCount', 'loadBalancers', 'networkConfiguration', 'jobDefinitionName', 'type',
  'containerProperties', 'resourceRequirements', 'platformCapabilities', 'FunctionName', 'Runtime', 'Handler', 'Role', 'Code',
  'MemorySize', 'Timeout', 'Environment', 'Variables', 'PackageType', 'ImageConfig', 'Architectures', 'Resources', 'Type',
  'Properties', 'AWSTemplateFormatVersion', 'Transform', 'Globals', 'Parameters', 'Outputs', 'Conditions', 'Mappings', 'provider',
  'functions', 'DependsOn', 'Condition', 'Ref', 'Fn::GetAtt', 'Fn::Sub', 'Fn::If', 'Value', 'Export',
];
const AWS_STRINGS = [
  '256', '512', '1024', '2048', '4096', '0.25 vCPU', 'awsvpc', 'bridge', 'host', 'FARGATE', 'EC2', 'nginx', 'nginx:latest', 'nginx:1.27',
  'public.ecr.aws/x/y@sha256:' + 'a'.repeat(64), 'python3.8', 'python3.12', 'nodejs20.x', 'java8', 'provided.al2023', 'index.handler',
  'arn:aws:iam::123456789012:role/r', 'AWS::ECS::TaskDefinition', 'AWS::ECS::Service', 'AWS::Lambda::Function', 'AWS::Serverless::Function',
  'AWS::Batch::JobDefinition', 'AWS::S3::Bucket', 'AWS::Serverless-2016-10-31', '2010-09-09', 'aws', 'container', 'multinode', 'Image',
  'Zip', 'x86_64', 'arm64', 'awslogs', '${AWS::Region}', '${Missing}', 'AKIAIOSFODNN7EXAMPLE', 'password', '', ' ', '-', ':', '#', '!Ref',
];

export const scalar: fc.Arbitrary<string | number | boolean | null> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...AWS_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 70000 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

const key = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...AWS_KEYS) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) });

/** Random JSON-shaped values whose keys are mostly real AWS keys. */
export const awsishValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 6 }),
  ),
})).value;

const JSON_NAMES = ['task.json', 'taskdef.json', 'service.json', 'job.json', 'function.json', 'template.json', 'serverless.json', 'x.json'];
const YAML_NAMES = ['template.yaml', 'task.yaml', 'serverless.yml', 'job.yml', 'function.yaml', 'x.yml'];

/** A random value as JSON or YAML text; the root is an object with a kind's telltale key most of the time. */
export const randomDocument: fc.Arbitrary<FuzzInput> = fc
  .tuple(
    fc.boolean(),
    fc.oneof(fc.dictionary(key, awsishValue, { minKeys: 1, maxKeys: 8 }), fc.jsonValue({ maxDepth: 4 }), awsishValue),
    fc.nat(7),
    fc.nat(3),
  )
  .map(([json, value, name, style]) => ({
    uri: `file:///fuzz/${json ? JSON_NAMES[name % JSON_NAMES.length] : YAML_NAMES[name % YAML_NAMES.length]}`,
    text: serialise(value, json ? 'json' : 'yaml', style),
  }));

// ---------------------------------------------------------------------------------------------------------
// Schema-driven documents: the API shapes (schemas/api, JSON Schema) and CloudFormation (schemas/cfn).

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  $ref?: string;
  definitions?: Record<string, JsonSchema>;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
  minimum?: number;
  maximum?: number;
};

/** A value of the wrong type, for any position (the "swapped types" of the brief). */
const wrongType: fc.Arbitrary<unknown> = fc.oneof(scalar, fc.constant([]), fc.constant({}), fc.constant([1, 'x']), fc.constant({ a: 1 }));

function fromJsonSchema(schema: JsonSchema, root: JsonSchema, depth: number, cache: Map<JsonSchema, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  const cached = cache.get(schema);
  if (cached && depth > 2) return cached;
  const build = (): fc.Arbitrary<unknown> => {
    if (schema.$ref) {
      const name = schema.$ref.replace(/^#\/definitions\//, '');
      const target = root.definitions?.[name];
      return target && depth < 6 ? fromJsonSchema(target, root, depth + 1, cache) : fc.constant({});
    }
    const choices = schema.oneOf ?? schema.anyOf;
    if (choices) return fc.oneof(...choices.map((c) => fromJsonSchema(c, root, depth + 1, cache)));
    if (schema.enum) return fc.constantFrom(...schema.enum);
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    switch (type) {
      case 'object': {
        if (depth >= 6 || !schema.properties) return fc.dictionary(fc.string({ maxLength: 6 }), scalar, { maxKeys: 2 });
        const model: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [name, prop] of Object.entries(schema.properties)) model[name] = fromJsonSchema(prop, root, depth + 1, cache);
        return fc.record(model, { requiredKeys: (schema.required ?? []).filter((r) => r in model) });
      }
      case 'array':
        return depth >= 6 || !schema.items ? fc.constant([]) : fc.array(fromJsonSchema(schema.items, root, depth + 1, cache), { maxLength: 3 });
      case 'string':
        return fc.oneof(fc.constantFrom(...AWS_STRINGS), fc.string({ maxLength: 10 }));
      case 'integer':
      case 'number':
        return fc.oneof(
          fc.integer({ min: schema.minimum ?? -10, max: Math.min(schema.maximum ?? 70000, 1e9) }),
          fc.constantFrom(0, 128, 256, 512, 1024, 3008, 10240, 900, 65535, -1),
        );
      case 'boolean':
        return fc.boolean();
      default:
        return scalar;
    }
  };
  const arb = fc.oneof({ weight: 12, arbitrary: build() }, { weight: 1, arbitrary: wrongType });
  if (depth > 2) cache.set(schema, arb);
  return arb;
}

function loadJson<T>(path: string): T {
  return JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as T;
}

/** An API-shaped document of one of the four kinds, built from its schema, as JSON or YAML. */
function apiKind(schemaFile: string, names: readonly string[]): fc.Arbitrary<FuzzInput> {
  const schema = loadJson<JsonSchema>(`schemas/api/${schemaFile}`);
  const arb = fromJsonSchema(schema, schema, 0, new Map());
  return fc.tuple(arb, fc.nat(names.length - 1), fc.nat(3)).map(([value, n, style]) => {
    const name = names[n]!;
    return { uri: `file:///fuzz/${name}`, text: serialise(value, name.endsWith('.json') ? 'json' : 'yaml', style) };
  });
}

export const taskDefinition = apiKind('ecs-task-definition.schema.json', ['taskdef.json', 'task.yaml', 'task-definition.json']);
export const service = apiKind('ecs-service.schema.json', ['service.json', 'service.yaml']);
export const jobDefinition = apiKind('batch-job-definition.schema.json', ['job.json', 'job-definition.yaml']);
export const lambdaFunction = apiKind('lambda-function.schema.json', ['function.json', 'create-function.yaml']);

interface CfnProp {
  type: string;
  ref?: string;
  items?: CfnProp;
  enum?: unknown[];
  anyOf?: CfnProp[];
}
interface CfnType {
  attributes?: string[];
  properties: Record<string, CfnProp>;
  definitions?: Record<string, { properties?: Record<string, CfnProp> }>;
}

const LOGICAL_IDS = ['Task', 'Service', 'Fn', 'Bucket', 'Queue', 'Lb', 'Listener', 'Tg', 'Dist', 'Role', 'Missing'];

/** Ref / GetAtt / Sub / If to logical ids that exist or not. */
const intrinsic: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...LOGICAL_IDS, 'AWS::Region', 'AWS::NoValue', 'Param').map((id) => new Intrinsic('Ref', id)),
  fc.tuple(fc.constantFrom(...LOGICAL_IDS), fc.constantFrom('Arn', 'DomainName', 'RegionalDomainName', 'Nope')).map(([a, b]) => new Intrinsic('Fn::GetAtt', `${a}.${b}`)),
  fc.constantFrom('${AWS::StackName}-x', '${Bucket.Arn}', '${Nope}', 'plain').map((s) => new Intrinsic('Fn::Sub', s)),
  fc.tuple(fc.constantFrom('IsProd', 'Missing'), scalar, scalar).map(([c, a, b]) => new Intrinsic('Fn::If', [c, a, b])),
);

function fromCfnProp(prop: CfnProp, type: CfnType, depth: number): fc.Arbitrary<unknown> {
  const build = (): fc.Arbitrary<unknown> => {
    if (prop.enum) return fc.constantFrom(...prop.enum);
    switch (prop.type) {
      case 'object': {
        const def = prop.ref ? type.definitions?.[prop.ref] : undefined;
        if (!def?.properties || depth >= 5) return fc.constant({});
        return cfnObject(def.properties, type, depth + 1);
      }
      case 'array':
        return depth >= 5 || !prop.items ? fc.constant([]) : fc.array(fromCfnProp(prop.items, type, depth + 1), { maxLength: 3 });
      case 'map':
        return fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), prop.items ? fromCfnProp(prop.items, type, depth + 1) : scalar, { maxKeys: 2 });
      case 'union':
        return prop.anyOf?.length ? fc.oneof(...prop.anyOf.map((p) => fromCfnProp(p, type, depth + 1))) : scalar;
      case 'integer':
      case 'number':
        return fc.oneof(fc.integer({ min: -1, max: 70000 }), fc.constantFrom(256, 512, 1024, 80, 443));
      case 'boolean':
        return fc.boolean();
      case 'tag':
        return fc.record({ Key: fc.string({ maxLength: 5 }), Value: fc.string({ maxLength: 5 }) });
      case 'json':
        return fc.jsonValue({ maxDepth: 2 });
      default:
        return fc.oneof(fc.constantFrom(...AWS_STRINGS), fc.string({ maxLength: 10 }));
    }
  };
  return fc.oneof({ weight: 10, arbitrary: build() }, { weight: 2, arbitrary: intrinsic }, { weight: 1, arbitrary: wrongType });
}

function cfnObject(properties: Record<string, CfnProp>, type: CfnType, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, prop] of Object.entries(properties)) model[name] = fromCfnProp(prop, type, depth);
  return fc.record(model, { requiredKeys: [] });
}

const CFN_TYPES = loadJson<{ types: Record<string, CfnType> }>('schemas/cfn/resources.json').types;
const resourceArbs = Object.entries(CFN_TYPES).map(([name, type]) =>
  fc.record(
    { Type: fc.constant(name), Properties: cfnObject(type.properties, type, 0), DependsOn: fc.constantFrom(...LOGICAL_IDS), Condition: fc.constant('IsProd') },
    { requiredKeys: ['Type', 'Properties'] },
  ),
);
const samFunction = fc.record(
  {
    Type: fc.constant('AWS::Serverless::Function'),
    Properties: fc.record(
      {
        Runtime: fc.constantFrom('python3.8', 'nodejs20.x', 'java8', 'provided.al2023', 'go1.x'),
        Handler: fc.constantFrom('index.handler', 'app.main'),
        CodeUri: fc.constantFrom('src/', '.'),
        MemorySize: fc.oneof(fc.integer({ min: 0, max: 20000 }), intrinsic),
        Timeout: fc.oneof(fc.integer({ min: 0, max: 1000 }), intrinsic),
        PackageType: fc.constantFrom('Image', 'Zip'),
        Events: fc.constant({ Api: { Type: 'Api', Properties: { Path: '/', Method: 'get' } } }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['Type'] },
);

/** A CloudFormation or SAM template with a few resources from schemas/cfn, intrinsics mixed in, as JSON or YAML. */
export const template: fc.Arbitrary<FuzzInput> = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom(...LOGICAL_IDS), fc.oneof(...resourceArbs, samFunction)), { minLength: 1, maxLength: 5 }),
    fc.boolean(),
    fc.boolean(),
    fc.nat(3),
    fc.option(fc.dictionary(fc.constantFrom('Function', 'Api'), fc.dictionary(fc.constantFrom('Runtime', 'Timeout', 'MemorySize'), scalar, { maxKeys: 3 })), { nil: undefined }),
  )
  .chain(([resources, sam, json, style, globals]) => {
    const value: Record<string, unknown> = { AWSTemplateFormatVersion: '2010-09-09' };
    if (sam) value.Transform = 'AWS::Serverless-2016-10-31';
    if (sam && globals) value.Globals = globals;
    value.Conditions = { IsProd: new Intrinsic('Fn::Equals', [new Intrinsic('Ref', 'Env'), 'prod']) };
    value.Resources = Object.fromEntries(resources);
    value.Outputs = { Out: { Value: new Intrinsic('Fn::GetAtt', 'Bucket.Arn') } };
    if (json) return fc.constant({ uri: 'file:///fuzz/template.json', text: serialise(value, 'json', style) });
    // YAML: short tags (`!Ref x`) or the long forms (`Ref: x`).
    return fc.boolean().map((short) => ({ uri: 'file:///fuzz/template.yaml', text: serialise(short ? value : JSON.parse(JSON.stringify(value)), 'yaml', style) }));
  });

// ---------------------------------------------------------------------------------------------------------
// Dockerfiles: random instruction sequences.

const images = fc.constantFrom('ubuntu', 'ubuntu:22.04', 'node:20-alpine', 'python:3.12-slim', 'scratch', 'alpine@sha256:' + 'b'.repeat(64), '${BASE}', 'build', 'public.ecr.aws/lambda/python:3.12', '');
const shellCommand = fc.constantFrom(
  'apt-get update', 'apt-get install -y curl', 'apt-get install curl=7.0', 'apt install -y git', 'rm -rf /var/lib/apt/lists/*',
  'pip install flask', 'pip install --no-cache-dir flask==3.0', 'npm install', 'npm ci', 'apk add curl', 'apk add --no-cache curl',
  'curl -fsSL https://x | sh', 'wget -qO- https://x | bash', 'cd /app', 'sudo make', 'yum install -y x', 'dnf install x', 'gem install rails',
  'echo "$SECRET"', 'curl -k https://x', 'set -o pipefail', 'chmod 777 /', 'useradd app', 'make && make install', '', '\\', "'", '"', '$(', '`',
);
const runBody = fc.oneof(
  fc.array(shellCommand, { minLength: 1, maxLength: 4 }).chain((cmds) => fc.constantFrom(' && ', ' ; ', ' || ', ' | ', ' && \\\n    ').map((sep) => cmds.join(sep))),
  fc.array(shellCommand, { maxLength: 3 }).map((c) => JSON.stringify(['/bin/sh', '-c', c.join(' && ')])),
  fc.array(shellCommand, { maxLength: 3 }).map((c) => `<<EOF\n${c.join('\n')}\nEOF`),
  fc.string({ maxLength: 20 }),
);
const instruction: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.option(fc.constantFrom('--platform=linux/amd64 ', '--platform=$BUILDPLATFORM ', '--platform=linux/arm64 '), { nil: '' }), images, fc.option(fc.constantFrom(' AS build', ' as final', ' AS'), { nil: '' })).map(([p, i, a]) => `FROM ${p}${i}${a}`),
  runBody.map((b) => `RUN ${b}`),
  fc.constantFrom('RUN --mount=type=cache,target=/root/.cache pip install x', 'RUN --mount=type=secret,id=npm npm ci'),
  fc.tuple(fc.constantFrom('COPY', 'ADD'), fc.constantFrom('', '--from=build ', '--chown=app:app ', '--chmod=755 ', '--link '), fc.constantFrom('. .', 'src /app', 'https://x/y.tar.gz /tmp/', '["a", "b"]', '*.json ./', 'x')).map(([c, f, a]) => `${c} ${f}${a}`),
  fc.tuple(fc.constantFrom('ENV', 'ARG', 'LABEL'), fc.constantFrom('A=1', 'A 1', 'AWS_SECRET_ACCESS_KEY=abc', 'PASSWORD=hunter2', 'TOKEN', 'BASE=ubuntu', 'A="x y" B=2', '=', 'a.b=c')).map(([i, a]) => `${i} ${a}`),
  fc.constantFrom('USER root', 'USER app', 'USER 1000:1000', 'USER', 'WORKDIR /app', 'WORKDIR app', 'EXPOSE 80', 'EXPOSE 80/udp 443', 'EXPOSE 99999', 'EXPOSE $PORT'),
  fc.constantFrom('CMD ["node", "index.js"]', 'CMD node index.js', 'ENTRYPOINT ["/entry"]', 'ENTRYPOINT /entry', 'CMD [', 'CMD ["unterminated', 'CMD []'),
  fc.constantFrom('HEALTHCHECK CMD curl -f http://localhost/', 'HEALTHCHECK NONE', 'HEALTHCHECK --interval=5s', 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]', 'SHELL bash'),
  fc.constantFrom('ONBUILD RUN make', 'STOPSIGNAL SIGTERM', 'VOLUME /data', 'VOLUME ["/a", "/b"]', 'MAINTAINER me', 'FOO bar', '# comment', '', '   ', '\\'),
);
const directives = fc.constantFrom('', '# syntax=docker/dockerfile:1\n', '# escape=`\n', '# check=skip=all\n', '#syntax=x\n# escape=\\\n');

/** A Dockerfile of random instructions, under one of the names Berth treats as a Dockerfile. */
export const dockerfile: fc.Arbitrary<FuzzInput> = fc
  .tuple(directives, fc.array(instruction, { maxLength: 14 }), fc.constantFrom('Dockerfile', 'Containerfile', 'api.Dockerfile', 'Dockerfile.prod'), fc.boolean())
  .map(([head, lines, name, crlf]) => {
    const text = head + lines.join('\n') + '\n';
    return { uri: `file:///fuzz/${name}`, text: crlf ? text.replace(/\n/g, '\r\n') : text };
  });

// ---------------------------------------------------------------------------------------------------------
// Mutations of real files.

export interface Fixture {
  readonly path: string;
  readonly uri: string;
  readonly text: string;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...walk(full));
    else out.push(full);
  }
  return out;
}

/** Every fixture under test/fixtures/kinds and every file under examples/ (Markdown aside). */
export function loadFixtures(): Fixture[] {
  const files = [...walk(join(ROOT, 'test/fixtures/kinds')), ...walk(join(ROOT, 'examples'))].filter((f) => !f.endsWith('.md')).sort();
  return files.map((f) => ({ path: relative(ROOT, f), uri: `file:///fuzz/${relative(ROOT, f)}`, text: readFileSync(f, 'utf8') }));
}

type Mutation = (text: string) => string;

const lineMutation = (f: (lines: string[], i: number) => void) =>
  fc.nat().map((n): Mutation => (text) => {
    const lines = text.split('\n');
    f(lines, n % Math.max(lines.length, 1));
    return lines.join('\n');
  });

const SCALAR_SWAPS = ['0', '-1', 'true', 'null', '[]', '{}', '"x"', '""', '1e999', '"\\u0000"', '[[]]', '{"a":{}}'];

/** One mutation: deleted/duplicated lines, swapped types, truncation, byte flips, tabs, CRLF, BOM. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  lineMutation((lines, i) => lines.splice(i, 1)),
  lineMutation((lines, i) => lines.splice(i, 0, lines[i] ?? '')),
  lineMutation((lines, i) => {
    const j = (i * 7 + 3) % lines.length;
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
  }),
  fc.tuple(fc.nat(), fc.constantFrom(...SCALAR_SWAPS)).map(([n, swap]): Mutation => (text) => {
    // swap the type of the n-th scalar value (a quoted string, a number or a literal after ": ")
    const matches = [...text.matchAll(/(:\s*)("(?:[^"\\\n]|\\.)*"|-?\d[\d.eE+-]*|true|false|null|[A-Za-z][^\n#,}]*)/g)];
    if (!matches.length) return text;
    const m = matches[n % matches.length]!;
    const at = m.index! + m[1]!.length;
    return text.slice(0, at) + swap + text.slice(at + m[2]!.length);
  }),
  fc.double({ min: 0, max: 1, noNaN: true }).map((r): Mutation => (text) => text.slice(0, Math.floor(text.length * r))),
  fc.tuple(fc.nat(), fc.constantFrom('{', '}', '[', ']', '"', "'", ':', ',', '-', '\n', ' ', '\t', '#', '&', '*', '!', '|', '>', '\\', '\u0000', '\uFFFD', '\uD800', '😀', 'é', '%', '@', '`')).map(
    ([n, c]): Mutation => (text) => {
      if (!text.length) return c;
      const i = n % text.length;
      return text.slice(0, i) + c + text.slice(i + 1);
    },
  ),
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(([n, byte]): Mutation => (text) => {
    // a byte flip in the UTF-8 encoding, decoded back leniently as an editor would
    const bytes = Buffer.from(text, 'utf8');
    if (!bytes.length) return text;
    bytes[n % bytes.length] = byte;
    return bytes.toString('utf8');
  }),
  lineMutation((lines, i) => {
    lines[i] = `\t${lines[i] ?? ''}`;
  }),
  fc.constant<Mutation>((text) => text.replace(/\r?\n/g, '\r\n')),
  fc.nat().map((n): Mutation => (text) => text.split('\n').map((l, i) => (((i + n) % 3 === 0) ? `${l}\r` : l)).join('\n')),
  fc.constant<Mutation>((text) => `\uFEFF${text}`),
  fc.constant<Mutation>((text) => `${text}\uFEFF`),
  fc.tuple(fc.nat(), fc.nat(400)).map(([n, len]): Mutation => (text) => {
    // delete a random range
    if (!text.length) return text;
    const i = n % text.length;
    return text.slice(0, i) + text.slice(i + len);
  }),
);

/** A fixture with one to four mutations. */
export function mutatedFixture(fixtures: readonly Fixture[]): fc.Arbitrary<FuzzInput> {
  return fc.tuple(fc.constantFrom(...fixtures), fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([fixture, mutations]) => ({
    uri: fixture.uri,
    text: mutations.reduce((text, m) => m(text), fixture.text),
  }));
}

// ---------------------------------------------------------------------------------------------------------
// Terraform: random modules of the modelled resource types, and plans (terraform show -json) around random values.

const TF_TYPES = ['aws_ecs_task_definition', 'aws_ecs_service', 'aws_lambda_function', 'aws_batch_job_definition', 'aws_lb_target_group', 'aws_lb', 'aws_lb_listener', 'aws_sqs_queue', 'aws_lambda_event_source_mapping', 'aws_s3_bucket'];
const TF_ARGS = ['family', 'cpu', 'memory', 'network_mode', 'requires_compatibilities', 'container_definitions', 'task_definition', 'launch_type', 'memory_size', 'timeout', 'runtime', 'handler', 'package_type', 'target_type', 'port', 'protocol', 'container_properties', 'platform_capabilities', 'visibility_timeout_seconds', 'batch_size', 'subnets', 'type'];
const TF_BLOCKS = ['load_balancer', 'network_configuration', 'environment', 'vpc_config', 'ephemeral_storage', 'health_check', 'retry_strategy', 'timeout', 'runtime_platform', 'capacity_provider_strategy'];

/** An HCL literal for a JSON-shaped value (objects with `=`, strings quoted). */
function hclLiteral(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(hclLiteral).join(', ')}]`;
  return `{\n${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)} = ${hclLiteral(v)}`).join('\n')}\n}`;
}

const hclExpression: fc.Arbitrary<string> = fc.oneof(
  scalar.map((v) => JSON.stringify(v)),
  fc.constantFrom('var.cpu', 'var.memory', 'local.name', 'aws_lb_target_group.app.arn', 'aws_ecs_task_definition.app.arn', '"${var.env}-api"', 'file("${path.module}/containers.json")', 'count.index', 'true ? 1 : 2', '[for s in var.subnets : s]'),
  awsishValue.map((v) => `jsonencode(${hclLiteral(v)})`),
  awsishValue.map((v) => `<<EOF\n${JSON.stringify(v, null, 2)}\nEOF`),
  awsishValue.map((v) => JSON.stringify(JSON.stringify(v))),
);

const hclBody: fc.Arbitrary<string> = fc.letrec<{ body: string }>((tie) => ({
  body: fc
    .array(
      fc.oneof(
        { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...TF_ARGS), hclExpression).map(([k, v]) => `${k} = ${v}`) },
        { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...TF_BLOCKS), tie('body')).map(([k, b]) => `${k} {\n${b}\n}`) },
        { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...TF_BLOCKS), tie('body')).map(([k, b]) => `dynamic "${k}" {\nfor_each = var.x\ncontent {\n${b}\n}\n}`) },
      ),
      { maxLength: 6, depthIdentifier: 'hcl' },
    )
    .map((lines) => lines.join('\n')),
})).body;

/** A random Terraform file: resources of the modelled types, variables with defaults, locals, and tfvars. */
export const terraformModule: fc.Arbitrary<FuzzInput> = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom(...TF_TYPES), fc.constantFrom('app', 'web', 'q', 'x-1', 'fn'), hclBody), { maxLength: 5 }),
    fc.array(fc.tuple(fc.constantFrom('cpu', 'memory', 'env', 'subnets', 'x'), hclExpression), { maxLength: 3 }),
    fc.constantFrom('main.tf', 'ecs.tf', 'terraform.tfvars', 'x.auto.tfvars', 'main.tf.json'),
  )
  .map(([resources, variables, name]) => {
    if (name.endsWith('.tfvars')) return { uri: `file:///fuzz/tf/${name}`, text: variables.map(([k, v]) => `${k} = ${v}`).join('\n') };
    if (name.endsWith('.json')) return { uri: `file:///fuzz/tf/${name}`, text: JSON.stringify({ resource: Object.fromEntries(resources.map(([type, label]) => [type, { [label]: { family: label } }])) }) };
    const blocks = [
      ...variables.map(([k, v]) => `variable "${k}" {\n  default = ${v}\n}`),
      `locals {\n  name = "app"\n}`,
      ...resources.map(([type, label, body]) => `resource "${type}" "${label}" {\n${body}\n}`),
    ];
    return { uri: `file:///fuzz/tf/${name}`, text: `${blocks.join('\n\n')}\n` };
  });

/** A random plan: the format's frame, each resource's values random (snake_case names, blocks as lists). */
export const terraformPlan: fc.Arbitrary<FuzzInput> = fc
  .array(fc.tuple(fc.constantFrom(...TF_TYPES), fc.constantFrom('app', 'web', 'q'), fc.dictionary(fc.constantFrom(...TF_ARGS, ...TF_BLOCKS), awsishValue, { maxKeys: 8 }), fc.boolean()), { maxLength: 4 })
  .map((resources) => {
    const planned = resources.map(([type, name, values, child]) => ({ address: `${child ? 'module.m.' : ''}${type}.${name}`, mode: 'managed', type, name, values }));
    const plan = {
      format_version: '1.2',
      terraform_version: '1.9.8',
      planned_values: { root_module: { resources: planned.filter((r) => !r.address.startsWith('module.')), child_modules: [{ address: 'module.m', resources: planned.filter((r) => r.address.startsWith('module.')) }] } },
      resource_changes: planned.map((r) => ({ address: r.address, change: { actions: ['create'], after_unknown: { arn: true, task_definition: true } } })),
      configuration: { root_module: { resources: planned.map((r) => ({ address: r.address, expressions: { task_definition: { references: ['aws_ecs_task_definition.app.arn'] } } })) } },
    };
    return { uri: 'file:///fuzz/plan/plan.json', text: JSON.stringify(plan) };
  });

/** Every generator, by name, with its share of a run. */
export function generators(fixtures: readonly Fixture[]): { name: string; weight: number; arbitrary: fc.Arbitrary<FuzzInput> }[] {
  const dockerFixtures = fixtures.filter((f) => /Dockerfile|Containerfile/.test(f.path));
  const terraformFixtures = fixtures.filter((f) => /\.(tf|tfvars)(\.json)?$|terraform-plan\//.test(f.path));
  return [
    { name: 'random JSON/YAML values', weight: 15, arbitrary: randomDocument },
    { name: 'mutated fixtures', weight: 30, arbitrary: mutatedFixture(fixtures) },
    { name: 'task definitions (schema)', weight: 10, arbitrary: taskDefinition },
    { name: 'services (schema)', weight: 5, arbitrary: service },
    { name: 'job definitions (schema)', weight: 7, arbitrary: jobDefinition },
    { name: 'Lambda functions (schema)', weight: 7, arbitrary: lambdaFunction },
    { name: 'templates (schema)', weight: 12, arbitrary: template },
    { name: 'Dockerfiles (random)', weight: 8, arbitrary: dockerfile },
    { name: 'Dockerfiles (mutated)', weight: 6, arbitrary: mutatedFixture(dockerFixtures) },
    { name: 'Terraform (random)', weight: 8, arbitrary: terraformModule },
    { name: 'Terraform (mutated)', weight: 6, arbitrary: mutatedFixture(terraformFixtures) },
    { name: 'Terraform plans (random)', weight: 5, arbitrary: terraformPlan },
  ];
}
