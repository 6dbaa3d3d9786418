/**
 * The shape of a template's reference graph (graph.ts builds it): each Ref, GetAtt, Sub `${…}`, DependsOn and
 * Condition reference, with what its name refers to.
 */
import type { Node, Span } from '../parse/tree';
import type { Resource, Template } from '../model/template';

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
