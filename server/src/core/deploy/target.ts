/**
 * Deploy targets beyond reading them (core/config/targets.ts reads `deploy.targets` with the rest of the file):
 * what a deploy still needs, and the text that saves a target into a .berthrc.yaml.
 */
import { isMap, parseDocument } from 'yaml';
import { kindOf, TARGET_DEFAULTS, TARGET_STRING_KEYS, type DeployTarget, type TargetKind } from '../config/targets';

/** The settings a full deploy of each kind needs. */
export const REQUIRED_SETTINGS: Readonly<Record<TargetKind, readonly (keyof DeployTarget)[]>> = {
  ecs: ['ecrRepository', 'containerName', 'taskDefinition', 'cluster', 'service'],
  express: ['ecrRepository', 'service', 'executionRoleArn', 'infrastructureRoleArn'],
  lambda: ['ecrRepository', 'function'],
};

/** What a full deploy still needs; the client asks for these (quick picks) and the CLI reports them. */
export function missingForDeploy(target: DeployTarget): string[] {
  return REQUIRED_SETTINGS[kindOf(target)].filter((k) => target[k] === undefined);
}

/** What building and pushing an image needs. */
export function missingForImage(target: DeployTarget): string[] {
  return target.ecrRepository === undefined ? ['ecrRepository'] : [];
}

/** YAML text for a target, to append under `deploy.targets:` when the user saves one. Values are quoted JSON strings. */
export function renderTargetYaml(target: DeployTarget, indent = '    '): string {
  const lines = [`${indent}${target.name}:`];
  const inner = `${indent}  `;
  if (target.kind !== undefined) lines.push(`${inner}kind: ${target.kind}`);
  for (const key of TARGET_STRING_KEYS) {
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
  if (target.containerPort !== undefined) lines.push(`${inner}containerPort: ${target.containerPort}`);
  return `${lines.join('\n')}\n`;
}

/**
 * The text of a .berthrc.yaml with `deploy.targets.<name>` set to `target` (added or replaced), keeping the rest
 * of the file and its comments (the yaml package's document model, which the offset tree does not keep).
 * Defaults (dockerfile: Dockerfile, context: ., false flags, no build args) are left out.
 */
export function withTarget(text: string, target: DeployTarget): string {
  const doc = parseDocument(text.trim() === '' ? '{}' : text);
  if (doc.errors.length > 0) throw new Error(`The configuration file has a YAML error (${doc.errors[0]!.message.split('\n')[0]}); fix it before saving a target.`);
  const value: Record<string, unknown> = {};
  if (target.kind !== undefined) value.kind = target.kind;
  for (const key of TARGET_STRING_KEYS) {
    const v = target[key];
    if (v !== undefined && v !== (TARGET_DEFAULTS as Record<string, unknown>)[key]) value[key] = v;
  }
  if (Object.keys(target.buildArgs).length > 0) value.buildArgs = { ...target.buildArgs };
  if (target.confirm) value.confirm = true;
  if (target.forceNewDeployment) value.forceNewDeployment = true;
  if (target.containerCli) value.containerCli = target.containerCli;
  if (target.timeoutMinutes !== undefined) value.timeoutMinutes = target.timeoutMinutes;
  if (target.containerPort !== undefined) value.containerPort = target.containerPort;
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as never;
  doc.setIn(['deploy', 'targets', target.name], doc.createNode(value));
  const out = doc.toString();
  return out.startsWith('{}') ? out.replace(/^\{\}\n?/, '') : out;
}
