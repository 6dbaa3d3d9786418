/**
 * The `deploy:` section of `.berthrc.yaml` (berthrc.ts reads the file and hands this section over):
 *
 *   deploy:
 *     targets:
 *       web:
 *         kind: ecs                         # default; or express (ECS Express Mode), lambda (container image)
 *         dockerfile: Dockerfile            # default "Dockerfile", relative to the config's folder
 *         context: .                        # default "."
 *         platform: linux/arm64             # default: from the task definition's runtimePlatform
 *         buildArgs: { VERSION: "1.2" }
 *         ecrRepository: web                # name (or name with a path), not a URI
 *         containerName: app
 *         taskDefinition: ecs/web.json      # register input or describe-task-definition output
 *         cluster: prod
 *         service: web
 *         region: eu-west-1
 *         profile: prod
 *         confirm: true                     # ask before any AWS write
 *         containerCli: podman              # docker | podman | finch; detected when omitted
 *         forceNewDeployment: false
 *         timeoutMinutes: 30
 *       api:
 *         kind: express
 *         ecrRepository: api
 *         service: api                      # the Express service's name (created on the first deploy)
 *         cluster: default                  # default "default"
 *         executionRoleArn: arn:aws:iam::123456789012:role/ecsTaskExecutionRole
 *         infrastructureRoleArn: arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices
 *         containerPort: 8080               # optional, like healthCheckPath, cpu, memory, taskRoleArn
 *       worker:
 *         kind: lambda
 *         ecrRepository: worker
 *         function: worker                  # name or ARN of a container-image function
 *         alias: live                       # optional: publish a version and move this alias to it
 */
import { getPair, type Node, type ObjectNode } from '../parse/tree';
import type { ConfigProblem } from './problems';

export type ContainerCliName = 'docker' | 'podman' | 'finch';
export const CONTAINER_CLIS: readonly ContainerCliName[] = ['docker', 'podman', 'finch'];

/** What a target deploys to: an ECS service, an ECS Express Mode service, or a container-image Lambda function. */
export type TargetKind = 'ecs' | 'express' | 'lambda';
export const TARGET_KINDS: readonly TargetKind[] = ['ecs', 'express', 'lambda'];

export interface DeployTarget {
  readonly name: string;
  /** Absent means `ecs`. */
  readonly kind?: TargetKind;
  readonly dockerfile: string;
  readonly context: string;
  readonly platform?: string;
  readonly buildArgs: Readonly<Record<string, string>>;
  readonly ecrRepository?: string;
  readonly containerName?: string;
  readonly taskDefinition?: string;
  readonly cluster?: string;
  readonly service?: string;
  readonly region?: string;
  readonly profile?: string;
  readonly confirm: boolean;
  readonly containerCli?: ContainerCliName;
  readonly forceNewDeployment: boolean;
  readonly timeoutMinutes?: number;
  // ---- lambda
  /** The function's name or ARN. */
  readonly function?: string;
  /** Publish a version after the update and move this alias to it. */
  readonly alias?: string;
  // ---- express (the role ARNs also serve ecs and lambda nowhere: they are Express Mode settings)
  readonly executionRoleArn?: string;
  readonly infrastructureRoleArn?: string;
  readonly taskRoleArn?: string;
  readonly healthCheckPath?: string;
  readonly cpu?: string;
  readonly memory?: string;
  readonly containerPort?: number;
}

/** The kind of a target (`ecs` when it names none). */
export function kindOf(target: Pick<DeployTarget, 'kind'>): TargetKind {
  return target.kind ?? 'ecs';
}

/** What a target is when a setting is left out (saving a target leaves these out too). */
export const TARGET_DEFAULTS = { dockerfile: 'Dockerfile', context: '.', buildArgs: {}, confirm: false, forceNewDeployment: false } as const;

export const TARGET_STRING_KEYS = [
  'dockerfile', 'context', 'platform', 'ecrRepository', 'containerName', 'taskDefinition', 'cluster', 'service', 'region', 'profile',
  'function', 'alias', 'executionRoleArn', 'infrastructureRoleArn', 'taskRoleArn', 'healthCheckPath', 'cpu', 'memory',
] as const;
const BOOLEAN_KEYS = ['confirm', 'forceNewDeployment'] as const;
const KNOWN_KEYS = new Set<string>([...TARGET_STRING_KEYS, ...BOOLEAN_KEYS, 'kind', 'buildArgs', 'containerCli', 'timeoutMinutes', 'containerPort']);

/** The settings that belong to one kind only; any other key serves every kind. */
const KIND_KEYS: Readonly<Record<string, TargetKind | readonly TargetKind[]>> = {
  containerName: 'ecs',
  taskDefinition: 'ecs',
  forceNewDeployment: 'ecs',
  cluster: ['ecs', 'express'],
  service: ['ecs', 'express'],
  function: 'lambda',
  alias: 'lambda',
  executionRoleArn: 'express',
  infrastructureRoleArn: 'express',
  taskRoleArn: 'express',
  healthCheckPath: 'express',
  cpu: 'express',
  memory: 'express',
  containerPort: 'express',
};

/** ECR repository names: lowercase, digits, and . _ - / separators (ECR's own pattern). */
const REPOSITORY_NAME = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
const PLATFORM = /^(linux|windows)\/(amd64|arm64)$/;
const TARGET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const BUILD_ARG_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
/** A function name, or its ARN (Lambda's own pattern, without a qualifier: the alias is a setting of its own). */
const FUNCTION_NAME = /^(arn:aws[a-z-]*:lambda:[a-z]{2}(-[a-z]+)+-\d:\d{12}:function:)?[A-Za-z0-9_-]{1,64}$/;
const ALIAS_NAME = /^(?!\d+$)[A-Za-z0-9_-]{1,128}$/;
const STRING_RULES: Readonly<Record<string, { readonly test: RegExp; readonly message: string }>> = {
  platform: { test: PLATFORM, message: 'must be linux/amd64, linux/arm64, windows/amd64 or windows/arm64' },
  function: { test: FUNCTION_NAME, message: 'must be a function name (letters, digits, - and _) or its ARN, without a version or alias' },
  alias: { test: ALIAS_NAME, message: 'must be an alias name (letters, digits, - and _, not only digits)' },
  executionRoleArn: { test: ROLE_ARN, message: 'must be an IAM role ARN such as arn:aws:iam::123456789012:role/ecsTaskExecutionRole' },
  infrastructureRoleArn: { test: ROLE_ARN, message: 'must be an IAM role ARN such as arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices' },
  taskRoleArn: { test: ROLE_ARN, message: 'must be an IAM role ARN' },
  healthCheckPath: { test: /^\/\S*$/, message: 'must be a path that starts with /' },
  cpu: { test: /^\d+$/, message: 'must be CPU units such as "1024"' },
  memory: { test: /^\d+$/, message: 'must be MiB such as "2048"' },
};

/** Reads the value of `deploy:` (absent or empty: no targets). Problems are added to `problems`. */
export function readDeploySection(deploy: Node | undefined, problems: ConfigProblem[]): Record<string, DeployTarget> {
  const at = (node: { span: { start: number; end: number } }, message: string) => problems.push({ span: node.span, message });
  if (deploy === undefined || isNull(deploy)) return {};
  if (deploy.kind !== 'object') {
    at(deploy, 'deploy: must be a mapping with a targets: section.');
    return {};
  }
  for (const pair of deploy.pairs) if (pair.key !== 'targets') problems.push({ span: pair.keySpan, message: `Unknown key "${pair.key}" under deploy:; the only one is targets:.` });
  const targetsPair = getPair(deploy, 'targets');
  if (!targetsPair || isNull(targetsPair.value)) return {};
  if (targetsPair.value.kind !== 'object') {
    at(targetsPair.value, 'deploy.targets: must be a mapping of target name to its settings.');
    return {};
  }
  const targets: Record<string, DeployTarget> = {};
  for (const pair of targetsPair.value.pairs) {
    if (!TARGET_NAME.test(pair.key)) {
      problems.push({ span: pair.keySpan, message: 'A target name must be a plain word such as "web" or "api-prod" (letters, digits, . _ -).' });
      continue;
    }
    if (pair.value.kind !== 'object') {
      at(isNull(pair.value) ? { span: pair.keySpan } : pair.value, `deploy.targets.${pair.key} must be a mapping of settings (ecrRepository, containerName, taskDefinition, cluster, service, …).`);
      continue;
    }
    targets[pair.key] = readTarget(pair.key, pair.value, problems);
  }
  return targets;
}

function readTarget(name: string, node: ObjectNode, problems: ConfigProblem[]): DeployTarget {
  const t: Record<string, unknown> = { name, ...TARGET_DEFAULTS };
  const kindPair = getPair(node, 'kind');
  const kindValue = kindPair?.value.kind === 'scalar' ? kindPair.value.value : undefined;
  if (kindPair && !TARGET_KINDS.includes(kindValue as TargetKind)) {
    problems.push({ span: isNull(kindPair.value) ? kindPair.keySpan : kindPair.value.span, message: `deploy.targets.${name}.kind must be one of ${TARGET_KINDS.join(', ')} (ecs is the default).` });
  }
  const kind: TargetKind = TARGET_KINDS.includes(kindValue as TargetKind) ? (kindValue as TargetKind) : 'ecs';
  if (kindPair && TARGET_KINDS.includes(kindValue as TargetKind)) t.kind = kind;
  for (const item of node.pairs) {
    const key = item.key;
    const value = item.value;
    const where = `deploy.targets.${name}.${key}`;
    // A key with no value has a null scalar at the end of the key: report at the key.
    const place = isNull(value) ? item.keySpan : value.span;
    const problem = (message: string) => problems.push({ span: place, message });
    if (!KNOWN_KEYS.has(key)) {
      problems.push({ span: item.keySpan, message: `Unknown setting "${key}" in deploy.targets.${name}; the settings are ${[...KNOWN_KEYS].join(', ')}.` });
      continue;
    }
    if (key === 'kind') continue;
    const owners = KIND_KEYS[key];
    if (owners !== undefined && !(typeof owners === 'string' ? [owners] : owners).includes(kind)) {
      const list = typeof owners === 'string' ? owners : owners.join(' and ');
      problems.push({ span: item.keySpan, message: `"${key}" is a setting of ${list} targets; deploy.targets.${name} is ${kind === 'lambda' ? 'a' : 'an'} ${kind} target${kindPair ? '' : ' (kind: ecs is the default)'}.` });
      continue;
    }
    // cpu and memory read as numbers in YAML (cpu: 1024); the API takes strings.
    const scalar = value.kind === 'scalar' ? ((key === 'cpu' || key === 'memory') && typeof value.value === 'number' ? String(value.value) : value.value) : undefined;
    if ((TARGET_STRING_KEYS as readonly string[]).includes(key)) {
      const rule = STRING_RULES[key];
      if (typeof scalar !== 'string' || scalar.trim() === '') problem(`${where} must be a non-empty string.`);
      else if (key === 'ecrRepository' && (!REPOSITORY_NAME.test(scalar) || /\.dkr\.ecr\.|amazonaws\.com/.test(scalar))) problem(`${where} must be a repository name such as "web" or "team/web" (lowercase), not a URI.`);
      else if (rule && !rule.test.test(scalar)) problem(`${where} ${rule.message}.`);
      else t[key] = scalar;
    } else if ((BOOLEAN_KEYS as readonly string[]).includes(key)) {
      if (typeof scalar !== 'boolean') problem(`${where} must be true or false.`);
      else t[key] = scalar;
    } else if (key === 'containerCli') {
      if (typeof scalar !== 'string' || !CONTAINER_CLIS.includes(scalar as ContainerCliName)) problem(`${where} must be one of ${CONTAINER_CLIS.join(', ')}.`);
      else t[key] = scalar;
    } else if (key === 'containerPort') {
      if (typeof scalar !== 'number' || !Number.isInteger(scalar) || scalar < 1 || scalar > 65535) problem(`${where} must be a port number between 1 and 65535.`);
      else t[key] = scalar;
    } else if (key === 'timeoutMinutes') {
      if (typeof scalar !== 'number' || !(scalar > 0) || scalar > 24 * 60) problem(`${where} must be a number of minutes between 0 and 1440.`);
      else t[key] = scalar;
    } else if (key === 'buildArgs') {
      if (isNull(value)) continue;
      if (value.kind !== 'object') {
        problem(`${where} must be a mapping of build argument name to value.`);
        continue;
      }
      const args: Record<string, string> = {};
      for (const arg of value.pairs) {
        const argValue = arg.value.kind === 'scalar' ? arg.value.value : undefined;
        if (!BUILD_ARG_NAME.test(arg.key)) problems.push({ span: arg.keySpan, message: `Build argument names are identifiers such as VERSION, not ${JSON.stringify(arg.key)}.` });
        else if (argValue === null || argValue === undefined) problems.push({ span: isNull(arg.value) ? arg.keySpan : arg.value.span, message: `Build argument ${arg.key} must have a scalar value.` });
        else args[arg.key] = String(argValue);
      }
      t.buildArgs = args;
    }
  }
  return t as unknown as DeployTarget;
}

function isNull(node: Node): boolean {
  return node.kind === 'scalar' && node.value === null;
}
