/**
 * Task definition rendering for deploy (pure): the user's file (register input, or console /
 * describe-task-definition output) → RegisterTaskDefinition input with the named container's image set.
 *
 * - describe-only keys are stripped (the same list as the ecs/no-describe-output-keys rule);
 * - `null` values are dropped (the API rejects them; the console writes some);
 * - everything else is kept as written, in particular empty environment values (`"value": ""`);
 * - the user's file is never changed: the result is a new object.
 */
import { parseJson } from '../parse/json';
import { asObject, getValue, toPlain, type ObjectNode } from '../parse/tree';
import { parseYaml } from '../parse/yaml';
import { DESCRIBE_ONLY_KEYS } from '../facts/ecs';
import { unwrapTaskDefinition } from '../model/ecs';

const FATAL = new Set<string>(['syntax', 'too-large', 'too-deep', 'alias-limit', 'encoding', 'binary', 'empty']);

export type RenderResult =
  | {
      readonly ok: true;
      readonly input: Record<string, unknown>;
      /** The describe-only keys that were removed. */
      readonly stripped: string[];
      /** The image the container had before. */
      readonly previousImage?: string;
      /** `linux/amd64`-style platform derived from runtimePlatform (default linux/amd64). */
      readonly platform: string;
      readonly family: string;
    }
  | { readonly ok: false; readonly message: string };

/** Parses and renders. `image` is `repository@sha256:…` once pushed, or a placeholder for a plan. */
export function renderTaskDefinition(text: string, options: { readonly containerName: string; readonly image: string; readonly fileName?: string }): RenderResult {
  const name = options.fileName ?? 'the task definition';
  const read = readTaskDefinitionFile(text, options.fileName);
  if (!read.ok) return read;
  const input = dropNulls(toPlain(read.node)) as Record<string, unknown>;
  const stripped: string[] = [];
  for (const key of DESCRIBE_ONLY_KEYS) {
    if (key in input) {
      delete input[key];
      stripped.push(key);
    }
  }
  const family = input.family;
  if (typeof family !== 'string' || family === '') return { ok: false, message: `${name} has no "family".` };
  const containers = input.containerDefinitions;
  if (!Array.isArray(containers) || containers.length === 0) return { ok: false, message: `${name} has no containerDefinitions.` };
  const matches = containers.filter((c) => typeof c === 'object' && c !== null && (c as Record<string, unknown>).name === options.containerName) as Record<string, unknown>[];
  if (matches.length === 0) {
    const names = containers.map((c) => (c as Record<string, unknown> | null)?.name).filter((n) => typeof n === 'string');
    return { ok: false, message: `${name} has no container named "${options.containerName}"; its containers are ${names.map((n) => `"${n}"`).join(', ') || 'unnamed'}.` };
  }
  if (matches.length > 1) return { ok: false, message: `${name} has ${matches.length} containers named "${options.containerName}"; names must be unique.` };
  const container = matches[0]!;
  const previousImage = typeof container.image === 'string' ? container.image : undefined;
  container.image = options.image;
  return { ok: true, input, stripped, ...(previousImage !== undefined ? { previousImage } : {}), platform: platformOf(input), family };
}

/** The container names of a task definition file, read as the deploy reads it (the first-deploy wizard offers them). */
export function containerNamesOf(text: string, fileName?: string): { readonly ok: true; readonly names: string[] } | { readonly ok: false; readonly message: string } {
  const read = readTaskDefinitionFile(text, fileName);
  if (!read.ok) return read;
  const containers = toPlain(getValue(read.node, 'containerDefinitions'));
  const names = Array.isArray(containers) ? containers.map((c) => (c as Record<string, unknown> | null)?.name) : [];
  return { ok: true, names: names.filter((n): n is string => typeof n === 'string') };
}

/** The task definition in a file: RegisterTaskDefinition input, or describe-task-definition output unwrapped. */
function readTaskDefinitionFile(text: string, fileName?: string): { readonly ok: true; readonly node: ObjectNode } | { readonly ok: false; readonly message: string } {
  const name = fileName ?? 'the task definition';
  const isYaml = fileName !== undefined && /\.ya?ml$/i.test(fileName);
  const parsed = isYaml ? parseYaml(text) : parseJson(text);
  const fatal = parsed.problems.find((p) => FATAL.has(p.code));
  if (fatal || !parsed.root) return { ok: false, message: `${name} cannot be read: ${(fatal?.message ?? 'it is empty').replace(/\.$/, '')}.` };
  const rootObject = asObject(parsed.root);
  if (!rootObject) return { ok: false, message: `${name} must be a JSON object (RegisterTaskDefinition input).` };
  const { node } = unwrapTaskDefinition(rootObject);
  if (hasIntrinsic(node)) return { ok: false, message: `${name} uses CloudFormation functions (Ref, Fn::…); deploy needs plain API JSON, not a template.` };
  return { ok: true, node };
}

/** `runtimePlatform` → the `--platform` of the build: X86_64 → amd64, ARM64 → arm64, WINDOWS_* → windows. */
export function platformOf(input: Record<string, unknown>): string {
  const rp = input.runtimePlatform as Record<string, unknown> | undefined;
  const cpu = typeof rp?.cpuArchitecture === 'string' ? rp.cpuArchitecture.toUpperCase() : 'X86_64';
  const os = typeof rp?.operatingSystemFamily === 'string' ? rp.operatingSystemFamily.toUpperCase() : 'LINUX';
  return `${os.startsWith('WINDOWS') ? 'windows' : 'linux'}/${cpu === 'ARM64' ? 'arm64' : 'amd64'}`;
}

function hasIntrinsic(node: ObjectNode): boolean {
  const stack: unknown[] = [node];
  while (stack.length) {
    const n = stack.pop() as { kind: string; pairs?: { value: unknown }[]; items?: unknown[] };
    if (n.kind === 'intrinsic') return true;
    if (n.pairs) for (const p of n.pairs) stack.push(p.value);
    if (n.items) stack.push(...n.items);
  }
  return false;
}

function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== null).map(dropNulls);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = dropNulls(v);
    return out;
  }
  return value;
}
