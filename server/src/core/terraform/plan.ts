/**
 * The JSON of `terraform show -json <planfile>` as the one model. Each resource of `planned_values` (the root module
 * and its child modules) has its `values` in the provider's schema: the names of the `.tf` arguments, a nested block
 * as a list of objects (which the builders read as they read repeated blocks), JSON arguments as JSON strings. That
 * object becomes the body the HCL conversion gives a resource, so the Terraform builders and the rules read a plan
 * as they read the source. The values are final: what the source leaves unknown (a variable set on the command
 * line, a function's result) is known here. What the plan cannot know yet (its `after_unknown`: the ARN of a
 * resource still to be created) is an unknown expression, a reference to that resource when the configuration
 * says which, so resources still link up.
 */
import { TERRAFORM_JSON_ARGUMENTS } from '../facts/terraform';
import type { DocumentModel } from '../model/document';
import { isLocalModuleSource, type PlanModule, type TerraformResource } from '../model/terraform';
import { jsonInJsonString } from '../parse/embeddedJson';
import type { Limits } from '../parse/limits';
import { asArray, asObject, getPair, getValue, scalarString, type ExpressionNode, type Node, type ObjectNode, type Pair, type ParseProblem, type Span } from '../parse/tree';
import { withModel } from './document';
import { addResource, finishTerraformModel, isModelled, newTerraformModel } from './module';

/** One resource instance of the plan. */
export interface PlanResource {
  /** As the plan writes it: `module.app.aws_ecs_service.web["blue"]`. */
  readonly address: string;
  /** `module.app` (absent in the root module). */
  readonly moduleAddress?: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  /** The resource's object in planned_values. */
  readonly node: ObjectNode;
  /** Its `values`, as written in the plan. */
  readonly values?: ObjectNode;
}

/** Every resource instance in planned_values, the root module's first, then each child module's, depth first. */
export function planResources(root: Node | undefined): PlanResource[] {
  const out: PlanResource[] = [];
  const visit = (module: Node | undefined, depth: number): void => {
    if (depth > MAX_MODULE_DEPTH) return;
    for (const item of asArray(getValue(module, 'resources'))?.items ?? []) {
      const node = asObject(item);
      const address = scalarString(getValue(node, 'address'));
      const type = scalarString(getValue(node, 'type'));
      const name = scalarString(getValue(node, 'name'));
      if (!node || !address || !type || !name) continue;
      const moduleAddress = /^(module\..+?)\.(?:data\.)?[^.[]+\.[^.[]+(\[.*\])?$/.exec(address)?.[1];
      out.push({ address, moduleAddress, mode: scalarString(getValue(node, 'mode')) === 'data' ? 'data' : 'managed', type, name, node, values: asObject(getValue(node, 'values')) });
    }
    for (const child of asArray(getValue(module, 'child_modules'))?.items ?? []) visit(child, depth + 1);
  };
  visit(getValue(getValue(root, 'planned_values'), 'root_module'), 0);
  return out;
}

/** Terraform nests modules only as deep as people write them; a hostile file does not get a deeper walk. */
const MAX_MODULE_DEPTH = 64;

/** The model of a plan: its resources built as the module's are, with nothing owned by another document. */
export function terraformPlanModel(root: Node | undefined, text: string, limits: Limits): DocumentModel {
  const building = newTerraformModel(new Map());
  const problems = building.model.embeddedProblems as ParseProblem[];
  const unknowns = afterUnknown(root);
  const resources: TerraformResource[] = [];
  for (const planned of planResources(root)) {
    if (!isModelled(planned)) continue;
    const resource = asTerraformResource(planned, configExpressions(root, planned), unknowns.get(planned.address));
    resources.push(resource);
    addResource(building, {
      resource,
      body: resource.body,
      json: (pair) => {
        if (!TERRAFORM_JSON_ARGUMENTS[planned.type]?.includes(pair.key)) return undefined;
        if (pair.value.kind === 'array' || pair.value.kind === 'object') return pair.value;
        const json = jsonInJsonString(text, pair.value, limits);
        problems.push(...(json?.problems ?? []));
        return json?.root;
      },
    });
  }
  const model = finishTerraformModel(building, () => resources);
  return withModel({ kind: 'terraform-plan', root, taskDefinitions: [], services: [], jobDefinitions: [], lambdaFunctions: [], planModules: planModules(root) }, model);
}

/**
 * The plan's modules that are local folders, from its `configuration`: the root module (`.`), then each
 * `module_calls` entry whose `source` is `./…` or `../…`, relative to its caller's folder. A remote module and
 * the modules it calls are left out: their files are not in the workspace.
 */
export function planModules(root: Node | undefined): PlanModule[] {
  const out: PlanModule[] = [{ address: '', folder: '.' }];
  const visit = (module: Node | undefined, address: string, folder: string, depth: number): void => {
    if (depth >= MAX_MODULE_DEPTH) return;
    for (const call of asObject(getValue(module, 'module_calls'))?.pairs ?? []) {
      const source = scalarString(getValue(call.value, 'source'));
      if (source === undefined || !isLocalModuleSource(source)) continue;
      const child = { address: `${address ? `${address}.` : ''}module.${call.key}`, folder: `${folder === '.' ? '' : `${folder}/`}${source.replace(/\\/g, '/').replace(/\/+$/, '')}` };
      out.push(child);
      visit(getValue(call.value, 'module'), child.address, child.folder, depth + 1);
    }
  };
  visit(getValue(getValue(root, 'configuration'), 'root_module'), '', '.', 0);
  return out;
}

/**
 * The plan's resource as the source's: its values as the body, and as its name label the `address` string, where
 * findings about the resource as a whole land. A resource of the root module keeps the address the configuration
 * refers to it by (without a count or for_each key), so references between resources find it.
 */
function asTerraformResource(planned: PlanResource, expressions: Node | undefined, unknown: Node | undefined): TerraformResource {
  const addressPair = getPair(planned.node, 'address')!;
  const typePair = getPair(planned.node, 'type')!;
  const span = planned.values?.span ?? planned.node.span;
  const address = planned.moduleAddress ? planned.address : planned.address.replace(/\[.*\]$/, '');
  return {
    pair: addressPair,
    labels: [
      { name: planned.type, span: typePair.value.span },
      { name: planned.name, span: addressPair.value.span },
    ],
    body: planBody(planned.values, unknown, planned.moduleAddress ? undefined : expressions, span),
    mode: planned.mode,
    type: planned.type,
    name: planned.name,
    address,
  };
}

/**
 * The body the HCL conversion would give: an argument the plan leaves null, or a block list it leaves empty, is one
 * the source does not set; a value still unknown is an unknown expression at its `after_unknown` entry.
 */
function planBody(values: ObjectNode | undefined, unknown: Node | undefined, expressions: Node | undefined, span: Span): ObjectNode {
  const pairs: Pair[] = [];
  for (const pair of values?.pairs ?? []) {
    const value = planValue(pair.value, getValue(unknown, pair.key), getValue(expressions, pair.key));
    if (value) pairs.push(value === pair.value ? pair : { ...pair, value });
  }
  for (const pair of asObject(unknown)?.pairs ?? []) {
    if (isTrue(pair.value) && !values?.pairs.some((p) => p.key === pair.key && !isNull(p.value))) {
      pairs.push({ ...pair, value: unknownValue(pair.value.span, getValue(expressions, pair.key)) });
    }
  }
  return { kind: 'object', span, pairs };
}

function planValue(node: Node, unknown: Node | undefined, expressions: Node | undefined): Node | undefined {
  if (isNull(node)) return isTrue(unknown) ? unknownValue(node.span, expressions) : undefined;
  if (node.kind === 'array') {
    if (node.items.length === 0) return undefined;
    const items = node.items.map((item, i) => planValue(item, asArray(unknown)?.items[i], asArray(expressions)?.items[i]) ?? item);
    return items.every((item, i) => item === node.items[i]) ? node : { ...node, items };
  }
  if (node.kind === 'object') return planBody(node, unknown, expressions, node.span);
  // A known ARN of another resource of the module: the configuration's reference keeps the two linked.
  if (node.kind === 'scalar' && typeof node.value === 'string' && node.value.startsWith('arn:')) {
    const traversal = referenceOf(expressions);
    if (traversal) return { kind: 'expression', span: node.span, form: 'reference', traversal, args: [] };
  }
  return node;
}

function unknownValue(span: Span, expressions: Node | undefined): ExpressionNode {
  const traversal = referenceOf(expressions);
  return traversal ? { kind: 'expression', span, form: 'reference', traversal, args: [] } : { kind: 'expression', span, form: 'other', args: [] };
}

/**
 * The resource an argument's configuration expression refers to (`"references": ["aws_lb_target_group.app.arn",
 * "aws_lb_target_group.app"]`), as a traversal: `['aws_lb_target_group', 'app', 'arn']`.
 */
function referenceOf(expressions: Node | undefined): string[] | undefined {
  for (const item of asArray(getValue(expressions, 'references'))?.items ?? []) {
    const reference = scalarString(item);
    if (reference && /^aws_/.test(reference)) return reference.split('.').map((step) => step.replace(/\[.*\]$/, ''));
  }
  return undefined;
}

/** `after_unknown` of each resource change, by address. */
function afterUnknown(root: Node | undefined): Map<string, Node> {
  const out = new Map<string, Node>();
  for (const change of asArray(getValue(root, 'resource_changes'))?.items ?? []) {
    const address = scalarString(getValue(change, 'address'));
    const unknown = getValue(getValue(change, 'change'), 'after_unknown');
    if (address && unknown) out.set(address, unknown);
  }
  return out;
}

/** The `expressions` of a root-module resource in the plan's `configuration`. */
function configExpressions(root: Node | undefined, planned: PlanResource): Node | undefined {
  if (planned.moduleAddress) return undefined;
  const wanted = `${planned.mode === 'data' ? 'data.' : ''}${planned.type}.${planned.name}`;
  const resources = asArray(getValue(getValue(getValue(root, 'configuration'), 'root_module'), 'resources'));
  const config = resources?.items.find((item) => scalarString(getValue(item, 'address')) === wanted);
  return getValue(config, 'expressions');
}

function isNull(node: Node): boolean {
  return node.kind === 'scalar' && node.value === null;
}

function isTrue(node: Node | undefined): boolean {
  return node?.kind === 'scalar' && node.value === true;
}
