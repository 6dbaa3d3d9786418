/**
 * CloudFront distributions as one model for every shape: each origin that reaches S3, through which endpoint, the
 * bucket it reaches (model/s3.ts) and how it authenticates (origin access control, legacy origin access identity, or
 * not at all), plus the origin access controls and identities declared beside them. Built from CloudFormation
 * (template/web.ts) and Terraform (terraform/web.ts); the S3/CloudFront rules read only this and model/s3.ts.
 */
import type { Node, Pair } from '../parse/tree';
import type { ObjView } from './located';
import type { Bucket, EndpointKind, StatementSyntax, WebResource, WebShape } from './s3';

export interface Distribution extends WebResource {
  readonly origins: readonly S3Origin[];
}

/** An origin of a distribution whose domain is an S3 REST or website endpoint. */
export interface S3Origin {
  readonly distribution: Distribution;
  /** The origin as written: an item of Origins (PascalCase) or an `origin` block (snake_case). */
  readonly raw: ObjView;
  /** How messages name it: its Id / origin_id in quotes, else its domain in parentheses. */
  readonly label: string;
  /** DomainName / domain_name. */
  readonly domain: Pair;
  readonly endpoint: EndpointKind;
  /** The bucket it reaches, when that bucket is in the model. */
  readonly bucket?: Bucket;
  /** How messages name a bucket outside the model: its name from a literal domain, or the data source's address. */
  readonly bucketName?: string;
  /** OriginAccessControlId / origin_access_control_id with a value that is not empty. */
  readonly oac?: Pair;
  /** S3OriginConfig.OriginAccessIdentity / s3_origin_config.origin_access_identity with a value that is not empty. */
  readonly oai?: Pair;
}

export interface OriginAccessControl extends WebResource {
  /** For S3 origins, signing every request with SigV4, and not conditional: any S3 origin can use it as it is. */
  readonly signsS3Requests: boolean;
}

export interface CloudFrontModel {
  readonly distributions: readonly Distribution[];
  /** The S3 origins of every distribution. */
  readonly origins: readonly S3Origin[];
  readonly originAccessControls: readonly OriginAccessControl[];
  readonly originAccessIdentities: readonly WebResource[];
  /**
   * Whether resource `from` refers to resource `to`, directly or through others (references, DependsOn /
   * depends_on): what orders their deploy. Ids are logical ids or Terraform addresses.
   */
  refersTo(from: string, to: string): boolean;
}

/** Where an origin's domain leads: the endpoint, and the bucket when the model has it, else the bucket's name. */
export interface OriginTarget {
  readonly endpoint: EndpointKind;
  readonly bucket?: Bucket;
  readonly name?: string;
}

/**
 * The S3 origin of an origin as written (`raw`, read through the shape's ObjView names), when `classify` says
 * where its domain leads; every shape shares it, only the classification of the domain differs.
 */
export function s3OriginOf(distribution: Distribution, raw: ObjView, classify: (domain: Node) => OriginTarget | undefined): S3Origin | undefined {
  const domain = raw.pair('DomainName');
  if (!domain) return undefined;
  const target = classify(domain.value);
  if (!target) return undefined;
  const oac = raw.pair('OriginAccessControlId');
  const oai = raw.obj('S3OriginConfig')?.pair('OriginAccessIdentity');
  const id = raw.str('Id');
  return {
    distribution,
    raw,
    label: id?.known ? `"${id.value}"` : `(${domain.value.kind === 'scalar' ? String(domain.value.value) : 'S3'})`,
    domain,
    endpoint: target.endpoint,
    bucket: target.bucket,
    bucketName: target.bucket ? undefined : target.name,
    oac: oac && !isEmptyString(oac.value) ? oac : undefined,
    oai: oai && !isEmptyString(oai.value) ? oai : undefined,
  };
}

function isEmptyString(node: Node): boolean {
  return node.kind === 'scalar' && (node.value === '' || node.value === null);
}

export const EMPTY_CLOUDFRONT: CloudFrontModel = { distributions: [], origins: [], originAccessControls: [], originAccessIdentities: [], refersTo: () => false };

/** How a bucket outside the model or inside it is named in messages. */
export function originBucketName(origin: S3Origin): string {
  return origin.bucket?.logicalId ?? origin.bucketName ?? 'of this origin';
}

/**
 * The words a message uses for the settings it advises, in each shape's own terms (CloudFormation's property and
 * type names, Terraform's resource types and arguments).
 */
export interface WebTerms {
  /** A new origin access control: `an AWS::CloudFront::OriginAccessControl`. */
  readonly newOac: string;
  /** The origin's origin access control setting. */
  readonly oacKey: string;
  /** How an origin stops using its origin access identity. */
  readonly clearOai: string;
  readonly defaultRootObject: string;
  /** The REST endpoint of a bucket (its logical id or address, when known). */
  restDomain(bucket: string | undefined): string;
  /** Object Ownership that enables ACLs, as a setting to add. */
  readonly addOwnershipControls: string;
  /** Object Ownership that enables ACLs, as a change of the value written. */
  readonly enableAcls: string;
  /** What fails when S3 rejects the ACL of a new bucket. */
  readonly createFails: string;
  /** What fails when S3 rejects the ACL of a bucket that disables ACLs. */
  readonly deployFails: string;
}

export const WEB_TERMS: Readonly<Record<WebShape, WebTerms>> = {
  cfn: {
    newOac: 'an AWS::CloudFront::OriginAccessControl',
    oacKey: 'OriginAccessControlId',
    clearOai: "set OriginAccessIdentity to ''",
    defaultRootObject: 'DefaultRootObject',
    restDomain: (bucket) => `!GetAtt ${bucket ?? 'Bucket'}.RegionalDomainName`,
    addOwnershipControls: 'add OwnershipControls with ObjectOwnership ObjectWriter or BucketOwnerPreferred',
    enableAcls: 'set ObjectOwnership to ObjectWriter or BucketOwnerPreferred',
    createFails: 'creating this bucket fails',
    deployFails: 'CloudFormation fails to create or update this bucket',
  },
  terraform: {
    newOac: 'an aws_cloudfront_origin_access_control',
    oacKey: 'origin_access_control_id',
    clearOai: 'set origin_access_identity to ""',
    defaultRootObject: 'default_root_object',
    restDomain: (bucket) => `${bucket ?? 'aws_s3_bucket.<name>'}.bucket_regional_domain_name`,
    addOwnershipControls: 'add an aws_s3_bucket_ownership_controls with object_ownership ObjectWriter or BucketOwnerPreferred (and make the ACL depend on it)',
    enableAcls: 'set object_ownership to ObjectWriter or BucketOwnerPreferred',
    createFails: 'terraform apply fails to set the ACL',
    deployFails: 'terraform apply fails to set the ACL',
  },
};

/** The condition that scopes a grant to one distribution, written in the statement's own syntax. */
export const SOURCE_ARN_CONDITION: Readonly<Record<StatementSyntax, string>> = {
  template: 'Condition: StringEquals: AWS:SourceArn: the ARN of your distribution',
  jsonencode: 'Condition = { StringEquals = { "AWS:SourceArn" = <the distribution\'s arn> } }',
  json: '"Condition": { "StringEquals": { "AWS:SourceArn": "<the distribution\'s ARN>" } }',
  'policy-document': 'a condition block: test = "StringEquals", variable = "AWS:SourceArn", values = [<the distribution\'s arn>]',
};
