/**
 * Property documentation and names for the CloudFormation resource types Berth covers, from
 * schemas/cfn/resources.json (@aws-cdk/aws-service-spec), and for SAM's Function/Api/HttpApi, from
 * schemas/cfn/sam.json (AWS SAM's schema). Used by hover and completion in templates.
 */
import { cfnTypeSpec, coveredTypes, type CfnPropertySpec, type CfnPropertyType } from '../facts/cfnResources';
import type { Path } from '../parse/tree';

export interface CfnLevel {
  /** The properties of the object at the path, when it is an object of a known shape. */
  readonly properties?: Readonly<Record<string, CfnPropertySpec>>;
  /** The property the path ends on. */
  readonly property?: CfnPropertySpec;
}

/** Walks a path below `Properties` of a resource of this type. */
export function cfnLevelAt(type: string, path: Path): CfnLevel | undefined {
  const spec = cfnTypeSpec(type);
  if (!spec) return undefined;
  let properties: Readonly<Record<string, CfnPropertySpec>> | undefined = spec.properties;
  let current: CfnPropertySpec | undefined;
  let items: CfnPropertySpec | undefined;
  for (const step of path) {
    if (typeof step === 'number') {
      if (!current?.items) return undefined;
      items = current.items as CfnPropertySpec;
      current = items;
      const ref = objectRef(items);
      properties = ref ? spec.definitions?.[ref]?.properties : undefined;
      continue;
    }
    current = properties?.[step];
    if (!current) return undefined;
    const ref = objectRef(current);
    properties = ref ? spec.definitions?.[ref]?.properties : undefined;
  }
  return { properties, property: current };
}

/** The object shape of a property: its own, or the only one among the alternatives of a union (SAM's `CodeUri`: a path or an object). */
function objectRef(spec: CfnPropertyType): string | undefined {
  if (spec.ref) return spec.ref;
  const refs = spec.type === 'union' ? (spec.anyOf ?? []).filter((a) => a.ref) : [];
  return refs.length === 1 ? refs[0]!.ref : undefined;
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
