/** Completion of property names: from the API schemas, and from the CloudFormation resource spec for other types. */
import type { CfnPropertySpec } from '../facts/cfnResources';
import type { Node, Path } from '../parse/tree';
import { propertyDocAt, resolveRef, schemaAt, schemaFor } from '../schema/registry';
import type { SchemaKind } from '../schema/kinds';
import type { KeyEdit } from './completionKeyEdit';
import type { CompletionEntry } from './types';

export function propertyEntries(kind: SchemaKind, path: Path, objectNode: Node | undefined, edit: KeyEdit, pascal: boolean): CompletionEntry[] {
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
        ...keyText(edit, name),
        sortText: `${required.has(schemaName) ? '0' : '1'}${name}`,
      };
    });
}

export function templatePropertyEntries(properties: Readonly<Record<string, CfnPropertySpec>>, objectNode: Node | undefined, edit: KeyEdit): CompletionEntry[] {
  const present = new Set(objectNode?.kind === 'object' ? objectNode.pairs.map((p) => p.key) : []);
  return Object.entries(properties)
    .filter(([name]) => !present.has(name))
    .map(([name, spec]) => ({
      label: name,
      kind: 'property' as const,
      detail: spec.required ? 'required' : undefined,
      documentation: spec.documentation,
      ...keyText(edit, name),
      sortText: `${spec.required ? '0' : '1'}${name}`,
      deprecated: spec.deprecated,
    }));
}

function keyText(edit: KeyEdit, name: string): Pick<CompletionEntry, 'insertText' | 'span' | 'filterText' | 'additionalEdits'> {
  return { insertText: edit.newText(name), span: edit.span, filterText: edit.filterText(name), additionalEdits: edit.additionalEdits };
}

/** The node at `path` below `root`, if there is one. */
export function parentObject(root: Node, path: Path): Node | undefined {
  let node: Node | undefined = root;
  for (const step of path) {
    if (!node) return undefined;
    if (typeof step === 'number') node = node.kind === 'array' ? node.items[step] : undefined;
    else node = node.kind === 'object' ? node.pairs.find((p) => p.key === step)?.value : undefined;
  }
  return node;
}

