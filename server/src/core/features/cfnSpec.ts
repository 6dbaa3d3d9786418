/**
 * Property documentation and names for the CloudFormation resource types Berth covers, from
 * schemas/cfn/resources.json (@aws-cdk/aws-service-spec), and for SAM's Function/Api/HttpApi, from
 * schemas/cfn/sam.json (AWS SAM's schema). Used by hover and completion in templates.
 */
import { SAM_VALIDATED_TYPES, cfnTypeSpec, coveredTypes, samTypeSpec, type CfnPropertySpec, type CfnPropertyType, type CfnTypeSpec, type SamTypeSpec } from '../facts/cfnResources';
import type { Template } from '../model/template';
import { getValue, type Node, type Path } from '../parse/tree';

export interface CfnLevel {
  /** The properties of the object at the path, when it is an object of a known shape. */
  readonly properties?: Readonly<Record<string, CfnPropertySpec>>;
  /** The property the path ends on. */
  readonly property?: CfnPropertySpec;
}

/**
 * Walks a path below `Properties` of a resource of this type. `properties` is the resource's own Properties
 * node: where a value may take one of several object shapes (SAM's event sources), the shape its
 * discriminating property names (`Type: Api`) is chosen; without one, the shapes' properties are merged.
 */
export function cfnLevelAt(type: string, path: Path, properties?: Node): CfnLevel | undefined {
  const spec = cfnTypeSpec(type);
  if (!spec) return undefined;
  return walk(spec.properties, spec.definitions, path, properties);
}

type Props = Readonly<Record<string, CfnPropertySpec>>;
type Defs = CfnTypeSpec['definitions'];

function walk(top: Props, defs: Defs, path: Path, start: Node | undefined): CfnLevel | undefined {
  let properties: Props | undefined = top;
  let current: CfnPropertySpec | undefined;
  let node = start;
  for (const step of path) {
    node = childOf(node, step);
    const item = current ? itemsOf(current, typeof step === 'number' ? 'array' : 'map') : undefined;
    if (item) current = item as CfnPropertySpec;
    else if (typeof step === 'string' && properties && Object.prototype.hasOwnProperty.call(properties, step)) current = properties[step];
    else return undefined;
    properties = current ? shapeOf(current, defs, node) : undefined;
  }
  return { properties, property: current };
}

function childOf(node: Node | undefined, step: string | number): Node | undefined {
  if (node?.kind === 'intrinsic') return undefined;
  if (typeof step === 'number') return node?.kind === 'array' ? node.items[step] : undefined;
  return getValue(node, step);
}

/** The items of a list (number steps) or of a map (key steps), also as the one such alternative of a union. */
function itemsOf(spec: CfnPropertyType, kind: 'array' | 'map'): CfnPropertyType | undefined {
  if (spec.type === kind) return spec.items;
  if (spec.type !== 'union') return undefined;
  const alternatives = (spec.anyOf ?? []).filter((a) => a.type === kind && a.items);
  return alternatives.length === 1 ? alternatives[0]!.items : undefined;
}

/**
 * The properties of a value's object shape: its own, the only one among the alternatives of a union (SAM's
 * `CodeUri`: a path or an object), the one a discriminating property selects, or all of them merged.
 */
function shapeOf(spec: CfnPropertyType, defs: Defs, node: Node | undefined): Props | undefined {
  if (spec.ref) return defs?.[spec.ref]?.properties;
  if (spec.type !== 'union') return undefined;
  const shapes = (spec.anyOf ?? []).flatMap((a) => (a.ref && defs?.[a.ref] ? [defs[a.ref]!.properties] : []));
  if (shapes.length <= 1) return shapes[0];
  const key = discriminator(shapes);
  const chosen = node?.kind === 'object' && key ? getValue(node, key) : undefined;
  if (chosen?.kind === 'scalar') {
    const match = shapes.find((s) => String(s[key!]!.enum![0]) === String(chosen.value));
    if (match) return match;
  }
  return merge(shapes, key);
}

/** A required property that every shape pins to one value (an event's `Type`). */
function discriminator(shapes: readonly Props[]): string | undefined {
  const pinned = (s: Props, k: string) => s[k]?.required === true && s[k]!.enum?.length === 1;
  return Object.keys(shapes[0]!).find((k) => shapes.every((s) => pinned(s, k)));
}

/** The shapes' properties together: the discriminator with every value, and, where the shapes differ, no nested shape. */
function merge(shapes: readonly Props[], key: string | undefined): Props {
  const merged: Record<string, CfnPropertySpec> = {};
  for (const shape of shapes) {
    for (const [name, p] of Object.entries(shape)) {
      const seen = merged[name];
      if (!seen) merged[name] = p;
      else if (name === key) merged[name] = { ...seen, enum: [...(seen.enum ?? []), ...(p.enum ?? [])] };
      else if (JSON.stringify(seen) !== JSON.stringify(p)) merged[name] = { type: seen.type, required: seen.required, documentation: seen.documentation };
    }
  }
  // Required only where every shape requires it (an event's Type and Properties).
  for (const [name, p] of Object.entries(merged)) {
    if (p.required && !shapes.every((s) => s[name]?.required)) merged[name] = { ...p, required: false };
  }
  return merged;
}

/** The string values a property may take: its enum, or that of its one string alternative (SAM's `Tracing`). */
export function enumOf(spec: CfnPropertyType | undefined): readonly string[] | undefined {
  if (!spec) return undefined;
  if (spec.enum?.length) return spec.enum;
  if (spec.type !== 'union') return undefined;
  const strings = (spec.anyOf ?? []).filter((a) => a.type === 'string' && a.enum?.length);
  return strings.length === 1 ? strings[0]!.enum : undefined;
}

/**
 * The spec level at a path of a template: inside a covered resource's Properties, or (SAM) inside a section of
 * Globals, whose properties are those the section may set.
 */
export function templateLevelAt(template: Template | undefined, path: Path): CfnLevel | undefined {
  if (!template) return undefined;
  const inProperties = propertyPathIn(path);
  if (inProperties) {
    const resource = template.resourcesById.get(inProperties.logicalId);
    if (!resource?.type?.known) return undefined;
    if (resource.type.value.startsWith('AWS::Serverless::') && !template.isSam) return undefined;
    return cfnLevelAt(resource.type.value, inProperties.rest, getValue(resource.node, 'Properties'));
  }
  if (path[0] === 'Globals' && typeof path[1] === 'string' && template.isSam) {
    const sam = samTypeForGlobals(path[1]);
    if (!sam) return undefined;
    const allowed: Record<string, CfnPropertySpec> = {};
    for (const name of sam.globalProperties) if (sam.properties[name]) allowed[name] = sam.properties[name];
    return walk(allowed, sam.definitions, path.slice(2), getValue(getValue(template.node, 'Globals'), path[1]));
  }
  return undefined;
}

/** The SAM type whose Globals section this is (`Function` → AWS::Serverless::Function), when the data has it. */
export function samTypeForGlobals(section: string): SamTypeSpec | undefined {
  for (const type of SAM_VALIDATED_TYPES) {
    const spec = samTypeSpec(type);
    if (spec?.globals === section) return spec;
  }
  return undefined;
}

/** `Resources/<id>/Properties/...` → the resource's logical id and the path below Properties. */
export function propertyPathIn(path: Path): { logicalId: string; rest: Path } | undefined {
  if (path[0] !== 'Resources' || typeof path[1] !== 'string' || path[2] !== 'Properties') return undefined;
  return { logicalId: path[1], rest: path.slice(3) };
}

/** Resource types to offer on `Type:` — the covered ones first, then SAM's. */
export function resourceTypeChoices(): string[] {
  const sam = ['AWS::Serverless::Function', 'AWS::Serverless::Api', 'AWS::Serverless::HttpApi', 'AWS::Serverless::SimpleTable', 'AWS::Serverless::StateMachine', 'AWS::Serverless::LayerVersion'];
  return [...new Set([...coveredTypes().sort(), ...sam])];
}
