/**
 * Deploy targets from `.berthrc.yaml` (pure: the caller reads the file).
 *
 *   deploy:
 *     targets:
 *       web:
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
 *
 * Every problem has a 1-based line and column. Nothing in the file is executed.
 */
import { isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode, type Pair } from 'yaml';

const DEFAULTS = { dockerfile: 'Dockerfile', context: '.' } as const;

export type ContainerCliName = 'docker' | 'podman' | 'finch';
export const CONTAINER_CLIS: readonly ContainerCliName[] = ['docker', 'podman', 'finch'];

export interface DeployTarget {
  readonly name: string;
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
}

export interface TargetProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface TargetsResult {
  readonly targets: Readonly<Record<string, DeployTarget>>;
  readonly errors: TargetProblem[];
}

const STRING_KEYS = ['dockerfile', 'context', 'platform', 'ecrRepository', 'containerName', 'taskDefinition', 'cluster', 'service', 'region', 'profile'] as const;
const BOOLEAN_KEYS = ['confirm', 'forceNewDeployment'] as const;
const KNOWN_KEYS = new Set<string>([...STRING_KEYS, ...BOOLEAN_KEYS, 'buildArgs', 'containerCli', 'timeoutMinutes']);

/** ECR repository names: lowercase, digits, and . _ - / separators (ECR's own pattern). */
const REPOSITORY_NAME = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
const PLATFORM = /^(linux|windows)\/(amd64|arm64)$/;
const TARGET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Reads `deploy.targets` from the text of a .berthrc.yaml. A file without `deploy:` has no targets and no errors. */
export function parseDeployTargets(text: string): TargetsResult {
  const lineCounter = new LineCounter();
  const errors: TargetProblem[] = [];
  const at = (node: unknown, message: string): TargetProblem => {
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    const pos = lineCounter.linePos(range ? range[0] : 0);
    return { line: pos.line, column: pos.col, message };
  };
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const pos = lineCounter.linePos(doc.errors[0]!.pos[0]);
    return { targets: {}, errors: [{ line: pos.line, column: pos.col, message: `YAML syntax error: ${doc.errors[0]!.message.split('\n')[0]}` }] };
  }
  const root = doc.contents;
  if (!isMap(root)) return { targets: {}, errors };
  const deploy = findPair(root.items, 'deploy');
  if (!deploy || isEmpty(deploy.value)) return { targets: {}, errors };
  if (!isMap(deploy.value)) return { targets: {}, errors: [at(deploy.value, 'deploy: must be a mapping with a targets: section.')] };
  const targetsPair = findPair(deploy.value.items, 'targets');
  for (const pair of deploy.value.items) {
    const key = keyOf(pair);
    if (key !== 'targets') errors.push(at(pair.key, `Unknown key "${key ?? '?'}" under deploy:; the only one is targets:.`));
  }
  if (!targetsPair || isEmpty(targetsPair.value)) return { targets: {}, errors };
  if (!isMap(targetsPair.value)) return { targets: {}, errors: [...errors, at(targetsPair.value, 'deploy.targets: must be a mapping of target name to its settings.')] };

  const targets: Record<string, DeployTarget> = {};
  for (const pair of targetsPair.value.items) {
    const name = keyOf(pair);
    if (name === undefined || !TARGET_NAME.test(name)) {
      errors.push(at(pair.key, 'A target name must be a plain word such as "web" or "api-prod" (letters, digits, . _ -).'));
      continue;
    }
    const value = pair.value as YamlNode | null;
    if (!isMap(value)) {
      errors.push(at(value ?? pair.key, `deploy.targets.${name} must be a mapping of settings (ecrRepository, containerName, taskDefinition, cluster, service, …).`));
      continue;
    }
    const t: Record<string, unknown> = { name, dockerfile: 'Dockerfile', context: '.', buildArgs: {}, confirm: false, forceNewDeployment: false };
    for (const item of value.items) {
      const key = keyOf(item);
      const node = item.value as YamlNode | null;
      const where = `deploy.targets.${name}.${key}`;
      if (key === undefined || !KNOWN_KEYS.has(key)) {
        errors.push(at(item.key, `Unknown setting "${key ?? '?'}" in deploy.targets.${name}; the settings are ${[...KNOWN_KEYS].join(', ')}.`));
        continue;
      }
      const scalar = isScalar(node) ? node.value : undefined;
      if ((STRING_KEYS as readonly string[]).includes(key)) {
        if (typeof scalar !== 'string' || scalar.trim() === '') {
          errors.push(at(node ?? item.key, `${where} must be a non-empty string.`));
          continue;
        }
        if (key === 'ecrRepository' && (!REPOSITORY_NAME.test(scalar) || /\.dkr\.ecr\.|amazonaws\.com/.test(scalar))) {
          errors.push(at(node, `${where} must be a repository name such as "web" or "team/web" (lowercase), not a URI.`));
          continue;
        }
        if (key === 'platform' && !PLATFORM.test(scalar)) {
          errors.push(at(node, `${where} must be linux/amd64, linux/arm64, windows/amd64 or windows/arm64.`));
          continue;
        }
        t[key] = scalar;
      } else if ((BOOLEAN_KEYS as readonly string[]).includes(key)) {
        if (typeof scalar !== 'boolean') {
          errors.push(at(node ?? item.key, `${where} must be true or false.`));
          continue;
        }
        t[key] = scalar;
      } else if (key === 'containerCli') {
        if (typeof scalar !== 'string' || !CONTAINER_CLIS.includes(scalar as ContainerCliName)) {
          errors.push(at(node ?? item.key, `${where} must be one of ${CONTAINER_CLIS.join(', ')}.`));
          continue;
        }
        t[key] = scalar;
      } else if (key === 'timeoutMinutes') {
        if (typeof scalar !== 'number' || !(scalar > 0) || scalar > 24 * 60) {
          errors.push(at(node ?? item.key, `${where} must be a number of minutes between 0 and 1440.`));
          continue;
        }
        t[key] = scalar;
      } else if (key === 'buildArgs') {
        if (isEmpty(node)) continue;
        if (!isMap(node)) {
          errors.push(at(node ?? item.key, `${where} must be a mapping of build argument name to value.`));
          continue;
        }
        const args: Record<string, string> = {};
        for (const arg of node.items) {
          const argName = keyOf(arg);
          const argValue = isScalar(arg.value) ? arg.value.value : undefined;
          if (argName === undefined || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(argName)) {
            errors.push(at(arg.key, `Build argument names are identifiers such as VERSION, not ${JSON.stringify(argName ?? '?')}.`));
            continue;
          }
          if (argValue === null || argValue === undefined || typeof argValue === 'object') {
            errors.push(at(arg.value ?? arg.key, `Build argument ${argName} must have a scalar value.`));
            continue;
          }
          args[argName] = String(argValue);
        }
        t.buildArgs = args;
      }
    }
    targets[name] = t as unknown as DeployTarget;
  }
  return { targets, errors };
}

/** What a full deploy still needs; the client asks for these (quick picks) and the CLI reports them. */
export function missingForDeploy(target: DeployTarget): string[] {
  const needed = ['ecrRepository', 'containerName', 'taskDefinition', 'cluster', 'service'] as const;
  return needed.filter((k) => target[k] === undefined);
}

/** What building and pushing an image needs. */
export function missingForImage(target: DeployTarget): string[] {
  return target.ecrRepository === undefined ? ['ecrRepository'] : [];
}

/** YAML text for a target, to append under `deploy.targets:` when the user saves one. Values are quoted JSON strings. */
export function renderTargetYaml(target: DeployTarget, indent = '    '): string {
  const lines = [`${indent}${target.name}:`];
  const inner = `${indent}  `;
  for (const key of STRING_KEYS) {
    const v = target[key];
    if (v !== undefined) lines.push(`${inner}${key}: ${JSON.stringify(v)}`);
  }
  if (Object.keys(target.buildArgs).length > 0) {
    lines.push(`${inner}buildArgs:`);
    for (const [k, v] of Object.entries(target.buildArgs)) lines.push(`${inner}  ${k}: ${JSON.stringify(v)}`);
  }
  if (target.confirm) lines.push(`${inner}confirm: true`);
  if (target.forceNewDeployment) lines.push(`${inner}forceNewDeployment: true`);
  if (target.containerCli) lines.push(`${inner}containerCli: ${target.containerCli}`);
  if (target.timeoutMinutes !== undefined) lines.push(`${inner}timeoutMinutes: ${target.timeoutMinutes}`);
  return `${lines.join('\n')}\n`;
}

function findPair(items: readonly Pair[], key: string): Pair | undefined {
  return items.find((p) => keyOf(p) === key);
}

function keyOf(pair: Pair): string | undefined {
  return isScalar(pair.key) && typeof pair.key.value === 'string' ? pair.key.value : undefined;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (isScalar(value) && (value.value === null || value.value === undefined));
}

/**
 * The text of a .berthrc.yaml with `deploy.targets.<name>` set to `target` (added or replaced), keeping the rest
 * of the file and its comments. Defaults (dockerfile: Dockerfile, context: ., false flags, no build args) are left out.
 */
export function withTarget(text: string, target: DeployTarget): string {
  const doc = parseDocument(text.trim() === '' ? '{}' : text);
  if (doc.errors.length > 0) throw new Error(`The configuration file has a YAML error (${doc.errors[0]!.message.split('\n')[0]}); fix it before saving a target.`);
  const value: Record<string, unknown> = {};
  for (const key of STRING_KEYS) {
    const v = target[key];
    if (v !== undefined && v !== (DEFAULTS as Record<string, string>)[key]) value[key] = v;
  }
  if (Object.keys(target.buildArgs).length > 0) value.buildArgs = { ...target.buildArgs };
  if (target.confirm) value.confirm = true;
  if (target.forceNewDeployment) value.forceNewDeployment = true;
  if (target.containerCli) value.containerCli = target.containerCli;
  if (target.timeoutMinutes !== undefined) value.timeoutMinutes = target.timeoutMinutes;
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as never;
  doc.setIn(['deploy', 'targets', target.name], doc.createNode(value));
  const out = doc.toString();
  return out.startsWith('{}') ? out.replace(/^\{\}\n?/, '') : out;
}
