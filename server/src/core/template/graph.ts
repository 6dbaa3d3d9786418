/**
 * The reference graph of a CloudFormation/SAM template: every Ref, GetAtt, Sub `${…}`, DependsOn and
 * Condition reference from resources, outputs, conditions and SAM Globals, each with the span of the name it
 * uses. Pure; one graph per Template object, shared by every rule (cf. cfn-lint's `graph.py`).
 */
import type { IntrinsicNode, Node, ScalarNode, Span } from '../parse/tree';
import { asArray, getPair, getValue } from '../parse/tree';
import type { Resource, Template } from '../model/template';
import { SAM_TRANSFORM } from '../model/template';
import { PSEUDO_PARAMETERS } from '../facts/cloudformation';
import { SAM_IMPLICIT_API_TYPES, SAM_REFERABLE_REQUIRES, samReferableProperties } from '../facts/samReferences';

const PSEUDO: ReadonlySet<string> = new Set(PSEUDO_PARAMETERS);

export function isPseudoParameter(name: string): boolean {
  return PSEUDO.has(name);
}

export type ReferenceKind = 'Ref' | 'GetAtt' | 'Sub' | 'DependsOn' | 'Condition';

/** Where a reference sits. */
export type SourceSection = 'Resources' | 'Outputs' | 'Conditions' | 'Globals';

/**
 * What the referenced name is: a resource, a parameter, a pseudo-parameter, a condition, a resource SAM creates
 * implicitly (MyFunctionRole, ServerlessRestApi, MyQueueMyConnectorPolicy, MyFunction.Alias), or nothing the
 * template defines.
 */
export type TargetKind = 'resource' | 'parameter' | 'pseudo' | 'condition' | 'implicit' | 'missing';

export interface Reference {
  readonly kind: ReferenceKind;
  readonly section: SourceSection;
  /** Logical id of the resource, output or condition (or the Globals key) holding the reference. */
  readonly from: string;
  /** The referenced name: a logical id, parameter, pseudo-parameter or condition name. */
  readonly target: string;
  /** GetAtt attribute or `${X.Attr}` attribute; undefined when absent or given by an intrinsic. */
  readonly attribute?: string;
  readonly targetKind: TargetKind;
  /** Span of the referenced name (inside a Sub string: of `X` or `X.Attr` between the braces). */
  readonly span: Span;
  /** Span of the attribute name, when it has its own node or place. */
  readonly attributeSpan?: Span;
  /** The intrinsic (Ref, GetAtt, Sub) or the scalar (DependsOn, Condition) that holds the reference. */
  readonly node: Node;
  /** True under a Fn::If branch: the edge exists only when its condition holds. */
  readonly conditional: boolean;
  /**
   * A SAM referenceable property (`!Ref MyApi.Stage`, `!GetAtt MyFunction.Alias.Name`, `${MyFunction.Alias}`):
   * `target` is then the SAM resource (MyApi), `samProperty` the property (Stage), `attribute` what follows it
   * (Name), and the reference names the resource SAM generates for it, of type `generatedType`. The targetKind
   * is 'implicit', or 'missing' when SAM generates no such resource here (MyFunction.Alias without
   * AutoPublishAlias; `samRequires` names the property that would create it).
   */
  readonly samProperty?: string;
  readonly generatedType?: string;
  readonly samRequires?: string;
  /**
   * True when the reference sits where the SAM transform expands one resource into several: inside an
   * AWS::Serverless::* resource (other than DependsOn/Condition) or inside a `Connectors` attribute. The edge
   * then belongs to one of the generated resources, not to the resource as a whole.
   */
  readonly samExpanded: boolean;
}

export interface ReferenceGraph {
  readonly template: Template;
  readonly references: readonly Reference[];
  /** False when a macro other than SAM (or Fn::ForEach) may add resources: missing targets are then unknowable. */
  readonly closed: boolean;
  referencesFrom(id: string): readonly Reference[];
  referencesTo(id: string): readonly Reference[];
  /** The resource a value points at: `!Ref X`, `!GetAtt X.Attr`, or a Sub/Join whose only resource reference is X. */
  resolveResourceRef(node: Node | undefined): ResourceRef | undefined;
  /** The reference whose name span contains this offset (for hover, go-to-definition). */
  referenceAt(offset: number): Reference | undefined;
}

export interface ResourceRef {
  readonly resource: Resource;
  readonly via: 'Ref' | 'GetAtt' | 'Sub' | 'Join';
  readonly attribute?: string;
  /** Set when the value names a resource SAM generates for this one (`!Ref MyFunction.Alias`). */
  readonly samProperty?: string;
  readonly reference: Reference;
}

/** SAM resource types whose logical id prefixes the resources the transform creates. */
const SAM_GENERATING_TYPES = new Set([
  'AWS::Serverless::Function',
  'AWS::Serverless::Api',
  'AWS::Serverless::HttpApi',
  'AWS::Serverless::WebSocketApi',
  'AWS::Serverless::StateMachine',
  'AWS::Serverless::SimpleTable',
  'AWS::Serverless::LayerVersion',
  'AWS::Serverless::Application',
  'AWS::Serverless::GraphQLApi',
  'AWS::Serverless::Connector',
  'AWS::Serverless::CapacityProvider',
]);

/** Implicit APIs SAM creates for Api/HttpApi events without an explicit RestApiId/ApiId. */
const SAM_IMPLICIT_PREFIXES = ['ServerlessRestApi', 'ServerlessHttpApi', 'ServerlessDeploymentApplication', 'CodeDeployServiceRole'];

/** Generated logical ids are alphanumeric: a name with a dot or other characters is never one. */
const LOGICAL_ID = /^[A-Za-z0-9]+$/;

/**
 * Whether the SAM transform's naming applies: the template declares it, or declares no Transform at all and still
 * uses AWS::Serverless::* types (only that transform can expand them; a template missing the Transform line is
 * another mistake, and reporting every SAM-generated name as missing would bury it).
 */
export function usesSamSemantics(template: Template): boolean {
  if (template.isSam) return true;
  if (getPair(template.node, 'Transform')) return false;
  return template.resources.some((r) => r.type?.known && r.type.value.startsWith('AWS::Serverless::'));
}

const cache = new WeakMap<Template, ReferenceGraph>();

/** rain (aws-cloudformation/rain) directives, as a YAML tag or a key. */
const PREPROCESSOR_DIRECTIVE = /(?:!|["'\s{]|^)Rain::[A-Z]/m;

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
  const references: Reference[] = [];
  const sam = usesSamSemantics(template);
  const samPrefixes = sam
    ? template.resources.filter((r) => r.type?.known && SAM_GENERATING_TYPES.has(r.type.value)).map((r) => r.logicalId)
    : [];
  // Embedded connectors: `Connectors: { MyConn: … }` on any resource becomes a connector named <LogicalId>MyConn,
  // whose resources are named after it (<LogicalId>MyConnPolicy, …); DependsOn may name the connector itself.
  const connectorIds = sam
    ? template.resources.flatMap((r) => {
        const connectors = getValue(r.node, 'Connectors');
        return connectors?.kind === 'object' ? connectors.pairs.map((p) => r.logicalId + p.key) : [];
      })
    : [];
  samPrefixes.push(...connectorIds);
  const connectorSet = new Set(connectorIds);

  const classifyName = (target: string, kind: ReferenceKind): TargetKind => {
    if (kind === 'Condition') return template.conditions.has(target) ? 'condition' : 'missing';
    if (kind !== 'DependsOn' && kind !== 'GetAtt' && isPseudoParameter(target)) return 'pseudo';
    if (template.resourcesById.has(target)) return 'resource';
    if (kind !== 'DependsOn' && kind !== 'GetAtt' && template.parameters.has(target)) return 'parameter';
    if (sam && LOGICAL_ID.test(target) && (connectorSet.has(target) || isSamImplicit(target, samPrefixes))) return 'implicit';
    if (kind === 'GetAtt' && template.parameters.has(target)) return 'parameter';
    return 'missing';
  };

  const classify = (ref: Omit<Reference, 'targetKind'>): Reference => {
    const plain = (): Reference => ({ ...ref, targetKind: classifyName(ref.target, ref.kind) });
    if (!sam || (ref.kind !== 'Ref' && ref.kind !== 'GetAtt' && ref.kind !== 'Sub')) return plain();
    const property = samPropertyOf(ref);
    if (!property) return plain();
    const resource = template.resourcesById.get(property.target);
    let samType: string | undefined;
    if (resource) samType = resource.type?.known ? resource.type.value : undefined;
    else if (classifyName(property.target, 'Ref') === 'implicit') samType = SAM_IMPLICIT_API_TYPES[property.target];
    const table = samType === undefined ? undefined : samReferableProperties(samType);
    if (!table || !Object.prototype.hasOwnProperty.call(table, property.samProperty)) return plain();
    const generatedType = table[property.samProperty]!;
    const requires = resource && samType ? SAM_REFERABLE_REQUIRES[samType]?.[property.samProperty] : undefined;
    const available = !requires || !resource || hasSamProperty(template, resource, requires);
    const { attribute, attributeSpan, ...rest } = property;
    return {
      ...ref,
      ...rest,
      attribute,
      attributeSpan,
      generatedType,
      ...(available ? {} : { samRequires: requires }),
      targetKind: available ? 'implicit' : 'missing',
    };
  };

  const state: State = { text, classify, references, closed: true, isSam: sam };

  for (const resource of template.resources) {
    const body = resource.node;
    if (!body) continue;
    const serverless = !!resource.type?.known && resource.type.value.startsWith('AWS::Serverless::');
    for (const pair of body.pairs) {
      if (pair.key === 'Type') continue;
      if (pair.key === 'DependsOn') {
        const items = asArray(pair.value)?.items ?? [pair.value];
        for (const item of items) {
          if (item.kind === 'scalar' && typeof item.value === 'string') {
            push(state, { kind: 'DependsOn', section: 'Resources', from: resource.logicalId, target: item.value, span: nameSpan(item, text), node: item, conditional: false, samExpanded: false });
          }
        }
        continue;
      }
      if (pair.key === 'Condition') {
        if (pair.value.kind === 'scalar' && typeof pair.value.value === 'string') {
          push(state, { kind: 'Condition', section: 'Resources', from: resource.logicalId, target: pair.value.value, span: nameSpan(pair.value, text), node: pair.value, conditional: false, samExpanded: false });
        }
        continue;
      }
      const samExpanded = serverless || (sam && pair.key === 'Connectors');
      visit(state, pair.value, { section: 'Resources', from: resource.logicalId, conditional: false, inConditions: false, locals: EMPTY, samExpanded });
    }
  }
  for (const [id, pair] of template.outputs) {
    const body = pair.value;
    if (body.kind === 'object') {
      for (const p of body.pairs) {
        if (p.key === 'Condition' && p.value.kind === 'scalar' && typeof p.value.value === 'string') {
          push(state, { kind: 'Condition', section: 'Outputs', from: id, target: p.value.value, span: nameSpan(p.value, text), node: p.value, conditional: false, samExpanded: false });
        } else {
          visit(state, p.value, { section: 'Outputs', from: id, conditional: false, inConditions: false, locals: EMPTY, samExpanded: false });
        }
      }
    }
  }
  for (const [id, pair] of template.conditions) {
    visit(state, pair.value, { section: 'Conditions', from: id, conditional: false, inConditions: true, locals: EMPTY, samExpanded: false });
  }
  for (const pair of template.globals?.pairs ?? []) {
    visit(state, pair.value, { section: 'Globals', from: pair.key, conditional: false, inConditions: false, locals: EMPTY, samExpanded: false });
  }

  if (template.transforms.some((t) => t !== SAM_TRANSFORM)) state.closed = false;
  // A template for a pre-processor (rain's `!Rain::Module`, `Rain::Embed`, …) is not CloudFormation yet: the
  // tool adds resources and replaces values before CloudFormation sees it.
  if (text !== undefined && PREPROCESSOR_DIRECTIVE.test(text)) state.closed = false;

  const byFrom = groupBy(references, (r) => r.from);
  const byTarget = groupBy(references, (r) => r.target);
  const sorted = [...references].sort((a, b) => a.span.start - b.span.start);

  const graph: ReferenceGraph = {
    template,
    references,
    closed: state.closed,
    referencesFrom: (id) => byFrom.get(id) ?? [],
    referencesTo: (id) => byTarget.get(id) ?? [],
    referenceAt: (offset) => sorted.find((r) => r.span.start <= offset && offset <= r.span.end),
    resolveResourceRef: (node) => {
      if (!node || node.kind !== 'intrinsic') return undefined;
      const inside = references.filter(
        (r) =>
          (r.targetKind === 'resource' || (r.targetKind === 'implicit' && r.samProperty !== undefined && template.resourcesById.has(r.target))) &&
          (r.kind === 'Ref' || r.kind === 'GetAtt' || r.kind === 'Sub') &&
          r.span.start >= node.span.start &&
          r.span.end <= node.span.end,
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

interface State {
  readonly text: string | undefined;
  readonly classify: (ref: Omit<Reference, 'targetKind'>) => Reference;
  readonly references: Reference[];
  readonly isSam: boolean;
  closed: boolean;
}

interface Scope {
  readonly section: SourceSection;
  readonly from: string;
  readonly conditional: boolean;
  readonly inConditions: boolean;
  /** Fn::Sub variable names, which shadow template names. */
  readonly locals: ReadonlySet<string>;
  readonly samExpanded: boolean;
}

const EMPTY: ReadonlySet<string> = new Set();

function push(state: State, ref: Omit<Reference, 'targetKind'>): void {
  state.references.push(state.classify(ref));
}

function visit(state: State, node: Node, scope: Scope): void {
  switch (node.kind) {
    case 'scalar':
      return;
    case 'array':
      for (const item of node.items) visit(state, item, scope);
      return;
    case 'object':
      // `{ Condition: Name }` inside the Conditions section (Fn::And/Or/Not operands) names a condition.
      if (scope.inConditions && node.pairs.length === 1 && node.pairs[0]!.key === 'Condition') {
        const value = node.pairs[0]!.value;
        if (value.kind === 'scalar' && typeof value.value === 'string') {
          push(state, { kind: 'Condition', section: scope.section, from: scope.from, target: value.value, span: nameSpan(value, state.text), node: value, conditional: scope.conditional, samExpanded: scope.samExpanded });
          return;
        }
      }
      for (const pair of node.pairs) {
        if (pair.key === 'Fn::ForEach' || pair.key.startsWith('Fn::ForEach::')) state.closed = false;
        visit(state, pair.value, scope);
      }
      return;
    case 'intrinsic':
      visitIntrinsic(state, node, scope);
  }
}

function visitIntrinsic(state: State, node: IntrinsicNode, scope: Scope): void {
  const arg = node.argument;
  switch (node.name) {
    case 'Ref': {
      if (arg.kind === 'scalar' && typeof arg.value === 'string') {
        if (scope.locals.has(arg.value)) return;
        push(state, { kind: 'Ref', section: scope.section, from: scope.from, target: arg.value, span: nameSpan(arg, state.text), node, conditional: scope.conditional, samExpanded: scope.samExpanded });
      } else {
        visit(state, arg, scope);
      }
      return;
    }
    case 'Condition': {
      if (arg.kind === 'scalar' && typeof arg.value === 'string') {
        push(state, { kind: 'Condition', section: scope.section, from: scope.from, target: arg.value, span: nameSpan(arg, state.text), node: arg, conditional: scope.conditional, samExpanded: scope.samExpanded });
      }
      return;
    }
    case 'Fn::GetAtt': {
      if (arg.kind === 'scalar' && typeof arg.value === 'string') {
        const dot = arg.value.indexOf('.');
        const target = dot === -1 ? arg.value : arg.value.slice(0, dot);
        const attribute = dot === -1 ? undefined : arg.value.slice(dot + 1);
        const full = nameSpan(arg, state.text);
        const span = { start: full.start, end: Math.min(full.end, full.start + target.length) };
        const attributeSpan = attribute !== undefined ? { start: span.end + 1, end: Math.min(full.end, span.end + 1 + attribute.length) } : undefined;
        push(state, { kind: 'GetAtt', section: scope.section, from: scope.from, target, attribute, span, attributeSpan, node, conditional: scope.conditional, samExpanded: scope.samExpanded });
        return;
      }
      const items = asArray(arg)?.items ?? [];
      const [first, second] = items;
      if (first?.kind === 'scalar' && typeof first.value === 'string') {
        const attribute = second?.kind === 'scalar' && typeof second.value === 'string' ? second.value : undefined;
        push(state, {
          kind: 'GetAtt',
          section: scope.section,
          from: scope.from,
          target: first.value,
          attribute,
          span: nameSpan(first, state.text),
          attributeSpan: attribute !== undefined && second ? nameSpan(second, state.text) : undefined,
          node,
          conditional: scope.conditional,
          samExpanded: scope.samExpanded,
        });
      }
      for (const item of items.slice(1)) if (item.kind !== 'scalar') visit(state, item, scope);
      return;
    }
    case 'Fn::Sub': {
      let template: Node | undefined = arg;
      let locals = scope.locals;
      const items = asArray(arg)?.items;
      if (items) {
        template = items[0];
        const vars = items[1];
        if (vars?.kind === 'object') {
          locals = new Set([...scope.locals, ...vars.pairs.map((p) => p.key)]);
          for (const p of vars.pairs) visit(state, p.value, scope);
        } else if (vars) {
          visit(state, vars, scope);
        }
      }
      if (template?.kind === 'scalar' && typeof template.value === 'string') {
        for (const variable of subVariables(template, state.text)) {
          if (locals.has(variable.name)) continue;
          const dot = variable.name.indexOf('.');
          const isPseudo = isPseudoParameter(variable.name);
          const target = dot === -1 || isPseudo ? variable.name : variable.name.slice(0, dot);
          const attribute = dot === -1 || isPseudo ? undefined : variable.name.slice(dot + 1);
          const span = variable.exact ? { start: variable.span.start, end: variable.span.start + target.length } : variable.span;
          const attributeSpan = attribute !== undefined && variable.exact ? { start: span.end + 1, end: variable.span.end } : undefined;
          push(state, { kind: 'Sub', section: scope.section, from: scope.from, target, attribute, span, attributeSpan, node, conditional: scope.conditional, samExpanded: scope.samExpanded });
        }
      } else if (template) {
        visit(state, template, scope);
      }
      return;
    }
    case 'Fn::If': {
      const items = asArray(arg)?.items ?? [];
      const [cond, ...branches] = items;
      if (cond?.kind === 'scalar' && typeof cond.value === 'string') {
        push(state, { kind: 'Condition', section: scope.section, from: scope.from, target: cond.value, span: nameSpan(cond, state.text), node: cond, conditional: scope.conditional, samExpanded: scope.samExpanded });
      }
      for (const branch of branches) visit(state, branch, { ...scope, conditional: true });
      return;
    }
    case 'Fn::ForEach':
    case 'Fn::Transform':
      state.closed = false;
      visit(state, arg, scope);
      return;
    default:
      visit(state, arg, scope);
  }
}

interface SamPropertyParts {
  readonly target: string;
  readonly samProperty: string;
  readonly attribute: string | undefined;
  readonly span: Span;
  readonly attributeSpan: Span | undefined;
}

/**
 * A reference read as `<LogicalId>.<Property>[.<Attribute>]`, the way SAM's transform reads it (it joins the
 * GetAtt list with dots and splits it again, so `[MyFn.Alias, Name]` and `MyFn.Alias.Name` are the same).
 * Undefined when the name has no second part.
 */
function samPropertyOf(ref: Omit<Reference, 'targetKind'>): SamPropertyParts | undefined {
  const combined = ref.attribute === undefined ? ref.target : `${ref.target}.${ref.attribute}`;
  const parts = combined.split('.');
  if (parts.length < 2 || isPseudoParameter(ref.target)) return undefined;
  const [target, samProperty] = [parts[0]!, parts[1]!];
  const rest = parts.slice(2).join('.');
  const attribute = parts.length > 2 ? rest : undefined;
  const exact = (span: Span, value: string): boolean => span.end - span.start === value.length;
  const span = exact(ref.span, ref.target) ? { start: ref.span.start, end: ref.span.start + target.length } : ref.span;
  let attributeSpan: Span | undefined;
  if (attribute !== undefined) {
    if (ref.target.includes('.')) attributeSpan = ref.attributeSpan;
    else if (ref.attributeSpan && ref.attribute !== undefined && exact(ref.attributeSpan, ref.attribute)) {
      attributeSpan = { start: ref.attributeSpan.start + samProperty.length + 1, end: ref.attributeSpan.end };
    }
  }
  return { target, samProperty, attribute, span, attributeSpan };
}

/** Whether a SAM resource sets a property, itself or through its Globals section (IgnoreGlobals not applied: lenient). */
function hasSamProperty(template: Template, resource: Resource, name: string): boolean {
  if (resource.properties?.pair(name)) return true;
  const section = resource.type?.known ? resource.type.value.replace('AWS::Serverless::', '') : undefined;
  return section !== undefined && getPair(getValue(template.globals, section), name) !== undefined;
}

function isSamImplicit(target: string, prefixes: readonly string[]): boolean {
  return prefixes.some((p) => target.startsWith(p) && target !== p) || SAM_IMPLICIT_PREFIXES.some((p) => target.startsWith(p));
}


/** The span of a scalar's text without its quotes. */
export function nameSpan(node: ScalarNode | Node, text: string | undefined): Span {
  if (!text) return node.span;
  const raw = text.slice(node.span.start, node.span.end);
  if (raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw[raw.length - 1] === raw[0]) {
    return { start: node.span.start + 1, end: node.span.end - 1 };
  }
  return node.span;
}

export interface SubVariable {
  readonly name: string;
  readonly span: Span;
  /** False when the span is the whole string (the raw text could not be matched to the value). */
  readonly exact: boolean;
}

const SUB_VAR = /\$\{([^}]*)\}/g;

/** The `${Name}` variables of a Sub string, `${!Literal}` skipped, with their spans inside the source. */
export function subVariables(node: ScalarNode, text: string | undefined): SubVariable[] {
  const value = String(node.value ?? '');
  const names = [...value.matchAll(SUB_VAR)].map((m) => m[1]!).filter((n) => !n.startsWith('!')).map((n) => n.trim());
  if (names.length === 0) return [];
  if (text) {
    const raw = text.slice(node.span.start, node.span.end);
    const found = [...raw.matchAll(SUB_VAR)].filter((m) => !m[1]!.startsWith('!'));
    if (found.length === names.length && found.every((m, i) => m[1]!.trim() === names[i])) {
      return found.map((m) => {
        const lead = m[1]!.length - m[1]!.trimStart().length;
        const start = node.span.start + m.index! + 2 + lead;
        return { name: m[1]!.trim(), span: { start, end: start + m[1]!.trim().length }, exact: true };
      });
    }
  }
  return names.map((name) => ({ name, span: node.span, exact: false }));
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
