/**
 * A Terraform module's S3 buckets and CloudFront distributions as the shared model (model/s3.ts,
 * model/cloudfront.ts). A bucket's settings are resources of their own (aws_s3_bucket_policy, _acl,
 * _public_access_block, _ownership_controls, _website_configuration, or the legacy acl/policy/website arguments of
 * aws_s3_bucket), linked by reference (`aws_s3_bucket.site.id`) or by the bucket's literal name. A distribution's
 * `origin` blocks reach a bucket through `aws_s3_bucket.site.bucket_regional_domain_name` (REST), a website
 * endpoint, or a literal domain. A setting whose bucket Berth cannot tell is left out, and so is never a finding.
 * The module hands each such resource over while it builds the model; the model is made once they all are there.
 */
import { ALL_USERS_GRANTEE, CFN_CANNED_ACLS } from '../facts/s3';
import type { CloudFrontModel, Distribution, OriginAccessControl, S3Origin } from '../model/cloudfront';
import { EMPTY_CLOUDFRONT, s3OriginOf, type OriginTarget } from '../model/cloudfront';
import { locString, ObjView, type Located } from '../model/located';
import type { AclSetting, Bucket, BucketPolicy, EndpointKind, PublicGrant, S3Model, WebResource } from '../model/s3';
import { EMPTY_S3, policyGrants } from '../model/s3';
import type { TerraformResource } from '../model/terraform';
import { literalS3Domain } from '../template/web';
import { getPair, walk, type Node, type Pair } from '../parse/tree';
import { dynamicBlock, referencedAddress, resourceLabelPair, type ResolvedResource } from './resources';
import { policyStatements } from './webPolicies';

/** The resource types (and data sources, as `data.<type>`) that take part in the model. */
export const WEB_TYPES = [
  'aws_s3_bucket',
  'aws_s3_bucket_policy',
  'aws_s3_bucket_acl',
  'aws_s3_bucket_public_access_block',
  'aws_s3_bucket_ownership_controls',
  'aws_s3_bucket_website_configuration',
  'aws_cloudfront_distribution',
  'aws_cloudfront_origin_access_control',
  'aws_cloudfront_origin_access_identity',
  'data.aws_iam_policy_document',
] as const;

/** Canned ACLs by their API names, which Terraform writes. */
const CANNED_ACLS = new Set(Object.values(CFN_CANNED_ACLS));
const PUBLIC_ACCESS_BLOCK_FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];
/** Bucket attributes that are its REST endpoint's domain. */
const REST_ATTRIBUTES = new Set(['bucket_regional_domain_name', 'bucket_domain_name']);

export interface TerraformWeb {
  readonly s3: S3Model;
  readonly cloudfront: CloudFrontModel;
}

/** The buckets and distributions of a module's resources (those of WEB_TYPES), and `all` of them for references. */
export function webFromTerraform(resources: readonly ResolvedResource[], all: () => readonly TerraformResource[]): TerraformWeb {
  if (!resources.some((r) => r.resource.mode === 'managed')) return { s3: EMPTY_S3, cloudfront: EMPTY_CLOUDFRONT };
  const of = (type: string) => resources.filter((r) => r.resource.mode === 'managed' && r.resource.type === type);
  const documents = new Map(resources.filter((r) => r.resource.mode === 'data').map((r) => [r.resource.address, r]));
  const policyOf = (r: ResolvedResource, pair: Pair): BucketPolicy => {
    const read = policyStatements(r, pair, documents, (node) => dataAddress(node, 'aws_iam_policy_document'));
    return { ...origin(r.resource), statements: read.statements, document: read.document && origin(read.document.resource) };
  };

  const buckets = of('aws_s3_bucket').map((r) => ({ r, view: new ObjView(r.body, 'snake') }));
  const names = buckets.map(({ view }) => view.str('bucket'));
  /** The bucket a `bucket` argument names: a reference to one, or its literal name; -1 when it cannot be told. */
  const bucketIndex = (node: Node | undefined): number | undefined => {
    if (!node) return undefined;
    const address = referencedAddress(node);
    if (address) {
      const i = buckets.findIndex(({ r }) => r.resource.address === address);
      return i >= 0 ? i : address.startsWith('aws_s3_bucket.') ? undefined : -1;
    }
    const name = locString(node);
    if (!name.known) return -1;
    const i = names.findIndex((n) => n?.known && n.value === name.value);
    return i >= 0 ? i : undefined;
  };
  const linked = (type: string) => {
    const byBucket = new Map<number, ResolvedResource[]>();
    for (const r of of(type)) {
      const i = bucketIndex(getPair(r.body, 'bucket')?.value);
      if (i === undefined) continue;
      byBucket.set(i, [...(byBucket.get(i) ?? []), r]);
    }
    return byBucket;
  };
  const policies = of('aws_s3_bucket_policy').flatMap((r) => {
    const pair = getPair(r.body, 'policy');
    return pair ? [{ policy: policyOf(r, pair), bucket: bucketIndex(getPair(r.body, 'bucket')?.value) }] : [];
  });
  const acls = linked('aws_s3_bucket_acl');
  const blocks = linked('aws_s3_bucket_public_access_block');
  const ownerships = linked('aws_s3_bucket_ownership_controls');
  const websites = linked('aws_s3_bucket_website_configuration');

  const modelBuckets: Bucket[] = buckets.map(({ r, view }, i): Bucket => {
    const inlinePolicy = view.pair('policy');
    const own = [...(inlinePolicy ? [policyOf(r, inlinePolicy)] : []), ...policies.filter((p) => p.bucket === i).map((p) => p.policy)];
    const settings: PublicGrant[] = policyGrants(own);
    const aclResource = acls.get(i)?.[0];
    const acl = aclResource ? aclOf(aclResource) : inlineAcl(view);
    if (acl?.canned === 'public-read' || acl?.canned === 'public-read-write') settings.push({ reason: 'acl', at: acl.value.pair!, description: acl.written });
    for (const a of acls.get(i) ?? []) settings.push(...allUsersGrants(a));
    for (const block of blocks.get(i) ?? []) {
      for (const flag of PUBLIC_ACCESS_BLOCK_FLAGS) {
        const value = new ObjView(block.body, 'snake').bool(flag);
        if (value?.known && value.value === false && value.pair) settings.push({ reason: 'publicAccessBlock', at: value.pair, description: `${block.resource.address} ${flag} = false` });
      }
    }
    const websiteResource = websites.get(i)?.[0];
    const inlineWebsite = view.pair('website') ?? dynamicBlock(view, 'website');
    const website: PublicGrant | undefined = websiteResource
      ? { reason: 'website', at: resourceLabelPair(websiteResource.resource), description: `${websiteResource.resource.address} served through the website endpoint` }
      : inlineWebsite
        ? { reason: 'website', at: inlineWebsite, description: `website served through the website endpoint` }
        : undefined;
    const name = names[i];
    return { ...origin(r.resource), name: name?.known ? name.value : undefined, acl, ownership: ownershipOf(ownerships.get(i) ?? [], ownerships.get(-1)?.[0]), publicSettings: settings, website, policies: own };
  });

  const website = new Map([...websites].flatMap(([i, rs]) => (i >= 0 ? rs.map((r) => [r.resource.address, modelBuckets[i]!] as const) : [])));
  const distributions: Distribution[] = [];
  const origins: S3Origin[] = [];
  for (const r of of('aws_cloudfront_distribution')) {
    const list: S3Origin[] = [];
    const distribution: Distribution = { ...origin(r.resource), origins: list };
    for (const raw of new ObjView(r.body, 'snake', ORIGIN_NAMES).objects('origin')) {
      const made = s3OriginOf(distribution, raw, (domain) => classifyDomain(modelBuckets, website, domain));
      if (made) list.push(made);
    }
    distributions.push(distribution);
    origins.push(...list);
  }
  return {
    s3: { buckets: modelBuckets, policies: policies.map((p) => p.policy) },
    cloudfront: {
      distributions,
      origins,
      originAccessControls: of('aws_cloudfront_origin_access_control').map((r): OriginAccessControl => ({ ...origin(r.resource), signsS3Requests: signsS3Requests(r) })),
      originAccessIdentities: of('aws_cloudfront_origin_access_identity').map((r) => origin(r.resource)),
      refersTo: referenceGraph(all),
    },
  };
}

/** An origin block's arguments under the model's names (CloudFormation's, snake_cased). */
const ORIGIN_NAMES = { Id: 'origin_id' };

function origin(resource: TerraformResource): WebResource {
  return { shape: 'terraform', logicalId: resource.address, anchor: resourceLabelPair(resource), terraform: resource };
}

function aclOf(r: ResolvedResource): AclSetting | undefined {
  const value = new ObjView(r.body, 'snake').str('acl');
  if (!value) return undefined;
  return { value, canned: cannedOf(value), written: `${r.resource.address} ${written(value)}`, removal: r.resource.address };
}

function inlineAcl(bucket: ObjView): AclSetting | undefined {
  const value = bucket.str('acl');
  return value && { value, canned: cannedOf(value), written: written(value), removal: 'acl' };
}

function cannedOf(value: Located<string>): string | undefined {
  return value.known && CANNED_ACLS.has(value.value) ? value.value : undefined;
}

function written(value: Located<string>): string {
  return value.known ? `acl = "${value.value}"` : 'acl';
}

/** access_control_policy grants to the AllUsers group (everyone). */
function allUsersGrants(r: ResolvedResource): PublicGrant[] {
  const grants: PublicGrant[] = [];
  for (const grant of new ObjView(r.body, 'snake').obj('access_control_policy')?.objects('grant') ?? []) {
    const uri = grant.obj('grantee')?.str('uri');
    if (!uri?.known || uri.value !== ALL_USERS_GRANTEE || !uri.pair) continue;
    const permission = grant.str('permission');
    grants.push({ reason: 'acl', at: uri.pair, description: `${r.resource.address} grants ${permission?.known ? permission.value : 'access'} to AllUsers` });
  }
  return grants;
}

/** Object Ownership of a bucket; unknown when an ownership resource names a bucket Berth cannot tell (`unlinked`). */
function ownershipOf(linked: readonly ResolvedResource[], unlinked: ResolvedResource | undefined): Bucket['ownership'] {
  const r = linked[0];
  if (!r) return unlinked ? { values: [{ known: false, node: unlinked.body }], written: `${unlinked.resource.address} sets object_ownership` } : undefined;
  const view = new ObjView(r.body, 'snake');
  const values: Located<string>[] = view.objects('rule').flatMap((rule) => rule.str('object_ownership') ?? []);
  const dynamic = dynamicBlock(view, 'rule');
  return { values: dynamic ? [...values, { known: false, node: dynamic.value, pair: dynamic }] : values, written: `${r.resource.address} sets object_ownership` };
}

function signsS3Requests(r: ResolvedResource): boolean {
  const v = new ObjView(r.body, 'snake');
  // One of several (count/for_each) cannot be referred to as it is.
  if (v.has('count') || v.has('for_each')) return false;
  const is = (key: string, value: string) => {
    const s = v.str(key);
    return s?.known === true && s.value === value;
  };
  return is('origin_access_control_origin_type', 's3') && is('signing_behavior', 'always') && is('signing_protocol', 'sigv4');
}

/**
 * The endpoint a domain_name names, and the bucket when it is one of the module's: a bucket's
 * bucket_regional_domain_name / bucket_domain_name (REST) or website_endpoint (website), a website configuration's
 * website_endpoint, `"${aws_s3_bucket.x.id}.s3.…"` templates, a data "aws_s3_bucket", or a literal domain.
 */
function classifyDomain(buckets: readonly Bucket[], websites: ReadonlyMap<string, Bucket>, node: Node): OriginTarget | undefined {
  const ref = referenceOf(node);
  if (ref) {
    const { address, attribute } = ref;
    const endpoint: EndpointKind | undefined = REST_ATTRIBUTES.has(attribute) ? 'rest' : attribute === 'website_endpoint' ? 'website' : undefined;
    if (!endpoint) return undefined;
    if (address.startsWith('aws_s3_bucket_website_configuration.')) {
      const bucket = websites.get(address);
      return bucket && endpoint === 'website' ? { endpoint, bucket } : undefined;
    }
    if (address.startsWith('data.aws_s3_bucket.')) return { endpoint, name: address };
    const bucket = buckets.find((b) => b.logicalId === address);
    return bucket ? { endpoint, bucket } : undefined;
  }
  if (node.kind === 'expression' && node.form === 'template') {
    const [head, tail] = node.args;
    const bucketRef = head && referenceOf(head);
    const rest = tail?.kind === 'scalar' && typeof tail.value === 'string' ? /^\.(s3-website[.-]|s3[.-])/.exec(tail.value) : undefined;
    if (!bucketRef || !rest || (bucketRef.attribute !== 'id' && bucketRef.attribute !== 'bucket')) return undefined;
    const bucket = buckets.find((b) => b.logicalId === bucketRef.address);
    return bucket ? { endpoint: rest[1]!.startsWith('s3-website') ? 'website' : 'rest', bucket } : undefined;
  }
  const text = locString(node);
  const literal = text.known ? literalS3Domain(text.value) : undefined;
  return literal && { ...literal, bucket: buckets.find((b) => b.name === literal.name) };
}

/** `aws_s3_bucket.site.bucket_regional_domain_name` → the address and the attribute (its last name). */
function referenceOf(node: Node): { address: string; attribute: string } | undefined {
  const address = referencedAddress(node);
  if (!address || node.kind !== 'expression') return undefined;
  const names = (node.traversal ?? []).filter((step): step is string => typeof step === 'string');
  const attribute = names[address.split('.').length];
  return attribute ? { address, attribute } : undefined;
}

/** The data source of a type an expression refers to (`data.aws_iam_policy_document.site.json`). */
function dataAddress(node: Node, type: string): string | undefined {
  const address = referencedAddress(node);
  return address?.startsWith(`data.${type}.`) ? address : undefined;
}

/** Whether resource `from` refers to `to` (references and depends_on), directly or through other resources. */
function referenceGraph(all: () => readonly TerraformResource[]): (from: string, to: string) => boolean {
  let edges: Map<string, Set<string>> | undefined;
  const edgesOf = () => {
    if (edges) return edges;
    edges = new Map();
    for (const resource of all()) {
      const targets = new Set<string>();
      walk(resource.body, (node) => {
        const address = referencedAddress(node);
        if (address) targets.add(address);
      });
      edges.set(resource.address, targets);
    }
    return edges;
  };
  return (from, to) => {
    const graph = edgesOf();
    const seen = new Set([from]);
    const queue = [from];
    while (queue.length) {
      for (const target of graph.get(queue.shift()!) ?? []) {
        if (target === to) return true;
        if (!seen.has(target)) {
          seen.add(target);
          queue.push(target);
        }
      }
    }
    return false;
  };
}
