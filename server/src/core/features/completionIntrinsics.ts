/** Completion inside a template's intrinsic functions: Ref and GetAtt targets, and GetAtt attributes. */
import type { PreparedDocument } from '../analyze';
import { attributesOf } from '../facts/cfnResources';
import { PSEUDO_PARAMETERS } from '../facts/cloudformation';
import type { Node, Span } from '../parse/tree';
import { valueEntry } from './completionValues';
import type { CompletionEntry } from './types';

/** Ref and GetAtt targets (and GetAtt attributes) inside a template's intrinsic functions; undefined elsewhere. */
export function intrinsicCompletions(doc: PreparedDocument, offset: number, word: Span): CompletionEntry[] | undefined {
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

