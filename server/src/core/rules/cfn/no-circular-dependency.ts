import { referenceGraph, type Reference } from '../../template/graph';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'cfn/no-circular-dependency',
  kinds: ['cloudformation'],
  unconditional: true,
  severity: 'error',
  docs: {
    summary: 'Disallow resources that depend on each other in a circle (DependsOn, Ref, GetAtt, Sub)',
    concept: 'cloudformation-intrinsics',
    reference: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-dependson.html',
  },
  messages: {
    circular:
      'Circular dependency: {cycle}. CloudFormation creates a resource only after everything it depends on, so it cannot order these and rejects the template. Break the circle: remove a DependsOn that is not needed, or move the referencing property to a separate resource (e.g. a BucketPolicy or SecurityGroupIngress instead of an inline one).',
  },
  check(ctx) {
    const template = ctx.model.template;
    if (!template) return;
    const graph = referenceGraph(template, ctx.text);
    // Edges that always exist: resource to resource, outside Fn::If branches. A Ref/GetAtt/Sub inside an
    // AWS::Serverless::* resource (or a Connectors attribute) belongs to one of the several resources SAM expands
    // it into, so it is no edge of the resource as a whole; its DependsOn still is (SAM passes it on).
    const edges = graph.references.filter(
      (r) => r.section === 'Resources' && r.targetKind === 'resource' && !r.conditional && r.kind !== 'Condition' && (r.kind === 'DependsOn' || !r.samExpanded),
    );
    const out = new Map<string, Reference[]>();
    for (const e of edges) {
      const list = out.get(e.from) ?? [];
      list.push(e);
      out.set(e.from, list);
    }
    for (const component of stronglyConnected(template.resources.map((r) => r.logicalId), out)) {
      const members = new Set(component);
      // Only the members' own edges: filtering every edge per component would be quadratic in the resources.
      const inside = component.flatMap((id) => (out.get(id) ?? []).filter((e) => members.has(e.target)));
      if (component.length === 1 && !inside.length) continue;
      const cycle = findCycle(component[0]!, members, out);
      const sorted = [...inside].sort((a, b) => a.span.start - b.span.start);
      const first = sorted.find((e) => e.kind === 'DependsOn') ?? sorted[0]!;
      ctx.report({
        at: first.span,
        messageId: 'circular',
        data: { cycle: cycle.join(' → ') },
        related: sorted.filter((e) => e !== first).map((e) => ({ at: e.span, message: `${e.from} depends on ${e.target} here (${e.kind})` })),
      });
    }
  },
});

/** Tarjan's strongly connected components, in order of first discovery. */
function stronglyConnected(nodes: readonly string[], out: ReadonlyMap<string, readonly Reference[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const result: string[][] = [];
  const strong = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const e of out.get(v) ?? []) {
      const w = e.target;
      if (!index.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      result.push(component.reverse());
    }
  };
  for (const n of nodes) if (!index.has(n)) strong(n);
  const order = new Map(nodes.map((n, i) => [n, i]));
  const rank = (id: string): number => order.get(id) ?? nodes.length;
  return result.sort((a, b) => rank(a[0]!) - rank(b[0]!));
}

/** One cycle through `start` inside the component, as logical ids ending where it began. */
function findCycle(start: string, members: ReadonlySet<string>, out: ReadonlyMap<string, readonly Reference[]>): string[] {
  const path: string[] = [start];
  const seen = new Set<string>([start]);
  const dfs = (v: string): boolean => {
    for (const e of out.get(v) ?? []) {
      if (!members.has(e.target)) continue;
      if (e.target === start) {
        path.push(start);
        return true;
      }
      if (seen.has(e.target)) continue;
      seen.add(e.target);
      path.push(e.target);
      if (dfs(e.target)) return true;
      path.pop();
    }
    return false;
  };
  dfs(start);
  return path;
}
