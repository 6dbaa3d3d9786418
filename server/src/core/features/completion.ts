import { prepare, type PreparedDocument } from '../analyze';
import type { Node, Path, Span } from '../parse/tree';
import { propertyDocAt, resolveRef, schemaAt, schemaFor, type SchemaKind } from '../schema/registry';
import { locate } from './locate';
import { schemaPathFor } from './schemaPath';

export interface CompletionEntry {
  readonly label: string;
  readonly kind: 'property' | 'value';
  readonly detail?: string;
  readonly documentation?: string;
  readonly insertText: string;
  /** The text the entry replaces (the word being typed). */
  readonly span: Span;
  readonly deprecated?: boolean;
  readonly sortText?: string;
}

const PROBE = '__berth_probe__';

/**
 * Property names and enum values from the schemas. A half-typed key usually breaks the parse, so the
 * current word is completed with a probe key and the probe document is used to find where it sits.
 */
export function completionsAt(doc: PreparedDocument, offset: number): CompletionEntry[] {
  const word = wordAt(doc.text, offset);
  let target = doc;
  let probeOffset = offset;
  if (!doc.tree?.root || !doc.model) {
    const probe = probeText(doc, offset, word);
    if (!probe) return [];
    target = prepare({ uri: doc.uri, text: probe.text });
    probeOffset = probe.offset;
    if (!target.tree?.root) return [];
  }
  const root = target.tree!.root!;
  const at = locate(root, probeOffset);
  if (!at) return [];
  const resourceType = (id: string) => {
    const type = target.model?.template?.resourcesById.get(id)?.type;
    return type?.known ? type.value : undefined;
  };
  const kind = target.kind ?? doc.kind;
  if (!kind) return [];

  // A key (or a blank spot inside an object): suggest the object's properties.
  const onProbe = at.pair?.key.includes(PROBE);
  if (at.onKey || onProbe || (at.node.kind === 'object' && !at.pair)) {
    const objectPath = at.onKey || onProbe ? at.path.slice(0, -1) : at.path;
    const objectNode = at.onKey || onProbe ? parentObject(root, objectPath) : at.node;
    const mapped = schemaPathFor(kind, objectPath, resourceType);
    if (!mapped) return [];
    return propertyEntries(mapped.kind, mapped.path, objectNode, word, target.format === 'json', doc.format === 'json' && isInsideQuotes(doc.text, offset), mapped.pascal ?? false);
  }
  // A value: suggest the enum values of its property.
  if (at.pair && at.node.kind === 'scalar') {
    const mapped = schemaPathFor(kind, at.path, resourceType);
    const propertyDoc = mapped ? propertyDocAt(mapped.kind, mapped.path) : undefined;
    return (propertyDoc?.enum ?? []).map((value, i) => ({
      label: String(value),
      kind: 'value' as const,
      insertText: String(value),
      span: word,
      sortText: String(i).padStart(4, '0'),
    }));
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
    const open = text.lastIndexOf('"', word.start);
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
