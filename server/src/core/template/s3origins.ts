/**
 * S3 buckets behind CloudFront, as the template says: which origin reaches which bucket through which endpoint,
 * how the origin authenticates (OAC, legacy OAI, or not at all), and how the bucket is made public.
 * Shared by the cfn/ S3 and CloudFront rules. Pure.
 */
import type { Node, ObjectNode, Pair } from '../parse/tree';
import { asArray, getPair, getValue } from '../parse/tree';
import type { ObjView } from '../model/located';
import { resourcesOfType, type Resource, type Template } from '../model/template';
import { referenceGraph } from './graph';
import { resolveString } from './resolve';

export type EndpointKind = 'rest' | 'website';

export interface S3Origin {
  readonly distribution: Resource;
  readonly origin: ObjView;
  readonly domainPair: Pair;
  readonly endpoint: EndpointKind;
  /** The bucket in this template the origin reaches, when it can be told. */
  readonly bucket?: Resource;
  /** OriginAccessControlId with a non-empty value. */
  readonly oac?: Pair;
  /** S3OriginConfig.OriginAccessIdentity with a non-empty value. */
  readonly oai?: Pair;
}

export type PublicReason = 'policy' | 'acl' | 'publicAccessBlock' | 'website';

export interface PublicGrant {
  readonly reason: PublicReason;
  /** Where the grant is: the statement's Principal pair, the AccessControl pair, the false flag, the WebsiteConfiguration pair. */
  readonly at: Pair;
  /** For 'policy': the statement and its policy resource. */
  readonly statement?: ObjectNode;
  readonly policy?: Resource;
}

const REST_ATTRIBUTES = new Set(['DomainName', 'RegionalDomainName', 'DualStackDomainName']);

/** Every origin of every AWS::CloudFront::Distribution that is an S3 REST or website endpoint. */
export function s3Origins(template: Template): S3Origin[] {
  const out: S3Origin[] = [];
  for (const distribution of resourcesOfType(template, 'AWS::CloudFront::Distribution')) {
    for (const origin of distribution.properties?.obj('DistributionConfig')?.objects('Origins') ?? []) {
      const domainPair = origin.pair('DomainName');
      if (!domainPair) continue;
      const target = classifyDomain(template, domainPair.value);
      if (!target) continue;
      const oacPair = origin.pair('OriginAccessControlId');
      const oaiPair = origin.obj('S3OriginConfig')?.pair('OriginAccessIdentity');
      out.push({
        distribution,
        origin,
        domainPair,
        endpoint: target.endpoint,
        bucket: target.bucket,
        oac: oacPair && !isEmptyString(oacPair.value) ? oacPair : undefined,
        oai: oaiPair && !isEmptyString(oaiPair.value) ? oaiPair : undefined,
      });
    }
  }
  return out;
}

function isEmptyString(node: Node): boolean {
  return node.kind === 'scalar' && (node.value === '' || node.value === null);
}

/**
 * The endpoint a DomainName value names, and the bucket when it is one of this template's:
 * `!GetAtt B.RegionalDomainName` (REST), `${B}.s3.${AWS::Region}.amazonaws.com` (REST),
 * `${B}.s3-website-…` / `!Select [2, !Split ['/', !GetAtt B.WebsiteURL]]` (website), or a literal domain.
 */
function classifyDomain(template: Template, node: Node): { endpoint: EndpointKind; bucket?: Resource } | undefined {
  const shape = domainShape(node);
  if (shape === undefined) return undefined;
  const bucketOf = (id: string) => {
    const r = template.resourcesById.get(id);
    return r?.type?.known && r.type.value === 'AWS::S3::Bucket' ? r : undefined;
  };
  let m = /^\$\{(\w+)\.(\w+)\}$/.exec(shape);
  if (m) {
    const bucket = bucketOf(m[1]!);
    if (!bucket) return undefined;
    if (REST_ATTRIBUTES.has(m[2]!)) return { endpoint: 'rest', bucket };
    if (m[2] === 'WebsiteURL') return { endpoint: 'website', bucket };
    return undefined;
  }
  m = /^\$\{(\w+)\}\.(s3-website[.-]|s3[.-])/.exec(shape);
  if (m) {
    const bucket = bucketOf(m[1]!);
    if (!bucket) return undefined;
    return { endpoint: m[2]!.startsWith('s3-website') ? 'website' : 'rest', bucket };
  }
  m = /^([a-z0-9][a-z0-9.-]*[a-z0-9])\.(s3-website[.-]|s3[.-])[^/]*amazonaws\.com(\.cn)?$/.exec(shape);
  if (m) {
    const name = m[1]!;
    const bucket = resourcesOfType(template, 'AWS::S3::Bucket').find((b) => resolveString(template, b.properties?.value('BucketName')) === name);
    return { endpoint: m[2]!.startsWith('s3-website') ? 'website' : 'rest', bucket };
  }
  return undefined;
}

/** The DomainName as text, with `${X}` / `${X.Attr}` for references; undefined when it cannot be read. */
function domainShape(node: Node): string | undefined {
  if (node.kind === 'scalar') return typeof node.value === 'string' ? node.value : undefined;
  if (node.kind !== 'intrinsic') return undefined;
  const arg = node.argument;
  switch (node.name) {
    case 'Ref':
      return arg.kind === 'scalar' && typeof arg.value === 'string' ? `\${${arg.value}}` : undefined;
    case 'Fn::GetAtt': {
      if (arg.kind === 'scalar' && typeof arg.value === 'string') return `\${${arg.value}}`;
      const [a, b] = asArray(arg)?.items ?? [];
      return a?.kind === 'scalar' && b?.kind === 'scalar' ? `\${${String(a.value)}.${String(b.value)}}` : undefined;
    }
    case 'Fn::Sub': {
      const body = arg.kind === 'array' ? arg.items[0] : arg;
      return body?.kind === 'scalar' && typeof body.value === 'string' ? body.value : undefined;
    }
    case 'Fn::Join': {
      const [delimiter, list] = asArray(arg)?.items ?? [];
      const items = asArray(list)?.items;
      if (delimiter?.kind !== 'scalar' || !items) return undefined;
      const parts = items.map((item) => domainShape(item) ?? '${?}');
      return parts.join(String(delimiter.value ?? ''));
    }
    case 'Fn::Select': {
      // !Select [2, !Split ['/', !GetAtt B.WebsiteURL]]: the host of the website URL.
      const [, inner] = asArray(arg)?.items ?? [];
      if (inner?.kind === 'intrinsic' && inner.name === 'Fn::Split') {
        const [, source] = asArray(inner.argument)?.items ?? [];
        const shape = source ? domainShape(source) : undefined;
        return shape && /^\$\{\w+\.WebsiteURL\}$/.test(shape) ? shape : undefined;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** The bucket policies of this template that apply to the bucket (`Bucket: !Ref B` or its literal name). */
export function policiesOf(template: Template, bucket: Resource): Resource[] {
  const name = resolveString(template, bucket.properties?.value('BucketName'));
  const graph = referenceGraph(template);
  return resourcesOfType(template, 'AWS::S3::BucketPolicy').filter((policy) => {
    const value = policy.properties?.value('Bucket');
    if (!value) return false;
    if (graph.resolveResourceRef(value)?.resource === bucket) return true;
    return name !== undefined && resolveString(template, value) === name;
  });
}

/** The statements of a policy document (a list or a single statement). */
export function statementsOf(policy: Resource): ObjectNode[] {
  const statement = getValue(policy.properties?.value('PolicyDocument'), 'Statement');
  if (statement?.kind === 'object') return [statement];
  return (asArray(statement)?.items ?? []).flatMap((item) => (item.kind === 'object' ? [item] : []));
}

/** `"*"`, `{AWS: "*"}` or `{AWS: ["*"]}`. */
export function isEveryonePrincipal(node: Node | undefined): boolean {
  if (!node) return false;
  if (node.kind === 'scalar') return node.value === '*';
  const aws = getValue(node, 'AWS');
  if (aws?.kind === 'scalar') return aws.value === '*';
  return (asArray(aws)?.items ?? []).some((item) => item.kind === 'scalar' && item.value === '*');
}

function isAllow(statement: ObjectNode): boolean {
  const effect = getValue(statement, 'Effect');
  return effect?.kind === 'scalar' && effect.value === 'Allow';
}

/** How this bucket is made public, for an origin reaching it through `endpoint`. */
export function publicGrants(template: Template, bucket: Resource, endpoint: EndpointKind): PublicGrant[] {
  const grants: PublicGrant[] = [];
  for (const policy of policiesOf(template, bucket)) {
    for (const statement of statementsOf(policy)) {
      const principal = getPair(statement, 'Principal');
      if (!principal || !isAllow(statement) || getPair(statement, 'Condition')) continue;
      if (isEveryonePrincipal(principal.value)) grants.push({ reason: 'policy', at: principal, statement, policy });
    }
  }
  const props = bucket.properties;
  const acl = props?.str('AccessControl');
  if (acl?.known && (acl.value === 'PublicRead' || acl.value === 'PublicReadWrite') && acl.pair) grants.push({ reason: 'acl', at: acl.pair });
  const block = props?.obj('PublicAccessBlockConfiguration');
  for (const flag of ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets']) {
    const value = block?.bool(flag);
    if (value?.known && value.value === false && value.pair) grants.push({ reason: 'publicAccessBlock', at: value.pair });
  }
  const website = props?.pair('WebsiteConfiguration');
  if (website && endpoint === 'website') grants.push({ reason: 'website', at: website });
  return grants;
}

/** How a message names an origin: its Id, else its domain. */
export function originLabel(origin: S3Origin): string {
  const id = origin.origin.str('Id');
  return id?.known ? `"${id.value}"` : `(${origin.domainPair.value.kind === 'scalar' ? String(origin.domainPair.value.value) : 'S3'})`;
}
