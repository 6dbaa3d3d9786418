import type { PreparedDocument } from '../analyze';
import { conceptUrl, getConcept } from '../docs/concepts';
import { conceptForProperty } from '../docs/propertyConcepts';
import { EPHEMERAL_PORT_RANGE_ECS_AMI, EPHEMERAL_PORT_RANGE_FALLBACK } from '../facts/ephemeralPorts';
import { EPHEMERAL_STORAGE_GIB, PORT_MAX, PORT_MIN } from '../facts/ecs';
import { FARGATE_SIZES, FARGATE_SIZES_SOURCE, describeMemoryChoices, parseCpuUnits, parseMemoryMiB, vcpuOf } from '../facts/fargate';
import { describeComputeBounds, LAMBDA_LIMITS, LAMBDA_QUOTAS_SOURCE } from '../facts/lambda';
import { RUNTIME_LIFECYCLE_SOURCE, runtimeLifecycle } from '../facts/lambdaRuntimes';
import type { Path } from '../parse/tree';
import { propertyDocAt, type PropertyDoc } from '../schema/registry';
import { combineDockerfileHovers, dockerfileGenericHoverAt } from './dockerfileGeneric';
import { dockerfileHoverAt } from './dockerfileHover';
import { locate } from './locate';
import { cfnTypeSpec } from '../facts/cfnResources';
import { enumOf, templateLevelAt } from './cfnSpec';
import { samFunctionPath, schemaPathFor, taskDefinitionAt, type SchemaPath } from './schemaPath';
import { excludesFargate, type TaskDefinition } from '../model/ecs';
import { locateTerraform, terraformSchemaPath } from './terraformPath';
import type { HoverResult } from './types';

export interface HoverOptions {
  /** Today, for runtime lifecycle wording (injectable in tests). */
  readonly now?: Date;
  /** Dockerfiles: add the generic instruction docs (berth.dockerfile.genericFeatures; the edges decide). */
  readonly genericFeatures?: boolean;
}

/**
 * Hover for the key (or value) under the cursor: Berth's answer first (the valid values or bounds from the facts
 * tables, the concept summary with a "Read more" link to the full article), then AWS's property docs within a
 * length budget.
 */
export function hoverAt(doc: PreparedDocument, offset: number, options: HoverOptions = {}): HoverResult | undefined {
  if (doc.kind === 'dockerfile') return combineDockerfileHovers(options.genericFeatures ? dockerfileGenericHoverAt(doc, offset) : undefined, dockerfileHoverAt(doc, offset));
  if (!doc.kind || !doc.tree?.root) return undefined;
  const terraform = doc.kind === 'terraform';
  const at = terraform ? locateTerraform(doc.text, doc.tree.root, offset) : locate(doc.tree.root, offset);
  if (!at) return undefined;
  // The property the cursor is on: the pair's key, or for an item of a list value, the list's key.
  const name = at.pair?.key ?? lastKey(at.path);
  if (name === undefined || (!at.pair && !isListItem(at.path))) return undefined;
  const propertyPath = at.pair ? at.path : at.path.slice(0, lastKeyIndex(at.path) + 1);
  const resourceType = (id: string) => {
    const type = doc.model?.template?.resourcesById.get(id)?.type;
    return type?.known ? type.value : undefined;
  };
  const tfMapped = terraform ? terraformSchemaPath(propertyPath) : undefined;
  // Terraform: only the arguments of the resources Berth models, documented by their API property.
  if (terraform && !tfMapped) return undefined;
  const mapped = tfMapped ?? schemaPathFor(doc.kind, propertyPath, resourceType);
  // The API's name of the property (`networkMode` for Terraform's `network_mode`), which facts and concepts use.
  const apiName = tfMapped ? (lastKey(tfMapped.path) ?? name) : name;
  const onValue = !at.onKey && at.node.kind === 'scalar';
  const value = onValue && at.node.kind === 'scalar' ? at.node.value : undefined;

  const sam = samFunctionPath(doc.kind, propertyPath, resourceType);
  const schemaDoc = (mapped ? propertyDocAt(mapped.kind, mapped.path) : undefined) ?? templatePropertyDoc(doc, propertyPath, sam);
  // Where the provider takes other values than the API (`assign_public_ip = true`), the API's list would mislead.
  const propertyDoc = schemaDoc && tfMapped?.valuesDiffer ? { ...schemaDoc, enum: undefined } : schemaDoc;
  const facts = factsFor(doc, apiName, mapped, value, options.now ?? new Date(), sam?.length === 1, propertyPath);
  // Berth's answer first (the bounds and facts for this value, then the concept), AWS's reference after it.
  const bounds: string[] = [];
  if (propertyDoc && !facts.replacesBounds) {
    if (propertyDoc.minimum !== undefined || propertyDoc.maximum !== undefined) {
      bounds.push(`Range: ${propertyDoc.minimum ?? '…'}–${propertyDoc.maximum ?? '…'}`);
    }
    if (propertyDoc.enum?.length) bounds.push(`Values: ${propertyDoc.enum.map((v) => `\`${String(v)}\``).join(', ')}`);
  }
  bounds.push(...facts.lines);
  const parts: string[] = [];
  let reference: string | undefined;
  if (propertyDoc) {
    parts.push(apiName !== name ? `**${name}** (\`${apiName}\` in the ${API_NAMES[mapped!.kind]} API)` : `**${name}**`);
    // Where Berth states the values (a Fargate size table), AWS's own lists of them would repeat it.
    if (propertyDoc.markdownDescription) reference = budgeted(propertyDoc.markdownDescription, facts.replacesBounds ?? false);
  } else if (doc.kind === 'cloudformation' && propertyPath.length === 3 && propertyPath[0] === 'Resources' && name === 'Type' && typeof value === 'string') {
    // On a resource's Type: what the resource type is.
    const typeDoc = cfnTypeSpec(value)?.documentation;
    if (typeDoc) parts.push(`**${value}**`, typeDoc);
  }
  if (bounds.length) {
    if (!propertyDoc) parts.push(`**${name}**`);
    parts.push(bounds.join('  \n'));
  }
  const conceptId = facts.concept ?? conceptForProperty(apiName);
  const concept = conceptId ? getConcept(conceptId) : undefined;
  if (concept && (propertyDoc || facts.lines.length || doc.kind !== 'cloudformation' || mapped)) {
    parts.push(`**Berth: ${concept.title}.** ${concept.summary}\n\n[Read more](${conceptUrl(concept.id)}) · [AWS docs](${concept.awsDocs})`);
  }
  // Under Berth's answer, AWS's reference is set apart; alone, it is the hover.
  if (reference) parts.push(parts.length > 1 ? `---\n**AWS:** ${reference}` : reference);
  if (!parts.length) return undefined;
  return { markdown: parts.join('\n\n'), span: at.onKey && at.pair ? at.pair.keySpan : at.node.span };
}

/** How much of AWS's property documentation a hover shows, in characters (whole paragraphs, at least the first). */
export const AWS_REFERENCE_BUDGET = 500;

/** AWS's documentation within the budget; without its lists when Berth already states the values. */
function budgeted(markdown: string, withoutLists: boolean): string {
  const paragraphs = markdown.split(/\n\s*\n/).filter((p) => !(withoutLists && /^\s*[-*] /.test(p)));
  const kept: string[] = [];
  let length = 0;
  for (const paragraph of paragraphs) {
    if (kept.length > 0 && length + paragraph.length > AWS_REFERENCE_BUDGET) break;
    kept.push(paragraph);
    length += paragraph.length;
  }
  const text = kept.join('\n\n');
  return kept.length < paragraphs.length ? `${text.replace(/\s*…$/, '')} …` : text;
}

interface Facts {
  readonly lines: string[];
  /** A more specific concept than the property's own (e.g. for a value). */
  readonly concept?: string;
  /** The facts state the bounds, so the schema's generic range is left out. */
  readonly replacesBounds?: boolean;
}

const NO_FACTS: Facts = { lines: [] };

/** Valid values and bounds from the facts tables, for the properties Berth knows them for. */
function factsFor(doc: PreparedDocument, name: string, mapped: SchemaPath | undefined, value: unknown, now: Date, samFunction: boolean, propertyPath: Path): Facts {
  const lower = name.charAt(0).toLowerCase() + name.slice(1);
  const path = mapped?.path;
  const ecsTask = mapped?.kind === 'ecs-task-definition';
  // An Express service's task: Fargate, with its size and the primary container's port at the service's level.
  const express = mapped?.kind === 'ecs-express-service';
  // A SAM function's top-level Runtime, MemorySize and Timeout become the Lambda function's.
  const lambda = isLambdaContext(doc, mapped) || samFunction;

  if (ecsTask && (lower === 'hostPort' || lower === 'containerPort')) {
    const lines = [`Range: ${PORT_MIN}–${PORT_MAX}`];
    if (lower === 'hostPort') {
      lines.push(
        `\`0\` or no hostPort (bridge mode): dynamic port mapping, a free host port from the ephemeral range ` +
          `${EPHEMERAL_PORT_RANGE_ECS_AMI.min}–${EPHEMERAL_PORT_RANGE_ECS_AMI.max} on the ECS-optimized AMI ` +
          `(${EPHEMERAL_PORT_RANGE_FALLBACK.min}–${EPHEMERAL_PORT_RANGE_FALLBACK.max} when the kernel's range cannot be read).`,
        'With awsvpc or host network mode, hostPort must equal containerPort or be left out.',
      );
    }
    return { lines, replacesBounds: true };
  }
  if (express && lower === 'containerPort' && path?.[0] === 'primaryContainer') {
    return { lines: [`Range: ${PORT_MIN}–${PORT_MAX}`], replacesBounds: true };
  }

  if (ecsTask && (lower === 'requiresCompatibilities' || lower === 'launchType') || (mapped?.kind === 'ecs-service' && lower === 'launchType')) {
    const note = typeof value === 'string' ? LAUNCH_TYPE_NOTES[value] : undefined;
    if (note) return { lines: [`\`${String(value)}\`: ${note}`], concept: value === 'FARGATE' ? 'ecs-eks-fargate' : 'ecs-launch-types' };
    return NO_FACTS;
  }

  if (ecsTask && lower === 'networkMode') {
    const note = typeof value === 'string' ? NETWORK_MODE_NOTES[value] : undefined;
    return note ? { lines: [`\`${String(value)}\`: ${note}`] } : NO_FACTS;
  }

  if ((ecsTask || express) && path?.length === 1 && (lower === 'cpu' || lower === 'memory')) {
    const task = taskDefinitionAt(doc, propertyPath);
    // A task definition for EC2 or Managed Instances only is not held to Fargate's sizes.
    if (task && excludesFargate(task)) return NO_FACTS;
    return { lines: fargateSizeLines(task, lower, value), replacesBounds: true };
  }

  if (ecsTask && path?.[0] === 'ephemeralStorage' && lower === 'sizeInGiB') {
    return { lines: [`Fargate: ${EPHEMERAL_STORAGE_GIB.min}–${EPHEMERAL_STORAGE_GIB.max} GiB (leave ephemeralStorage out for the default ${EPHEMERAL_STORAGE_GIB.default} GiB).`], replacesBounds: true };
  }

  if (lambda && lower === 'runtime' && typeof value === 'string') {
    const lines = runtimeLines(value, now);
    return { lines, replacesBounds: lines.length > 0 };
  }
  if (lambda && name === 'MemorySize' || doc.kind === 'serverless-framework' && name === 'memorySize') {
    return { lines: [`Range: ${describeComputeBounds((l) => l.memory, 'MB')}; CPU is allotted in proportion to memory. [Quotas](${LAMBDA_QUOTAS_SOURCE})`], replacesBounds: true };
  }
  if (lambda && name === 'Timeout' || doc.kind === 'serverless-framework' && name === 'timeout') {
    return {
      lines: [`Range: ${describeComputeBounds((l) => l.timeout, 'seconds')}; default ${LAMBDA_LIMITS.timeoutDefault}. [Quotas](${LAMBDA_QUOTAS_SOURCE})`],
      replacesBounds: true,
    };
  }
  return NO_FACTS;
}

const LAUNCH_TYPE_NOTES: Readonly<Record<string, string>> = {
  FARGATE:
    'AWS runs the task on capacity it manages; there are no instances to patch or scale. The task needs `awsvpc` network mode, task-level `cpu` and `memory` from the valid Fargate sizes, and an execution role to pull private images or write logs.',
  EC2: 'the task runs on EC2 container instances of your cluster, which you provision, patch and scale (for example with a capacity provider and an Auto Scaling group).',
  EXTERNAL: 'ECS Anywhere: the task runs on your own servers or VMs registered with the cluster.',
  MANAGED_INSTANCES: 'ECS Managed Instances: AWS provisions and patches the EC2 instances the tasks run on. The task definition must state its `networkMode` (awsvpc or host; bridge is not offered), and Fargate\'s sizes do not apply.',
};

const NETWORK_MODE_NOTES: Readonly<Record<string, string>> = {
  awsvpc: 'each task gets its own elastic network interface and private IP; required on Fargate. Load balancer target groups use target type `ip`.',
  bridge: "containers share Docker's bridge network on the instance; use hostPort 0 (dynamic port mapping) so several tasks fit on one instance.",
  host: "containers use the instance's network directly; hostPort equals containerPort, so one task per port per instance.",
  none: 'no external networking; port mappings are not allowed.',
};

const API_NAMES: Readonly<Record<SchemaPath['kind'], string>> = {
  'ecs-task-definition': 'ECS',
  'ecs-service': 'ECS',
  'ecs-express-service': 'ECS',
  'batch-job-definition': 'AWS Batch',
  'lambda-function': 'Lambda',
};

function fargateSizeLines(td: TaskDefinition | undefined, property: 'cpu' | 'memory', value: unknown): string[] {
  const cpuText = td?.cpu?.known ? String(td.cpu.value) : property === 'cpu' && value != null ? String(value) : undefined;
  const memoryText = td?.memory?.known ? String(td.memory.value) : property === 'memory' && value != null ? String(value) : undefined;
  const cpu = cpuText === undefined ? undefined : parseCpuUnits(cpuText);
  const memory = memoryText === undefined ? undefined : parseMemoryMiB(memoryText);
  const lines: string[] = [];
  if (property === 'memory') {
    const size = cpu === undefined ? undefined : FARGATE_SIZES.find((s) => s.cpu === cpu);
    if (size) lines.push(`Fargate memory with cpu ${size.cpu} (${vcpuOf(size.cpu)} vCPU): ${describeMemoryChoices(size)}.`);
  } else if (memory !== undefined) {
    const cpus = FARGATE_SIZES.filter((s) => s.memory.includes(memory)).map((s) => s.cpu);
    if (cpus.length) lines.push(`Fargate cpu for memory ${memory} MiB: ${cpus.join(', ')}.`);
  }
  lines.push('Valid Fargate sizes (cpu units → memory MiB):');
  for (const s of FARGATE_SIZES) {
    const mark = s.cpu === cpu ? ' ←' : '';
    const notes = [s.minLinuxPlatformVersion ? `platform ${s.minLinuxPlatformVersion}+` : undefined, s.linuxOnly ? 'Linux only' : undefined].filter(Boolean);
    lines.push(`- \`${s.cpu}\` (${vcpuOf(s.cpu)} vCPU): ${describeMemoryChoices(s)}${notes.length ? ` (${notes.join(', ')})` : ''}${mark}`);
  }
  lines.push(`[Fargate task sizes](${FARGATE_SIZES_SOURCE})`);
  return lines;
}

function runtimeLines(runtime: string, now: Date): string[] {
  const life = runtimeLifecycle(runtime);
  if (!life) return [];
  const today = now.toISOString().slice(0, 10);
  const lines: string[] = [];
  if (life.deprecated === undefined) lines.push(`\`${runtime}\`: supported; AWS has announced no deprecation date.`);
  else if (life.deprecated <= today) lines.push(`\`${runtime}\`: **deprecated** since ${life.deprecated}.`);
  else lines.push(`\`${runtime}\`: supported; deprecation planned for ${life.deprecated}.`);
  if (life.createBlock) lines.push(`Creating functions ${life.createBlock <= today ? 'blocked since' : 'blocked from'} ${life.createBlock}.`);
  if (life.updateBlock) lines.push(`Updating functions ${life.updateBlock <= today ? 'blocked since' : 'blocked from'} ${life.updateBlock}.`);
  if (life.successor && life.successor !== runtime) lines.push(`Move to \`${life.successor}\`.`);
  lines.push(`[Lambda runtimes](${RUNTIME_LIFECYCLE_SOURCE})`);
  return lines;
}

function isLambdaContext(doc: PreparedDocument, mapped: SchemaPath | undefined): boolean {
  return mapped?.kind === 'lambda-function' || doc.kind === 'lambda-function' || doc.kind === 'serverless-framework';
}

function lastKeyIndex(path: Path): number {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return i;
  return -1;
}

function lastKey(path: Path): string | undefined {
  const i = lastKeyIndex(path);
  return i === -1 ? undefined : (path[i] as string);
}

/** True when the path ends in `key, index` (an item of a list value). */
function isListItem(path: Path): boolean {
  return path.length >= 2 && typeof path[path.length - 1] === 'number' && typeof path[path.length - 2] === 'string';
}


/**
 * Documentation of a template property from the CloudFormation resource spec or SAM's, for types the API schemas
 * do not cover. A SAM function's pass-through property without values of its own takes Lambda's (`samPath`).
 */
function templatePropertyDoc(doc: PreparedDocument, path: Path, samPath: Path | undefined): PropertyDoc | undefined {
  if (doc.kind !== 'cloudformation') return undefined;
  const property = templateLevelAt(doc.model?.template, path)?.property;
  if (!property?.documentation) return undefined;
  const doc0: PropertyDoc = { description: property.documentation.split(/(?<=\.)\s/)[0] ?? '', markdownDescription: property.documentation };
  const values = enumOf(property) ?? (samPath ? propertyDocAt('lambda-function', samPath)?.enum?.map(String) : undefined);
  return values?.length ? { ...doc0, enum: values } : doc0;
}
