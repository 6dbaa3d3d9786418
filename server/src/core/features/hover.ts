import type { PreparedDocument } from '../analyze';
import { getConcept } from '../docs/concepts';
import { conceptForProperty } from '../docs/propertyConcepts';
import type { Span } from '../parse/tree';
import { propertyDocAt } from '../schema/registry';
import { locate } from './locate';
import { schemaPathFor } from './schemaPath';

export interface HoverResult {
  readonly markdown: string;
  readonly span: Span;
}

/** Hover for the key (or value) under the cursor: AWS's property docs, bounds, and Berth's concept summary. */
export function hoverAt(doc: PreparedDocument, offset: number): HoverResult | undefined {
  if (!doc.kind || !doc.tree?.root) return undefined;
  const at = locate(doc.tree.root, offset);
  if (!at?.pair) return undefined;
  const mapped = schemaPathFor(doc.kind, at.path, (id) => {
    const type = doc.model?.template?.resourcesById.get(id)?.type;
    return type?.known ? type.value : undefined;
  });
  const parts: string[] = [];
  const name = at.pair.key;
  const propertyDoc = mapped ? propertyDocAt(mapped.kind, mapped.path) : undefined;
  if (propertyDoc) {
    parts.push(`**${name}**`);
    if (propertyDoc.markdownDescription) parts.push(propertyDoc.markdownDescription);
    const bounds: string[] = [];
    if (propertyDoc.minimum !== undefined || propertyDoc.maximum !== undefined) {
      bounds.push(`Range: ${propertyDoc.minimum ?? '…'}–${propertyDoc.maximum ?? '…'}`);
    }
    if (propertyDoc.enum?.length) bounds.push(`Values: ${propertyDoc.enum.map((v) => `\`${String(v)}\``).join(', ')}`);
    if (bounds.length) parts.push(bounds.join('  \n'));
  }
  const conceptId = conceptForProperty(name);
  const concept = conceptId ? getConcept(conceptId) : undefined;
  if (concept && (propertyDoc || doc.kind !== 'cloudformation' || mapped)) {
    parts.push(`---\n**Berth: ${concept.title}.** ${concept.summary} [AWS docs](${concept.awsDocs})`);
  }
  if (!parts.length) return undefined;
  return { markdown: parts.join('\n\n'), span: at.onKey ? at.pair.keySpan : at.node.span };
}
