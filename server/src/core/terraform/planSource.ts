/**
 * A plan's findings at the place the user edits: when the configuration the plan was made from is in the workspace
 * (the `.tf` files beside the plan JSON), a finding inside a resource's planned values moves to that resource's block
 * in the `.tf` file, found by its address, and there to the argument on the same path when the file writes it
 * (`load_balancer[0].container_port`, into jsonencode() or JSON in a heredoc), else to the resource's name label.
 * The planned value stays as a related location. A resource of a child module goes to the module's folder when its
 * source is local (`./modules/app`); a resource of a remote module, or one the folder does not declare, keeps its
 * finding in the plan.
 */
import type { TerraformFile, TerraformResource } from '../model/terraform';
import { jsonInHclString, jsonInJsonString } from '../parse/embeddedJson';
import type { Limits } from '../parse/limits';
import type { Node, Pair, Span } from '../parse/tree';
import type { WorkspaceView } from '../workspace/index';
import { planModuleFolders } from '../workspace/references';
import { planModules, planResources, type PlanResource } from './plan';
import { resourceLabelPair } from './resources';

/** One step of a path in a resource's values: a key (its key span is the target when `key` is set) or a list index. */
type Step = { readonly key: string; readonly onKey: boolean } | { readonly index: number };

interface Declared {
  readonly uri: string;
  readonly file: TerraformFile;
  readonly resource: TerraformResource;
}

/** What this module reads of a finding (rules/types.ts Finding; the rules layer is above this one). */
interface Placed {
  readonly uri?: string;
  readonly ruleId: string;
  readonly span: Span;
  readonly fix?: unknown;
  readonly related: readonly { readonly uri?: string; readonly span: Span; readonly message: string }[];
}

export interface PlanDocument {
  readonly uri: string;
  readonly text: string;
  readonly root: Node | undefined;
}

/** The findings of a plan, each moved to the `.tf` file that declares its resource when the workspace has it. */
export function findingsInConfiguration<F extends Placed>(plan: PlanDocument, findings: readonly F[], workspace: WorkspaceView, limits: Limits): F[] {
  const declared = new Map<string, Declared>();
  for (const { address, folder } of planModuleFolders(plan.uri, planModules(plan.root))) {
    for (const doc of workspace.documentsInFolder(folder)) {
      const file = doc.kind === 'terraform' ? doc.model.terraform : undefined;
      if (!file || file.isVars) continue;
      for (const resource of file.resources) declared.set(address ? `${address}.${resource.address}` : resource.address, { uri: doc.uri, file, resource });
    }
  }
  if (declared.size === 0) return [...findings];
  const resources = planResources(plan.root);
  const place = (span: Span): { uri: string; span: Span } | undefined => {
    const planned = resources.find((r) => contains(r.node.span, span));
    if (!planned) return undefined;
    const target = declared.get(withoutInstanceKeys(planned.address));
    return target && { uri: target.uri, span: placeIn(target, pathTo(planned, span, plan.text, limits), limits) };
  };
  return findings.map((finding): F => {
    const moved = place(finding.span);
    if (!moved) return finding;
    const related = finding.related.map((r) => {
      if (r.uri !== undefined) return r;
      const there = place(r.span);
      return there ? { ...r, ...there } : { ...r, uri: plan.uri };
    });
    // The fix edits the plan's text: it has no place in the .tf file.
    return { ...finding, fix: undefined, uri: moved.uri, span: moved.span, related: [{ uri: plan.uri, span: finding.span, message: 'The planned value' }, ...related] };
  });
}

/** `module.app["blue"].aws_ecs_service.web[0]` → `module.app.aws_ecs_service.web`: the address the configuration declares. */
function withoutInstanceKeys(address: string): string {
  return address.replace(/\[(?:"(?:[^"\\]|\\.)*"|\d+)\]/g, '');
}

/**
 * Whether two findings shown in one document are the same problem: the same rule, and the place of one is a place of
 * the other (where it is shown, or one of its related locations in that document). A plan's finding moved to a `.tf`
 * file is left out when the file's own findings already report it (ecs/valid-target-type on the service's
 * target_group_arn from the source, on the target group from the plan).
 */
export function sameProblem(a: Placed, aHome: string, b: Placed, bHome: string): boolean {
  if (a.ruleId !== b.ruleId) return false;
  const shownAt = (f: Placed, home: string) => ({ uri: f.uri ?? home, span: f.span });
  const placesOf = (f: Placed, home: string) => [shownAt(f, home), ...f.related.map((r) => ({ uri: r.uri ?? home, span: r.span }))];
  const among = (place: { uri: string; span: Span }, places: readonly { uri: string; span: Span }[]) =>
    places.some((p) => p.uri === place.uri && p.span.start === place.span.start && p.span.end === place.span.end);
  return among(shownAt(a, aHome), placesOf(b, bHome)) || among(shownAt(b, bHome), placesOf(a, aHome));
}

/** The path from the resource's values to the node at `span` (into JSON held in a string, too). */
function pathTo(planned: PlanResource, span: Span, text: string, limits: Limits): Step[] | undefined {
  const steps: Step[] = [];
  let node: Node | undefined = planned.values;
  if (!node || !contains(node.span, span)) return undefined;
  while (node && !(node.span.start === span.start && node.span.end === span.end)) {
    if (node.kind === 'object') {
      const pair: Pair | undefined = node.pairs.find((p) => contains(p.span, span));
      if (!pair) break;
      const onKey = pair.keySpan.start === span.start && pair.keySpan.end === span.end;
      steps.push({ key: pair.key, onKey });
      if (onKey) break;
      node = pair.value;
    } else if (node.kind === 'array') {
      const index: number = node.items.findIndex((item) => contains(item.span, span));
      if (index < 0) break;
      steps.push({ index });
      node = node.items[index];
    } else if (node.kind === 'scalar' && typeof node.value === 'string') {
      node = jsonInJsonString(text, node, limits)?.root;
    } else break;
  }
  return steps;
}

/** The span in the `.tf` file for a path: as far along it as the file writes it. */
function placeIn(target: Declared, path: readonly Step[] | undefined, limits: Limits): Span {
  const label = resourceLabelPair(target.resource).keySpan;
  if (!path || path.length === 0) return label;
  let node: Node = target.resource.body;
  let landing: Span = label;
  for (let i = 0; i < path.length; i++) {
    const step = path[i]!;
    const value = written(node, target.file.text, limits);
    if ('index' in step) {
      if (value.kind !== 'array' || !value.items[step.index]) return landing;
      node = value.items[step.index]!;
      landing = node.span;
      continue;
    }
    if (value.kind !== 'object') return landing;
    const pairs = value.pairs.filter((p) => p.key === step.key);
    const next = path[i + 1];
    // A nested block repeats its key (`load_balancer { … }` twice) where the plan lists its blocks.
    const repeated = next && 'index' in next && (pairs.length > 1 || pairs[0]?.value.kind === 'object') ? pairs[next.index] : undefined;
    const pair: Pair | undefined = repeated ?? pairs[pairs.length - 1];
    if (!pair) return landing;
    if (step.onKey) return pair.keySpan;
    if (repeated) i++;
    node = pair.value;
    landing = i === path.length - 1 ? pair.value.span : pair.keySpan;
  }
  return node.span;
}

/** What a written value holds: the argument of jsonencode(), the JSON in a string or heredoc, else itself. */
function written(node: Node, text: string, limits: Limits): Node {
  if (node.kind === 'expression' && node.form === 'call' && node.name === 'jsonencode' && node.args.length === 1) return node.args[0]!;
  if (node.kind === 'scalar' || (node.kind === 'expression' && node.form === 'template')) return jsonInHclString(text, node, limits)?.root ?? node;
  return node;
}

function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

