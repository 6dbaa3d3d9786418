import { prepare, type PreparedDocument } from '../analyze';
import { FARGATE_LOG_DRIVERS } from '../facts/ecs';
import { FARGATE_SIZES, MIB_PER_GIB, parseCpuUnits, parseMemoryMiB, vcpuOf } from '../facts/fargate';
import { attributesOf } from '../facts/cfnResources';
import { PSEUDO_PARAMETERS } from '../facts/cloudformation';
import { RUNTIME_LIFECYCLE } from '../facts/lambdaRuntimes';
import { isWindowsTask, type TaskDefinition } from '../model/ecs';
import { taskDefinitionOfService } from '../workspace/ecsLinks';
import type { Node, Path, Span } from '../parse/tree';
import { EMPTY_WORKSPACE, type WorkspaceView } from '../workspace/index';
import { propertyDocAt, resolveRef, schemaAt, schemaFor } from '../schema/registry';
import type { SchemaKind } from '../schema/kinds';
import { locate } from './locate';
import type { CfnPropertySpec } from '../facts/cfnResources';
import { enumOf, resourceTypeChoices, templateLevelAt } from './cfnSpec';
import { dockerfileGenericCompletionsAt } from './dockerfileGeneric';
import { samFunctionPath, schemaPathFor } from './schemaPath';
import type { CompletionEntry } from './types';

const PROBE = '__berth_probe__';

/**
 * Property names and enum values from the schemas. A half-typed key usually breaks the parse, so the
 * current word is completed with a probe key and the probe document is used to find where it sits.
 */
export interface CompletionOptions {
  /** Other files, for container names of a service's task definition in another file. */
  readonly workspace?: WorkspaceView;
  /** Today, to order Lambda runtimes by their lifecycle (injectable in tests). */
  readonly now?: Date;
  /** Dockerfiles: instruction and flag completion (berth.dockerfile.genericFeatures; the edges decide). */
  readonly genericFeatures?: boolean;
}

export function completionsAt(doc: PreparedDocument, offset: number, options: CompletionOptions = {}): CompletionEntry[] {
  if (doc.kind === 'dockerfile') return options.genericFeatures ? dockerfileGenericCompletionsAt(doc, offset) : [];
  const word = wordAt(doc.text, offset);
  if (doc.tree?.root && doc.model) {
    const references = intrinsicCompletions(doc, offset, word);
    if (references) return references;
  }
  let target = doc;
  let probeOffset = offset;
  // YAML: a line holding only the word being typed (or nothing yet) is a key being written, but it parses as
  // the scalar value of the key above it (or as nothing): complete it through a probe key as well.
  if (!doc.tree?.root || !doc.model || (doc.format === 'yaml' && isBareWordLine(doc.text, offset))) {
    const probe = probeText(doc, offset, word);
    if (!probe) return [];
    target = prepare({ uri: doc.uri, text: probe.text });
    probeOffset = probe.offset;
    if (!target.tree?.root) return [];
  }
  const root = target.tree!.root!;
  // A value typed on the last line of a YAML document lies past the end of the root's span.
  const at = locate(root, probeOffset) ?? (target.format === 'yaml' ? locate(root, Math.min(probeOffset, root.span.end)) : undefined);
  if (!at) return [];
  const resourceType = (id: string) => {
    const type = target.model?.template?.resourcesById.get(id)?.type;
    return type?.known ? type.value : undefined;
  };
  const kind = target.kind ?? doc.kind;
  if (!kind) return [];

  // A value (of a pair, or an item of a list value): Berth's own value lists, else the schema's enum.
  const valuePath = valuePathAt(target, at, probeOffset);
  if (valuePath) {
    if (kind === 'cloudformation' && valuePath.length === 3 && valuePath[0] === 'Resources' && valuePath[2] === 'Type') {
      return resourceTypeChoices().map((type, i) => ({ label: type, kind: 'value' as const, insertText: type, span: typeSpan(target.text, word), sortText: String(i).padStart(4, '0') }));
    }
    const mapped = schemaPathFor(kind, valuePath, resourceType);
    const sam = samFunctionPath(kind, valuePath, resourceType);
    const own = valueCompletions(target, kind, valuePath, mapped, word, options, sam?.length === 1 && sam[0] === 'Runtime');
    if (own) return own;
    const propertyDoc = mapped ? propertyDocAt(mapped.kind, mapped.path) : undefined;
    const templateEnum = !propertyDoc && kind === 'cloudformation' ? enumOf(templateLevelAt(target.model?.template, valuePath)?.property) : undefined;
    // A SAM function's pass-through properties take the values Lambda's do (Architectures, PackageType, LoggingConfig.LogFormat).
    const lambdaEnum = !templateEnum && sam ? propertyDocAt('lambda-function', sam)?.enum : undefined;
    return (propertyDoc?.enum ?? templateEnum ?? lambdaEnum ?? []).map((value, i) => ({
      label: String(value),
      kind: 'value' as const,
      insertText: String(value),
      span: word,
      sortText: String(i).padStart(4, '0'),
    }));
  }

  // A key (or a blank spot inside an object): suggest the object's properties.
  const onProbe = at.pair?.key.includes(PROBE);
  if (at.onKey || onProbe || (at.node.kind === 'object' && !at.pair)) {
    const objectPath = at.onKey || onProbe ? at.path.slice(0, -1) : at.path;
    const objectNode = at.onKey || onProbe ? parentObject(root, objectPath) : at.node;
    const mapped = schemaPathFor(kind, objectPath, resourceType);
    if (!mapped) {
      // Other covered resource types: property names from the CloudFormation resource spec.
      const properties = kind === 'cloudformation' ? templateLevelAt(target.model?.template, objectPath)?.properties : undefined;
      return properties ? templatePropertyEntries(properties, objectNode, word, target.format === 'json', doc.format === 'json' && isInsideQuotes(doc.text, offset)) : [];
    }
    return propertyEntries(mapped.kind, mapped.path, objectNode, word, target.format === 'json', doc.format === 'json' && isInsideQuotes(doc.text, offset), mapped.pascal ?? false);
  }
  return [];
}

function propertyEntries(kind: SchemaKind, path: Path, objectNode: Node | undefined, word: Span, json: boolean, inQuotes: boolean, pascal: boolean): CompletionEntry[] {
  const schema = resolveRef(schemaFor(kind), schemaAt(kind, path));
  const properties = schema?.properties;
  if (!properties) return [];
  const present = new Set(objectNode?.kind === 'object' ? objectNode.pairs.map((p) => p.key) : []);
  const required = new Set(schema.required ?? []);
  const shown = (name: string) => (pascal ? name.charAt(0).toUpperCase() + name.slice(1) : name);
  return Object.keys(properties)
    .filter((name) => !present.has(shown(name)))
    .map((schemaName) => {
      const doc = propertyDocAt(kind, [...path, schemaName]);
      const name = shown(schemaName);
      return {
        label: name,
        kind: 'property' as const,
        detail: required.has(schemaName) ? 'required' : undefined,
        documentation: doc?.markdownDescription,
        insertText: json && !inQuotes ? `"${name}": ` : json ? name : `${name}: `,
        span: word,
        sortText: `${required.has(schemaName) ? '0' : '1'}${name}`,
      };
    });
}

function parentObject(root: Node, path: Path): Node | undefined {
  let node: Node | undefined = root;
  for (const step of path) {
    if (!node) return undefined;
    if (typeof step === 'number') node = node.kind === 'array' ? node.items[step] : undefined;
    else node = node.kind === 'object' ? node.pairs.find((p) => p.key === step)?.value : undefined;
  }
  return node;
}

function wordAt(text: string, offset: number): Span {
  let start = offset;
  while (start > 0 && /[\w-]/.test(text[start - 1]!)) start--;
  let end = offset;
  while (end < text.length && /[\w-]/.test(text[end]!)) end++;
  return { start, end };
}

function isBareWordLine(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd === -1) lineEnd = text.length;
  return /^[ \t]*(\w[\w-]*)?[ \t]*\r?$/.test(text.slice(lineStart, lineEnd));
}

function isInsideQuotes(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  return (before.match(/"/g)?.length ?? 0) % 2 === 1;
}

/** The document with the word at the cursor turned into a probe key, so it parses. */
function probeText(doc: PreparedDocument, offset: number, word: Span): { text: string; offset: number } | undefined {
  const { text } = doc;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd === -1) lineEnd = text.length;
  const typed = text.slice(word.start, offset);
  if (doc.format === 'yaml') {
    const before = text.slice(lineStart, word.start);
    if (!/^\s*(- )?$/.test(before)) return undefined;
    const line = `${before}${typed}${PROBE}: x`;
    return { text: text.slice(0, lineStart) + line + text.slice(lineEnd), offset: lineStart + before.length + typed.length };
  }
  if (doc.format === 'json') {
    // `"wor|"` in key position, possibly without a closing quote.
    const open = text.lastIndexOf('"', word.start - 1);
    if (open === -1 || open < lineStart) return undefined;
    let close = text.indexOf('"', offset);
    if (close === -1 || close > lineEnd) close = offset;
    else close += 1;
    const rest = text.slice(close);
    const needsComma = /^\s*"/.test(rest);
    const replacement = `"${typed}${PROBE}": 0${needsComma ? ',' : ''}`;
    return { text: text.slice(0, open) + replacement + rest, offset: open + 1 + typed.length };
  }
  return undefined;
}

type Located0 = NonNullable<ReturnType<typeof locate>>;

/**
 * The path of the value under the cursor: a pair's scalar value, an item of a list value, or (YAML) the
 * empty value after `key:` on the cursor's line, which the parser leaves outside the pair.
 */
function valuePathAt(doc: PreparedDocument, at: Located0, offset: number): Path | undefined {
  if (at.pair && !at.onKey && at.node.kind === 'scalar') return at.path;
  if (!at.pair && at.node.kind === 'scalar' && typeof at.path[at.path.length - 1] === 'number' && typeof at.path[at.path.length - 2] === 'string') return at.path;
  if (doc.format !== 'yaml') return undefined;
  const lineStart = doc.text.lastIndexOf('\n', offset - 1) + 1;
  const m = /^\s*(?:- )?([\w-]+):[ \t]+[\w.-]*$/.exec(doc.text.slice(lineStart, offset));
  if (!m) return undefined;
  const key = m[1]!;
  if (at.pair?.key === key && at.onKey) return at.path;
  if (at.node.kind === 'object') return pairPathOnLine(at.node, at.path, key, lineStart, offset);
  return undefined;
}

/** The path of the pair `key` whose key starts on the cursor's line, at any depth below `node` (`key:` with no value yet ends before the cursor). */
function pairPathOnLine(node: Node, path: Path, key: string, lineStart: number, offset: number): Path | undefined {
  if (node.kind === 'object') {
    for (const p of node.pairs) {
      if (p.key === key && p.keySpan.start >= lineStart && p.keySpan.start < offset) return [...path, key];
      if (p.keySpan.start < offset && p.value.span.end >= lineStart) {
        const found = pairPathOnLine(p.value, [...path, p.key], key, lineStart, offset);
        if (found) return found;
      }
    }
  } else if (node.kind === 'array') {
    for (const [i, item] of node.items.entries()) {
      if (item.span.start < offset && item.span.end >= lineStart) {
        const found = pairPathOnLine(item, [...path, i], key, lineStart, offset);
        if (found) return found;
      }
    }
  }
  return undefined;
}

function valueEntry(label: string, word: Span, rank: number, extra: Partial<CompletionEntry> = {}): CompletionEntry {
  return { label, kind: 'value', insertText: label, span: word, sortText: String(rank).padStart(4, '0'), ...extra };
}

/** Value lists Berth knows better than the schema: runtimes by lifecycle, Fargate sizes, container names, log drivers. */
function valueCompletions(
  doc: PreparedDocument,
  kind: string,
  path: Path,
  mapped: ReturnType<typeof schemaPathFor>,
  word: Span,
  options: CompletionOptions,
  samRuntime: boolean,
): CompletionEntry[] | undefined {
  const last = path[path.length - 1];
  const lastKey = typeof last === 'string' ? last : undefined;
  // Lambda runtimes: supported ones first (newest deprecation date first), deprecated ones marked.
  if ((mapped?.kind === 'lambda-function' && lastKey === 'Runtime') || samRuntime || (kind === 'serverless-framework' && lastKey === 'runtime') || (kind === 'cloudformation' && path[0] === 'Globals' && lastKey === 'Runtime')) {
    return runtimeEntries(word, options.now ?? new Date());
  }
  if (!mapped) return undefined;
  const p = mapped.path;
  if (mapped.kind === 'ecs-task-definition') {
    const td = taskDefinitionAt(doc, path);
    if (p.length === 1 && (p[0] === 'memory' || p[0] === 'cpu')) return td ? fargateEntries(td, p[0], word) : undefined;
    const containerIndex = p[0] === 'containerDefinitions' && typeof p[1] === 'number' ? p[1] : undefined;
    if (containerIndex !== undefined && td) {
      const refersToContainer =
        (p[2] === 'dependsOn' && p[4] === 'containerName') || (p[2] === 'links' && p.length === 4) || (p[2] === 'volumesFrom' && p[4] === 'sourceContainer');
      if (refersToContainer) return containerEntries(td, word, containerIndex);
      if (p[2] === 'logConfiguration' && p[3] === 'logDriver') return logDriverEntries(td, mapped, word);
    }
  }
  if (mapped.kind === 'ecs-service' && p[0] === 'loadBalancers' && p[2] === 'containerName') {
    const service = doc.model?.services.find((s) => (kind === 'cloudformation' ? s.logicalId === path[1] : true));
    const linked = service && doc.model ? taskDefinitionOfService(service, doc.model, options.workspace ?? EMPTY_WORKSPACE) : undefined;
    return linked ? containerEntries(linked.item, word) : [];
  }
  return undefined;
}

function taskDefinitionAt(doc: PreparedDocument, path: Path): TaskDefinition | undefined {
  const tds = doc.model?.taskDefinitions ?? [];
  if (doc.kind === 'cloudformation') return tds.find((t) => t.logicalId === path[1]);
  return tds[0];
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

/** Ref and GetAtt targets (and GetAtt attributes) inside a template's intrinsic functions. */
function intrinsicCompletions(doc: PreparedDocument, offset: number, word: Span): CompletionEntry[] | undefined {
  const template = doc.model?.template;
  if (!template) return undefined;
  const intrinsic = intrinsicAt(doc.tree!.root!, offset);
  if (!intrinsic || (intrinsic.name !== 'Ref' && intrinsic.name !== 'Fn::GetAtt')) return undefined;
  const arg = intrinsic.argument;
  if (intrinsic.name === 'Ref') {
    if (arg.kind !== 'scalar') return undefined;
    const params = [...template.parameters.keys()].map((id, i) => valueEntry(id, word, i, { detail: 'parameter' }));
    const resources = template.resources.map((r, i) => valueEntry(r.logicalId, word, 100 + i, { detail: r.type?.known ? r.type.value : 'resource' }));
    const pseudo = PSEUDO_PARAMETERS.map((id, i) => valueEntry(id, wordWithColons(doc.text, offset, word), 500 + i, { detail: 'pseudo parameter' }));
    return [...params, ...resources, ...pseudo];
  }
  // GetAtt: `Res.Attr` (one string) or [Res, Attr].
  let resourceId: string | undefined;
  let attributeSpan: Span | undefined;
  if (arg.kind === 'scalar' && typeof arg.value === 'string') {
    const dot = arg.value.indexOf('.');
    const dotOffset = doc.text.indexOf('.', arg.span.start);
    if (dot !== -1 && dotOffset !== -1 && dotOffset < offset) {
      resourceId = arg.value.slice(0, dot);
      attributeSpan = { start: dotOffset + 1, end: Math.max(offset, word.end) };
    }
  } else if (arg.kind === 'array' && arg.items.length >= 2 && arg.items[1]!.span.start <= offset && offset <= arg.items[1]!.span.end) {
    const first = arg.items[0]!;
    resourceId = first.kind === 'scalar' && typeof first.value === 'string' ? first.value : undefined;
    attributeSpan = word;
  }
  if (attributeSpan) {
    const type = resourceId ? template.resourcesById.get(resourceId)?.type : undefined;
    const attributes = type?.known ? attributesOf(type.value) : undefined;
    return (attributes ?? []).map((a, i) => valueEntry(a, attributeSpan!, i, { detail: `${resourceId} attribute` }));
  }
  return template.resources
    .filter((r) => !r.type?.known || attributesOf(r.type.value)?.length !== 0)
    .map((r, i) => valueEntry(r.logicalId, word, i, { detail: r.type?.known ? r.type.value : 'resource' }));
}

function wordWithColons(text: string, offset: number, word: Span): Span {
  let start = word.start;
  while (start > 0 && /[\w:]/.test(text[start - 1]!)) start--;
  return { start, end: word.end };
}

function intrinsicAt(root: Node, offset: number): Extract<Node, { kind: 'intrinsic' }> | undefined {
  let found: Extract<Node, { kind: 'intrinsic' }> | undefined;
  const visit = (node: Node): void => {
    if (offset < node.span.start || offset > node.span.end) return;
    if (node.kind === 'intrinsic') {
      if (offset >= node.argument.span.start) found = node;
      visit(node.argument);
    } else if (node.kind === 'object') for (const p of node.pairs) visit(p.value);
    else if (node.kind === 'array') for (const item of node.items) visit(item);
  };
  visit(root);
  return found;
}

function templatePropertyEntries(properties: Readonly<Record<string, CfnPropertySpec>>, objectNode: Node | undefined, word: Span, json: boolean, inQuotes: boolean): CompletionEntry[] {
  const present = new Set(objectNode?.kind === 'object' ? objectNode.pairs.map((p) => p.key) : []);
  return Object.entries(properties)
    .filter(([name]) => !present.has(name))
    .map(([name, spec]) => ({
      label: name,
      kind: 'property' as const,
      detail: spec.required ? 'required' : undefined,
      documentation: spec.documentation,
      insertText: json && !inQuotes ? `"${name}": ` : json ? name : `${name}: `,
      span: word,
      sortText: `${spec.required ? '0' : '1'}${name}`,
      deprecated: spec.deprecated,
    }));
}

/** A resource type is typed with colons (`AWS::S3::Bucket`): replace the whole token, not just the last word. */
function typeSpan(text: string, word: Span): Span {
  let start = word.start;
  while (start > 0 && /[\w:]/.test(text[start - 1]!)) start--;
  let end = word.end;
  while (end < text.length && /[\w:]/.test(text[end]!)) end++;
  return { start, end };
}
