/**
 * What a referenced name is (a resource, parameter, pseudo parameter, condition, a resource the SAM transform
 * creates, or nothing the template defines), with SAM's naming: the resources it generates from a logical id
 * (MyFunctionRole, ServerlessRestApi, MyQueueMyConnectorPolicy) and its referenceable properties (MyFunction.Alias).
 */
import { getPair, getValue, type Span } from '../parse/tree';
import type { Resource, Template } from '../model/template';
import { PSEUDO_PARAMETERS } from '../facts/cloudformation';
import { SAM_IMPLICIT_API_TYPES, SAM_REFERABLE_REQUIRES, samReferableProperties } from '../facts/samReferences';
import type { Reference, ReferenceKind, TargetKind } from './referenceTypes';

const PSEUDO: ReadonlySet<string> = new Set(PSEUDO_PARAMETERS);

export function isPseudoParameter(name: string): boolean {
  return PSEUDO.has(name);
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

/** A reference as the walk finds it, before its target is classified. */
export type UnclassifiedReference = Omit<Reference, 'targetKind'>;

/** Classifies the references of one template; `sam`: usesSamSemantics (the names SAM generates are worked out once). */
export function referenceClassifier(template: Template, sam: boolean): (ref: UnclassifiedReference) => Reference {
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

  const classify = (ref: UnclassifiedReference): Reference => {
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
  return classify;
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
function samPropertyOf(ref: UnclassifiedReference): SamPropertyParts | undefined {
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
