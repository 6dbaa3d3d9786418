/**
 * S3 buckets as one model for every shape: each bucket with the settings that make it public or keep it private
 * (its bucket policies' statements, its canned ACL, public access block flags, Object Ownership, website hosting).
 * CloudFormation writes them as properties of AWS::S3::Bucket plus AWS::S3::BucketPolicy (template/web.ts builds
 * them); Terraform as separate resources linked by reference (aws_s3_bucket_policy, _acl, _public_access_block,
 * _ownership_controls, _website_configuration; terraform/web.ts). The S3 and CloudFront rules read only this, and
 * model/cloudfront.ts, so each is written once.
 */
import { CLOUDFRONT_SERVICE_PRINCIPAL, PUBLIC_CANNED_ACLS, SOURCE_SCOPING_KEYS } from '../facts/s3';
import { asArray, asObject, getPair, getValue, type Node, type ObjectNode, type Pair } from '../parse/tree';
import type { Located } from './located';
import type { Resource } from './template';
import type { TerraformResource } from './terraform';

export type WebShape = 'cfn' | 'terraform';

/** What every S3 and CloudFront resource of the model has. */
export interface WebResource {
  readonly shape: WebShape;
  /** CloudFormation logical id; Terraform address (`aws_s3_bucket.site`). */
  readonly logicalId: string;
  /** Where findings about the resource as a whole land: the logical id, or the Terraform name label. */
  readonly anchor: Pair;
  /** The resource as its shape declares it, for the fixes that edit it. */
  readonly cfn?: Resource;
  readonly terraform?: TerraformResource;
}

/**
 * How a policy statement is written: IAM JSON in a template (`template`), an HCL object in `jsonencode()`
 * (`jsonencode`), JSON in a Terraform string or heredoc (`json`), or a `statement` block of
 * data.aws_iam_policy_document (`policy-document`).
 */
export type StatementSyntax = 'template' | 'jsonencode' | 'json' | 'policy-document';

export interface PolicyStatement {
  readonly node: ObjectNode;
  readonly syntax: StatementSyntax;
  /** Effect Allow (a policy document's statement allows when `effect` is omitted). */
  readonly allow: boolean;
  /** The principal as written when it is everyone (`Principal: "*"`, `AWS: "*"`, `principals { type = "*" }`). */
  readonly everyone?: { readonly at: Pair; readonly written: string };
  /** The cloudfront.amazonaws.com service principal, where written. */
  readonly cloudFrontService?: Node;
  /** Whether a condition is written at all. */
  readonly hasCondition: boolean;
  /** True when a condition names AWS:SourceArn or AWS:SourceAccount, or may (given by something unknown). */
  readonly sourceScoped: boolean;
}

export interface BucketPolicy extends WebResource {
  readonly statements: readonly PolicyStatement[];
  /** The data.aws_iam_policy_document the policy is built from, when it is one (Terraform). */
  readonly document?: WebResource;
}

export type PublicReason = 'policy' | 'acl' | 'publicAccessBlock' | 'website';

export interface PublicGrant {
  readonly reason: PublicReason;
  /** Where the grant is: the statement's principal, the ACL, the false flag, the website configuration. */
  readonly at: Pair;
  /** For messages, in the shape's terms: `AccessControl PublicRead`, `aws_s3_bucket_acl.site acl = "public-read"`. */
  readonly description: string;
  /** For 'policy': the statement and its policy. */
  readonly statement?: PolicyStatement;
  readonly policy?: BucketPolicy;
}

/** A canned ACL as written (AccessControl, or acl on aws_s3_bucket_acl or the bucket). */
export interface AclSetting {
  readonly value: Located<string>;
  /** The API's name for it (`public-read`), when the value is known and is one. */
  readonly canned?: string;
  /** How a message names the setting: `AccessControl PublicRead`, `aws_s3_bucket_acl.site acl = "public-read"`. */
  readonly written: string;
  /** What to remove to use a bucket policy instead: `AccessControl`, `aws_s3_bucket_acl.site`. */
  readonly removal: string;
}

export interface Bucket extends WebResource {
  /** BucketName / bucket, when known: a literal origin domain names the bucket by it. */
  readonly name?: string;
  readonly acl?: AclSetting;
  /** Object Ownership as written (OwnershipControls Rules / aws_s3_bucket_ownership_controls rule); undefined when not written. */
  readonly ownership?: {
    readonly values: readonly Located<string>[];
    /** How a message names the setting: `OwnershipControls sets ObjectOwnership`, `aws_s3_bucket_ownership_controls.site sets object_ownership`. */
    readonly written: string;
  };
  /** Grants that make the bucket public whatever endpoint serves it (policy statements, ACLs, false block flags). */
  readonly publicSettings: readonly PublicGrant[];
  /** Website hosting, which makes the bucket public when an origin reaches it through the website endpoint. */
  readonly website?: PublicGrant;
  readonly policies: readonly BucketPolicy[];
}

export interface S3Model {
  readonly buckets: readonly Bucket[];
  /** Every bucket policy, also those whose bucket is not in the model. */
  readonly policies: readonly BucketPolicy[];
}

export const EMPTY_S3: S3Model = { buckets: [], policies: [] };

export type EndpointKind = 'rest' | 'website';

/** How the bucket is made public, for an origin reaching it through `endpoint`. */
export function publicGrants(bucket: Bucket, endpoint: EndpointKind): PublicGrant[] {
  return endpoint === 'website' && bucket.website ? [...bucket.publicSettings, bucket.website] : [...bucket.publicSettings];
}

/** The public grants of a bucket's policies: Allow statements to everyone without a condition. */
export function policyGrants(policies: readonly BucketPolicy[]): PublicGrant[] {
  const grants: PublicGrant[] = [];
  for (const policy of policies) {
    const label = policy.document ? `${policy.logicalId} (${policy.document.logicalId})` : policy.logicalId;
    for (const statement of policy.statements) {
      if (!statement.allow || !statement.everyone || statement.hasCondition) continue;
      grants.push({ reason: 'policy', at: statement.everyone.at, description: `bucket policy ${label} allows ${statement.everyone.written} without a condition`, statement, policy });
    }
  }
  return grants;
}

/** Whether a canned ACL (API name) makes the bucket public. */
export function isPublicCannedAcl(acl: AclSetting | undefined): boolean {
  return acl?.canned !== undefined && PUBLIC_CANNED_ACLS.has(acl.canned);
}

// ---- IAM JSON statements (CloudFormation, jsonencode, JSON strings) --------------------------------------------

/** The statements of an IAM policy document in JSON shape (`Statement` a list or a single statement). */
export function jsonStatements(document: Node | undefined, syntax: StatementSyntax): PolicyStatement[] {
  const statement = getValue(document, 'Statement');
  const nodes = statement?.kind === 'object' ? [statement] : (asArray(statement)?.items ?? []).flatMap((item) => (item.kind === 'object' ? [item] : []));
  return nodes.map((node) => jsonStatement(node, syntax));
}

function jsonStatement(node: ObjectNode, syntax: StatementSyntax): PolicyStatement {
  const effect = getValue(node, 'Effect');
  const principal = getPair(node, 'Principal');
  const condition = getPair(node, 'Condition');
  return {
    node,
    syntax,
    allow: effect?.kind === 'scalar' && effect.value === 'Allow',
    everyone: principal && isEveryonePrincipal(principal.value) ? { at: principal, written: 'Principal "*"' } : undefined,
    cloudFrontService: listed(getValue(principal?.value, 'Service')).find(isCloudFrontService),
    hasCondition: condition !== undefined,
    sourceScoped: condition !== undefined && jsonConditionScoped(condition.value),
  };
}

/** `"*"`, `{AWS: "*"}` or `{AWS: ["*"]}`. */
function isEveryonePrincipal(node: Node): boolean {
  if (node.kind === 'scalar') return node.value === '*';
  return listed(getValue(node, 'AWS')).some((item) => item.kind === 'scalar' && item.value === '*');
}

/** Any operator whose keys include AWS:SourceArn / AWS:SourceAccount; a condition given by something unknown may. */
function jsonConditionScoped(condition: Node): boolean {
  const operators = asObject(condition);
  if (!operators) return true;
  return operators.pairs.some((operator) => operator.value.kind !== 'object' || operator.value.pairs.some((p) => SOURCE_SCOPING_KEYS.has(p.key.toLowerCase())));
}

/** A value or each item of a list. */
export function listed(node: Node | undefined): Node[] {
  return asArray(node)?.items ?? (node ? [node] : []);
}

export function isCloudFrontService(node: Node): boolean {
  return node.kind === 'scalar' && node.value === CLOUDFRONT_SERVICE_PRINCIPAL;
}
