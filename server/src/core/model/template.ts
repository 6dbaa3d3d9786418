import { asArray, asObject, getPair, getValue, scalarString, type Node, type ObjectNode, type Pair } from '../parse/tree';
import { ObjView, locString, type Located } from './located';

export interface Template {
  readonly node: ObjectNode;
  /** True when Transform includes AWS::Serverless-2016-10-31. */
  readonly isSam: boolean;
  /** The Transform names in order (none without a Transform); undefined for one an intrinsic function gives. */
  readonly transforms: readonly (string | undefined)[];
  readonly parameters: ReadonlyMap<string, Parameter>;
  readonly mappings?: ObjectNode;
  readonly conditions: ReadonlyMap<string, Pair>;
  readonly resources: readonly Resource[];
  readonly resourcesById: ReadonlyMap<string, Resource>;
  readonly outputs: ReadonlyMap<string, Pair>;
  /** SAM `Globals` section. */
  readonly globals?: ObjectNode;
}

export interface Parameter {
  readonly name: string;
  readonly pair: Pair;
  readonly type?: Located<string>;
  readonly default?: Node;
  readonly allowedValues: Node[];
}

export interface Resource {
  readonly logicalId: string;
  readonly pair: Pair;
  readonly node?: ObjectNode;
  readonly type?: Located<string>;
  /** Properties, read in PascalCase. */
  readonly properties?: ObjView;
  readonly metadata?: ObjectNode;
  readonly dependsOn: Located<string>[];
  readonly condition?: Located<string>;
}

export const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

export function buildTemplate(root: ObjectNode): Template {
  const transform = getValue(root, 'Transform');
  const transforms = !transform ? [] : transform.kind === 'array' ? transform.items.map(scalarString) : [scalarString(transform)];
  const parameters = new Map<string, Parameter>();
  for (const pair of asObject(getValue(root, 'Parameters'))?.pairs ?? []) {
    const body = asObject(pair.value);
    const typePair = getPair(body, 'Type');
    parameters.set(pair.key, {
      name: pair.key,
      pair,
      type: typePair ? locString(typePair.value, typePair) : undefined,
      default: getValue(body, 'Default'),
      allowedValues: asArray(getValue(body, 'AllowedValues'))?.items ?? [],
    });
  }
  const resources: Resource[] = [];
  const resourcesById = new Map<string, Resource>();
  for (const pair of asObject(getValue(root, 'Resources'))?.pairs ?? []) {
    const body = asObject(pair.value);
    const typePair = getPair(body, 'Type');
    const dependsOnNode = getValue(body, 'DependsOn');
    const dependsOn =
      dependsOnNode?.kind === 'array' ? dependsOnNode.items.map((n) => locString(n)) : dependsOnNode ? [locString(dependsOnNode, getPair(body, 'DependsOn'))] : [];
    const conditionPair = getPair(body, 'Condition');
    const resource: Resource = {
      logicalId: pair.key,
      pair,
      node: body,
      type: typePair ? locString(typePair.value, typePair) : undefined,
      properties: ObjView.of(getValue(body, 'Properties'), 'pascal'),
      metadata: asObject(getValue(body, 'Metadata')),
      dependsOn,
      condition: conditionPair ? locString(conditionPair.value, conditionPair) : undefined,
    };
    resources.push(resource);
    resourcesById.set(pair.key, resource);
  }
  return {
    node: root,
    isSam: transforms.includes(SAM_TRANSFORM),
    transforms,
    parameters,
    mappings: asObject(getValue(root, 'Mappings')),
    conditions: new Map((asObject(getValue(root, 'Conditions'))?.pairs ?? []).map((p) => [p.key, p])),
    resources,
    resourcesById,
    outputs: new Map((asObject(getValue(root, 'Outputs'))?.pairs ?? []).map((p) => [p.key, p])),
    globals: asObject(getValue(root, 'Globals')),
  };
}

/** The resource under a `Condition` whose entry holds this span, with the condition's name, if any. */
export function conditionalResourceAt(template: Template, span: { readonly start: number; readonly end: number }): { resource: Resource; condition: Located<string> & { known: true } } | undefined {
  for (const resource of template.resources) {
    const condition = resource.condition;
    if (!condition?.known) continue;
    if (resource.pair.span.start <= span.start && span.end <= resource.pair.span.end) return { resource, condition };
  }
  return undefined;
}

export function resourcesOfType(template: Template, type: string): Resource[] {
  return template.resources.filter((r) => r.type?.known && r.type.value === type);
}

/** The Globals section that applies to a SAM resource type (Globals.Function for AWS::Serverless::Function, …). */
const SAM_GLOBALS_SECTION: Readonly<Record<string, string>> = {
  'AWS::Serverless::Function': 'Function',
  'AWS::Serverless::Api': 'Api',
  'AWS::Serverless::HttpApi': 'HttpApi',
  'AWS::Serverless::SimpleTable': 'SimpleTable',
  'AWS::Serverless::StateMachine': 'StateMachine',
  'AWS::Serverless::LayerVersion': 'LayerVersion',
};

/**
 * A property as SAM sees it: the resource's own value, else the one from Globals (maps merge in SAM, but a rule
 * that needs one node gets the resource's own). `fromGlobals` tells where it came from.
 */
export function effectiveProperty(template: Template, resource: Resource, name: string): { pair: Pair; fromGlobals: boolean } | undefined {
  const own = resource.properties?.pair(name);
  if (own) return { pair: own, fromGlobals: false };
  const section = resource.type?.known ? SAM_GLOBALS_SECTION[resource.type.value] : undefined;
  if (!section || !template.isSam) return undefined;
  const pair = getPair(withoutIgnoredGlobals(asObject(getValue(template.globals, section)), resource.node), name);
  return pair ? { pair, fromGlobals: true } : undefined;
}

/**
 * What a SAM resource's `IgnoreGlobals` attribute (beside Type and Properties) drops from its Globals section:
 * `'*'` all of it, a list the properties it names. `'invalid'` for any other value, which SAM's transform rejects
 * ("has invalid resource attribute 'IgnoreGlobals'"); undefined when the attribute is absent or empty (SAM then
 * applies the whole section). Source: `Globals.get_template_globals` in samtranslator/plugins/globals/globals.py
 * (SAM 1.110.0, commit 7000d0a3b0e5e0d9fca014ce135850718aad1290).
 */
export function ignoredGlobals(resourceBody: ObjectNode | undefined): '*' | ReadonlySet<string> | 'invalid' | undefined {
  const ignore = getValue(resourceBody, 'IgnoreGlobals');
  if (!ignore || (ignore.kind === 'scalar' && (ignore.value === null || ignore.value === ''))) return undefined;
  if (ignore.kind === 'scalar' && ignore.value === '*') return '*';
  if (ignore.kind === 'array') {
    if (ignore.items.length === 0) return undefined;
    if (ignore.items.every((i) => i.kind === 'scalar' && typeof i.value === 'string')) return new Set(ignore.items.map(scalarString).filter((k): k is string => k !== undefined));
  }
  return 'invalid';
}

/**
 * A Globals section (Globals.Function, …) as SAM applies it to one resource: less what the resource's
 * `IgnoreGlobals` drops (a filtered copy whose pairs keep their offsets). An invalid IgnoreGlobals leaves the
 * section whole: SAM rejects the template anyway.
 */
export function withoutIgnoredGlobals(section: ObjectNode | undefined, resourceBody: ObjectNode | undefined): ObjectNode | undefined {
  if (!section) return undefined;
  const ignored = ignoredGlobals(resourceBody);
  if (ignored === '*') return undefined;
  if (ignored === undefined || ignored === 'invalid') return section;
  return { ...section, pairs: section.pairs.filter((p) => !ignored.has(p.key)) };
}
