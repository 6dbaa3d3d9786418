/**
 * A template's S3 buckets and CloudFront distributions as the shared model (model/s3.ts, model/cloudfront.ts):
 * which origin reaches which bucket through which endpoint, how the origin authenticates, and how the bucket is
 * made public. Pure.
 */
import { CFN_CANNED_ACLS } from '../facts/s3';
import type { CloudFrontModel, Distribution, OriginAccessControl, S3Origin } from '../model/cloudfront';
import { EMPTY_CLOUDFRONT, s3OriginOf, type OriginTarget } from '../model/cloudfront';
import type { DocumentModel } from '../model/document';
import type { AclSetting, Bucket, BucketPolicy, EndpointKind, PublicGrant, S3Model } from '../model/s3';
import { EMPTY_S3, jsonStatements, policyGrants } from '../model/s3';
import { resourcesOfType, type Resource, type Template } from '../model/template';
import type { Node } from '../parse/tree';
import { asArray } from '../parse/tree';
import { referenceGraph, type ReferenceGraph } from './graph';
import { resolveString } from './resolve';

const TYPES = {
  bucket: 'AWS::S3::Bucket',
  policy: 'AWS::S3::BucketPolicy',
  distribution: 'AWS::CloudFront::Distribution',
  oac: 'AWS::CloudFront::OriginAccessControl',
  oai: 'AWS::CloudFront::CloudFrontOriginAccessIdentity',
} as const;

/** The document's model with its buckets and distributions, when it is a template. */
export function withTemplateWeb(model: DocumentModel, text: string): DocumentModel {
  return model.template ? { ...model, ...webFromTemplate(model.template, text) } : model;
}

export function webFromTemplate(template: Template, text?: string): { s3: S3Model; cloudfront: CloudFrontModel } {
  const of = (type: string) => resourcesOfType(template, type);
  if (!Object.values(TYPES).some((type) => of(type).length > 0)) return { s3: EMPTY_S3, cloudfront: EMPTY_CLOUDFRONT };
  const graph = referenceGraph(template, text);

  const policies = of(TYPES.policy).map((r): BucketPolicy => ({ ...origin(r), statements: jsonStatements(r.properties?.value('PolicyDocument'), 'template') }));
  const buckets = of(TYPES.bucket).map((r) => bucketOf(template, graph, r, policies));
  const oacs = of(TYPES.oac).map((r): OriginAccessControl => ({ ...origin(r), signsS3Requests: signsS3Requests(r) }));
  const distributions: Distribution[] = [];
  const origins: S3Origin[] = [];
  for (const r of of(TYPES.distribution)) {
    const list: S3Origin[] = [];
    const distribution: Distribution = { ...origin(r), origins: list };
    for (const raw of r.properties?.obj('DistributionConfig')?.objects('Origins') ?? []) {
      const made = s3OriginOf(distribution, raw, (domain) => classifyDomain(template, buckets, domain));
      if (made) list.push(made);
    }
    distributions.push(distribution);
    origins.push(...list);
  }
  return {
    s3: { buckets, policies },
    cloudfront: {
      distributions,
      origins,
      originAccessControls: oacs,
      originAccessIdentities: of(TYPES.oai).map(origin),
      refersTo: (from, to) => reaches(graph, from, to),
    },
  };
}

function origin(r: Resource) {
  return { shape: 'cfn', logicalId: r.logicalId, anchor: r.pair, cfn: r } as const;
}

function bucketOf(template: Template, graph: ReferenceGraph, r: Resource, policies: readonly BucketPolicy[]): Bucket {
  const props = r.properties;
  const name = resolveString(template, props?.value('BucketName'));
  // `Bucket: !Ref B`, or the bucket's literal name.
  const own = policies.filter((policy) => {
    const target = policy.cfn?.properties?.value('Bucket');
    if (!target) return false;
    if (graph.resolveResourceRef(target)?.resource === r) return true;
    return name !== undefined && resolveString(template, target) === name;
  });
  const settings: PublicGrant[] = policyGrants(own);
  const accessControl = props?.str('AccessControl');
  const acl: AclSetting | undefined = accessControl && {
    value: accessControl,
    canned: accessControl.known ? CFN_CANNED_ACLS[accessControl.value] : undefined,
    written: accessControl.known ? `AccessControl ${accessControl.value}` : 'AccessControl',
    removal: 'AccessControl',
  };
  if (acl?.value.known && acl.value.pair && (acl.canned === 'public-read' || acl.canned === 'public-read-write')) settings.push({ reason: 'acl', at: acl.value.pair, description: acl.written });
  const block = props?.obj('PublicAccessBlockConfiguration');
  for (const flag of ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets']) {
    const value = block?.bool(flag);
    if (value?.known && value.value === false && value.pair) settings.push({ reason: 'publicAccessBlock', at: value.pair, description: `PublicAccessBlockConfiguration ${value.pair.key}: false` });
  }
  const website = props?.pair('WebsiteConfiguration');
  const ownership = props?.obj('OwnershipControls');
  return {
    ...origin(r),
    name,
    acl,
    ownership: ownership ? { values: ownership.objects('Rules').flatMap((rule) => rule.str('ObjectOwnership') ?? []), written: 'OwnershipControls sets ObjectOwnership' } : undefined,
    publicSettings: settings,
    website: website ? { reason: 'website', at: website, description: 'WebsiteConfiguration served through the website endpoint' } : undefined,
    policies: own,
  };
}

function signsS3Requests(oac: Resource): boolean {
  if (oac.condition) return false;
  const config = oac.properties?.obj('OriginAccessControlConfig');
  const is = (key: string, value: string) => {
    const v = config?.str(key);
    return v?.known === true && v.value === value;
  };
  return is('OriginAccessControlOriginType', 's3') && is('SigningBehavior', 'always') && is('SigningProtocol', 'sigv4');
}

const REST_ATTRIBUTES = new Set(['DomainName', 'RegionalDomainName', 'DualStackDomainName']);

/**
 * The endpoint a DomainName value names, and the bucket when it is one of this template's:
 * `!GetAtt B.RegionalDomainName` (REST), `${B}.s3.${AWS::Region}.amazonaws.com` (REST),
 * `${B}.s3-website-…` / `!Select [2, !Split ['/', !GetAtt B.WebsiteURL]]` (website), or a literal domain.
 */
function classifyDomain(template: Template, buckets: readonly Bucket[], node: Node): OriginTarget | undefined {
  const shape = domainShape(node);
  if (shape === undefined) return undefined;
  const bucketOf = (id: string) => buckets.find((b) => b.logicalId === id);
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
  const literal = literalS3Domain(shape);
  if (literal) return { ...literal, bucket: buckets.find((b) => b.name === literal.name) };
  return undefined;
}

/** `name.s3….amazonaws.com` (REST) or `name.s3-website….amazonaws.com` (website), with the bucket's name. */
export function literalS3Domain(domain: string): { endpoint: EndpointKind; name: string } | undefined {
  const m = /^([a-z0-9][a-z0-9.-]*[a-z0-9])\.(s3-website[.-]|s3[.-])[^/]*amazonaws\.com(\.cn)?$/.exec(domain);
  return m ? { endpoint: m[2]!.startsWith('s3-website') ? 'website' : 'rest', name: m[1]! } : undefined;
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

/** Whether resource `from` refers to `to`, directly or through other resources (Ref, GetAtt, Sub, DependsOn). */
function reaches(graph: ReferenceGraph, from: string, to: string): boolean {
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length) {
    for (const ref of graph.referencesFrom(queue.shift()!)) {
      if (ref.targetKind !== 'resource' || ref.kind === 'Condition') continue;
      if (ref.target === to) return true;
      if (!seen.has(ref.target)) {
        seen.add(ref.target);
        queue.push(ref.target);
      }
    }
  }
  return false;
}
