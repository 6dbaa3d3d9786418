/**
 * Completion: finds what the cursor is on (a key, a value, a Ref/GetAtt argument) and asks the module for that
 * context: completionProperties.ts (property names), completionValues.ts (Berth's own value lists, else the
 * schema's enum), completionIntrinsics.ts (Ref and GetAtt targets), dockerfileGeneric.ts (Dockerfiles).
 */
import { prepare, type PreparedDocument } from '../analyze';
import type { Node, Path, Span } from '../parse/tree';
import type { WorkspaceView } from '../workspace/index';
import { propertyDocAt } from '../schema/registry';
import { locate } from './locate';
import { enumOf, resourceTypeChoices, templateLevelAt } from './cfnSpec';
import { intrinsicCompletions } from './completionIntrinsics';
import { keyEditAt } from './completionKeyEdit';
import { parentObject, propertyEntries, templatePropertyEntries } from './completionProperties';
import { valueCompletions } from './completionValues';
import { dockerfileGenericCompletionsAt } from './dockerfileGeneric';
import { samFunctionPath, schemaPathFor } from './schemaPath';
import { terraformCompletions, terraformJsonCompletions } from './completionTerraform';
import { PROBE, jsonKeyProbe } from './completionProbe';
import type { CompletionEntry } from './types';


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
  if (doc.kind === 'terraform') return doc.format === 'hcl' ? terraformCompletions(doc, offset, word, options) : terraformJsonCompletions(doc, offset, word, options);
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
  const found = locate(root, probeOffset) ?? (target.format === 'yaml' ? locate(root, Math.min(probeOffset, root.span.end)) : undefined);
  if (!found) return [];
  // The cursor right after a key (`{ Cpu: 256, Mem| }`) is on that key, not on its empty value.
  const touchesKey = found.pair !== undefined && probeOffset >= found.pair.keySpan.start && probeOffset <= found.pair.keySpan.end;
  const at = touchesKey && !found.onKey ? { ...found, onKey: true } : found;
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
    const edit = keyEditAt(doc.text, offset, word, doc.format);
    if (!mapped) {
      // Other covered resource types: property names from the CloudFormation resource spec.
      const properties = kind === 'cloudformation' ? templateLevelAt(target.model?.template, objectPath)?.properties : undefined;
      return properties ? templatePropertyEntries(properties, objectNode, edit) : [];
    }
    return propertyEntries(mapped.kind, mapped.path, objectNode, edit, mapped.pascal ?? false);
  }
  return [];
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
  if (doc.format === 'json') return jsonKeyProbe(text, offset, word);
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

/** A resource type is typed with colons (`AWS::S3::Bucket`): replace the whole token, not just the last word. */
function typeSpan(text: string, word: Span): Span {
  let start = word.start;
  while (start > 0 && /[\w:]/.test(text[start - 1]!)) start--;
  let end = word.end;
  while (end < text.length && /[\w:]/.test(text[end]!)) end++;
  return { start, end };
}
