/**
 * The reference graph of a CloudFormation/SAM template: every Ref, GetAtt, Sub `${…}`, DependsOn and
 * Condition reference from resources, outputs, conditions and SAM Globals (referenceWalk.ts), each with the span
 * of the name it uses and what that name is (referenceTargets.ts, SAM's generated names included). Pure; one graph
 * per Template object, shared by every rule (cf. cfn-lint's `graph.py`).
 */
import type { Template } from '../model/template';
import { referenceClassifier, usesSamSemantics } from './referenceTargets';
import type { Reference, ReferenceGraph } from './referenceTypes';
import { walkReferences } from './referenceWalk';

export type { Reference, ReferenceGraph, ReferenceKind, ResourceRef, SourceSection, TargetKind } from './referenceTypes';

const cache = new WeakMap<Template, ReferenceGraph>();

/**
 * The graph of this template, built once. `text` (the document) lets references inside Sub strings get their
 * exact spans; without it they get the span of the whole string.
 */
export function referenceGraph(template: Template, text?: string): ReferenceGraph {
  let graph = cache.get(template);
  if (!graph) {
    graph = buildGraph(template, text);
    cache.set(template, graph);
  }
  return graph;
}

function buildGraph(template: Template, text: string | undefined): ReferenceGraph {
  const sam = usesSamSemantics(template);
  const { references, closed } = walkReferences(template, text, referenceClassifier(template, sam), sam);

  const byFrom = groupBy(references, (r) => r.from);
  const byTarget = groupBy(references, (r) => r.target);
  const sorted = [...references].sort((a, b) => a.span.start - b.span.start);
  const order = new Map(references.map((r, i) => [r, i]));
  /** References lying within [start, end], in walk order; a binary search, since a rule may ask once per value. */
  const referencesWithin = (start: number, end: number): Reference[] => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]!.span.start < start) lo = mid + 1;
      else hi = mid;
    }
    const found: Reference[] = [];
    for (let i = lo; i < sorted.length && sorted[i]!.span.start <= end; i++) if (sorted[i]!.span.end <= end) found.push(sorted[i]!);
    return found.sort((a, b) => order.get(a)! - order.get(b)!);
  };

  const graph: ReferenceGraph = {
    template,
    references,
    closed,
    referencesFrom: (id) => byFrom.get(id) ?? [],
    referencesTo: (id) => byTarget.get(id) ?? [],
    referenceAt: (offset) => sorted.find((r) => r.span.start <= offset && offset <= r.span.end),
    resolveResourceRef: (node) => {
      if (!node || node.kind !== 'intrinsic') return undefined;
      const inside = referencesWithin(node.span.start, node.span.end).filter(
        (r) =>
          (r.targetKind === 'resource' || (r.targetKind === 'implicit' && r.samProperty !== undefined && template.resourcesById.has(r.target))) &&
          (r.kind === 'Ref' || r.kind === 'GetAtt' || r.kind === 'Sub'),
      );
      const targets = new Set(inside.map((r) => r.target));
      if (targets.size !== 1) return undefined;
      const reference = inside[0]!;
      const resource = template.resourcesById.get(reference.target)!;
      const extra = { attribute: reference.attribute, ...(reference.samProperty !== undefined ? { samProperty: reference.samProperty } : {}), reference };
      if (node.name === 'Ref' || node.name === 'Fn::GetAtt') {
        if (reference.node !== node) return undefined;
        return { resource, via: node.name === 'Ref' ? 'Ref' : 'GetAtt', ...extra };
      }
      if (node.name === 'Fn::Sub') return { resource, via: 'Sub', ...extra };
      if (node.name === 'Fn::Join') return { resource, via: 'Join', ...extra };
      return undefined;
    },
  };
  return graph;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
