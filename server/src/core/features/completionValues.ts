/** Completion of values Berth knows better than the schema: runtimes by lifecycle, Fargate sizes, container names, log drivers. */
import type { PreparedDocument } from '../analyze';
import { FARGATE_LOG_DRIVERS } from '../facts/ecs';
import { FARGATE_SIZES, MIB_PER_GIB, parseCpuUnits, parseMemoryMiB, vcpuOf } from '../facts/fargate';
import { RUNTIME_LIFECYCLE } from '../facts/lambdaRuntimes';
import { excludesFargate, isWindowsTask, type TaskDefinition } from '../model/ecs';
import type { Path, Span } from '../parse/tree';
import { taskDefinitionOfService } from '../workspace/ecsLinks';
import { EMPTY_WORKSPACE, type WorkspaceView } from '../workspace/index';
import { propertyDocAt } from '../schema/registry';
import { taskDefinitionAt, type schemaPathFor } from './schemaPath';
import { resourceAddressOf } from './terraformPath';
import type { CompletionEntry } from './types';

/** What value completion reads besides the document: other files (a service's task definition), and today. */
export interface ValueContext {
  readonly workspace?: WorkspaceView;
  readonly now?: Date;
}

export function valueEntry(label: string, word: Span, rank: number, extra: Partial<CompletionEntry> = {}): CompletionEntry {
  return { label, kind: 'value', insertText: label, span: word, sortText: String(rank).padStart(4, '0'), ...extra };
}

/** Berth's own value list for the value at `path`, or undefined to use the schema's enum. */
export function valueCompletions(
  doc: PreparedDocument,
  kind: string,
  path: Path,
  mapped: ReturnType<typeof schemaPathFor>,
  word: Span,
  options: ValueContext,
  samRuntime: boolean,
): CompletionEntry[] | undefined {
  const last = path[path.length - 1];
  const lastKey = typeof last === 'string' ? last : undefined;
  // Lambda runtimes: supported ones first (newest deprecation date first), deprecated ones marked.
  if ((mapped?.kind === 'lambda-function' && mapped.path[mapped.path.length - 1] === 'Runtime') || samRuntime || (kind === 'serverless-framework' && lastKey === 'runtime') || (kind === 'cloudformation' && path[0] === 'Globals' && lastKey === 'Runtime')) {
    return runtimeEntries(word, options.now ?? new Date());
  }
  if (!mapped) return undefined;
  const p = mapped.path;
  if (mapped.kind === 'ecs-express-service' && p.length === 1 && (p[0] === 'memory' || p[0] === 'cpu')) {
    const task = taskDefinitionAt(doc, path);
    return task ? fargateEntries(task, p[0], word) : undefined;
  }
  if (mapped.kind === 'ecs-task-definition') {
    const td = taskDefinitionAt(doc, path);
    // Fargate's sizes, unless the task definition runs elsewhere only (EC2, Managed Instances: any size the instances hold).
    if (p.length === 1 && (p[0] === 'memory' || p[0] === 'cpu')) return td && !excludesFargate(td) ? fargateEntries(td, p[0], word) : undefined;
    const containerIndex = p[0] === 'containerDefinitions' && typeof p[1] === 'number' ? p[1] : undefined;
    if (containerIndex !== undefined && td) {
      const refersToContainer =
        (p[2] === 'dependsOn' && p[4] === 'containerName') || (p[2] === 'links' && p.length === 4) || (p[2] === 'volumesFrom' && p[4] === 'sourceContainer');
      if (refersToContainer) return containerEntries(td, word, containerIndex);
      if (p[2] === 'logConfiguration' && p[3] === 'logDriver') return logDriverEntries(td, mapped, word);
    }
  }
  if (mapped.kind === 'ecs-service' && p[0] === 'loadBalancers' && p[2] === 'containerName') {
    const service = doc.model?.services.find((s) => (kind === 'cloudformation' ? s.logicalId === path[1] : kind === 'terraform' ? s.logicalId === resourceAddressOf(path) : true));
    const linked = service && doc.model ? taskDefinitionOfService(service, doc.model, options.workspace ?? EMPTY_WORKSPACE) : undefined;
    return linked ? containerEntries(linked.item, word) : [];
  }
  return undefined;
}

function runtimeEntries(word: Span, now: Date): CompletionEntry[] {
  const today = now.toISOString().slice(0, 10);
  const usable = RUNTIME_LIFECYCLE.filter((r) => !r.updateBlock || r.updateBlock > today);
  // Supported: the latest deprecation date first; within a date, the newest version first (python3.14 before python3.13).
  const supported = usable
    .flatMap((r) => (r.deprecated !== undefined && r.deprecated > today ? [{ ...r, deprecated: r.deprecated }] : []))
    .sort((a, b) => b.deprecated.localeCompare(a.deprecated) || b.runtime.localeCompare(a.runtime, 'en', { numeric: true }));
  // In the Lambda model, no deprecation announced yet.
  const undated = usable.filter((r) => r.deprecated === undefined);
  const deprecated = usable
    .flatMap((r) => (r.deprecated !== undefined && r.deprecated <= today ? [{ ...r, deprecated: r.deprecated }] : []))
    .sort((a, b) => b.deprecated.localeCompare(a.deprecated));
  return [
    ...supported.map((r, i) => valueEntry(r.runtime, word, i, { detail: `supported until ${r.deprecated}` })),
    ...undated.map((r, i) => valueEntry(r.runtime, word, 500 + i, { detail: 'no deprecation date announced' })),
    ...deprecated.map((r, i) =>
      valueEntry(r.runtime, word, 1000 + i, {
        detail: `deprecated ${r.deprecated}${r.successor ? `; use ${r.successor}` : ''}`,
        deprecated: true,
      }),
    ),
  ];
}

function fargateEntries(td: TaskDefinition, property: 'cpu' | 'memory', word: Span): CompletionEntry[] {
  if (property === 'memory') {
    const cpu = td.cpu?.known ? parseCpuUnits(String(td.cpu.value)) : undefined;
    const size = FARGATE_SIZES.find((s) => s.cpu === cpu);
    if (!size) return [];
    return size.memory.map((m, i) => valueEntry(String(m), word, i, { detail: `Fargate: ${m / MIB_PER_GIB} GB with ${vcpuOf(size.cpu)} vCPU` }));
  }
  const memory = td.memory?.known ? parseMemoryMiB(String(td.memory.value)) : undefined;
  const sizes = memory === undefined ? FARGATE_SIZES : FARGATE_SIZES.filter((s) => s.memory.includes(memory));
  const windows = isWindowsTask(td);
  return sizes
    .filter((s) => !(windows && s.linuxOnly))
    .map((s, i) => valueEntry(String(s.cpu), word, i, { detail: `Fargate: ${vcpuOf(s.cpu)} vCPU${memory !== undefined ? ` with ${memory} MiB` : ''}${s.linuxOnly ? ' (Linux only)' : ''}` }));
}

function containerEntries(td: TaskDefinition, word: Span, except?: number): CompletionEntry[] {
  return td.containers
    .filter((c, i) => i !== except && c.name?.known)
    .map((c, i) => valueEntry(c.name!.known ? c.name!.value : '', word, i, { detail: 'container' }));
}

function logDriverEntries(td: TaskDefinition, mapped: NonNullable<ReturnType<typeof schemaPathFor>>, word: Span): CompletionEntry[] | undefined {
  const all = propertyDocAt(mapped.kind, mapped.path)?.enum?.map(String);
  if (!all) return undefined;
  const fargate = td.requiresCompatibilities.some((c) => c.known && c.value === 'FARGATE');
  const ordered = fargate ? [...FARGATE_LOG_DRIVERS, ...all.filter((d) => !FARGATE_LOG_DRIVERS.includes(d))] : all;
  return ordered.map((d, i) =>
    valueEntry(d, word, i, fargate && !FARGATE_LOG_DRIVERS.includes(d) ? { detail: 'not supported on Fargate', deprecated: true } : {}),
  );
}

