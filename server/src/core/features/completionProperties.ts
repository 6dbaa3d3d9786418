/** Completion of property names: from the API schemas, and from the CloudFormation resource spec for other types. */
import type { CfnPropertySpec } from '../facts/cfnResources';
import type { Node, Path, Span } from '../parse/tree';
import { propertyDocAt, resolveRef, schemaAt, schemaFor } from '../schema/registry';
import type { SchemaKind } from '../schema/kinds';
import type { CompletionEntry } from './types';

/** `hcl`: Terraform's object syntax (`name = `; jsonencode objects), whatever `json` says. */
export function propertyEntries(kind: SchemaKind, path: Path, objectNode: Node | undefined, word: Span, json: boolean, inQuotes: boolean, pascal: boolean, hcl = false): CompletionEntry[] {
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
        insertText: hcl ? `${name} = ` : json && !inQuotes ? `"${name}": ` : json ? name : `${name}: `,
        span: word,
        sortText: `${required.has(schemaName) ? '0' : '1'}${name}`,
      };
    });
}

export function templatePropertyEntries(properties: Readonly<Record<string, CfnPropertySpec>>, objectNode: Node | undefined, word: Span, json: boolean, inQuotes: boolean): CompletionEntry[] {
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

