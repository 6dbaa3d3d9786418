/**
 * The S3/CloudFront fixes in a Terraform file (HCL only): a new aws_cloudfront_origin_access_control after the
 * distribution (or one of the module's that any S3 origin can use), `origin_access_control_id` on the origin, and,
 * for a public bucket, each public statement turned into a grant to cloudfront.amazonaws.com scoped to the
 * distribution. A fix edits only the file it is shown in, so every piece it changes must be written there. Pure.
 */
import { replaceScalar } from '../../../fix/edits';
import { blockText, HclBlock, HclExpression, HclObject, hclLayoutOf, insertAttributeAfter, insertBlockAfter, uniqueName, type HclLayout } from '../../../fix/hclEdits';
import type { Fix, TextEdit } from '../../../fix/types';
import type { S3Origin } from '../../../model/cloudfront';
import type { PublicGrant } from '../../../model/s3';
import type { TerraformResource } from '../../../model/terraform';
import { getPair, type Pair } from '../../../parse/tree';
import type { RuleContext } from '../../types';
import { migrationTitle, MIGRATION_SID } from './oacFix';

type Context = RuleContext<string>;

/**
 * OAI → OAC. Terraform cannot be told to update the bucket policy before the distribution without a new
 * dependency, so the fix is offered only once the bucket policy already allows cloudfront.amazonaws.com with a
 * source condition: the origin then switches without a 403. The OAI and its grant stay for a later apply.
 */
export function terraformOaiMigration(ctx: Context, origin: S3Origin): Fix | undefined {
  const dist = origin.distribution.terraform;
  const bucket = origin.bucket;
  if (!dist || !bucket || !origin.oai || !isHcl(ctx) || !ctx.editable(origin.oai.value) || !ctx.editable(origin.domain)) return undefined;
  if (!bucket.policies.some((p) => p.statements.some((s) => s.allow && s.cloudFrontService && s.sourceScoped))) return undefined;
  const oac = originAccessControl(ctx, origin, dist);
  if (!oac) return undefined;
  return { title: migrationTitle(origin, oac.reused), edits: [...oac.edits, { span: origin.oai.value.span, newText: '""' }] };
}

/**
 * A public bucket behind the origin: an origin access control, and each public statement (jsonencode or a policy
 * document's statement block) granted to cloudfront.amazonaws.com with AWS:SourceArn set to the distribution's arn.
 * That reference makes Terraform update the distribution first, while the bucket is still public, so no request
 * fails on the way.
 */
export function terraformPublicBucketFix(ctx: Context, origin: S3Origin, grants: readonly PublicGrant[]): Fix | undefined {
  const dist = origin.distribution.terraform;
  const bucket = origin.bucket;
  if (!dist || !bucket || !isHcl(ctx) || !ctx.editable(origin.domain)) return undefined;
  const layout = hclLayoutOf(ctx.text, dist.pair);
  const arn = HclExpression.reference(dist.type, dist.name, 'arn');
  const edits: TextEdit[] = [];
  for (const grant of grants) {
    if (grant.reason !== 'policy') continue;
    const statement = grant.statement;
    const policy = grant.policy;
    if (!statement || !policy || !ctx.editable(grant.at) || !ctx.editable(statement.node)) return undefined;
    // A distribution that already refers to the policy would make a cycle with the new condition.
    if ([policy, policy.document].some((r) => r && ctx.model.cloudfront?.refersTo(origin.distribution.logicalId, r.logicalId))) return undefined;
    const sid = getPair(statement.node, statement.syntax === 'policy-document' ? 'sid' : 'Sid');
    if (sid?.value.kind === 'scalar' && typeof sid.value.value === 'string') edits.push(replaceScalar(ctx.text, sid.value, MIGRATION_SID));
    const rewritten = statement.syntax === 'jsonencode' ? jsonencodeGrant(ctx.text, grant.at, statement.node.pairs, arn, layout) : statement.syntax === 'policy-document' ? documentGrant(ctx.text, grant.at, arn, layout) : undefined;
    if (!rewritten) return undefined;
    edits.push(...rewritten);
  }
  const oac = originAccessControl(ctx, origin, dist);
  if (!oac) return undefined;
  return { title: `Serve ${bucket.logicalId} through an origin access control and make it private`, edits: [...oac.edits, ...edits] };
}

function isHcl(ctx: Context): boolean {
  return /\.tf$/.test(ctx.uri);
}

/** The OAC the origin signs with: one of the module's fit for any S3 origin, else a new one after the distribution. */
function originAccessControl(ctx: Context, origin: S3Origin, dist: TerraformResource): { edits: TextEdit[]; reused?: string } | undefined {
  const controls = ctx.model.cloudfront?.originAccessControls ?? [];
  const reused = controls.find((oac) => oac.signsS3Requests);
  const edits: TextEdit[] = [];
  let address = reused?.logicalId;
  if (!address) {
    const bucket = origin.bucket!;
    const taken = new Set(controls.map((oac) => oac.terraform?.name));
    const name = uniqueName((n) => taken.has(n), bucket.terraform?.name ?? 'site');
    address = `aws_cloudfront_origin_access_control.${name}`;
    const block = new HclBlock('resource', ['aws_cloudfront_origin_access_control', name], [
      ['name', HclExpression.reference(bucket.logicalId, 'bucket')],
      ['origin_access_control_origin_type', 's3'],
      ['signing_behavior', 'always'],
      ['signing_protocol', 'sigv4'],
    ]);
    edits.push(insertBlockAfter(ctx.text, dist.pair, block));
  }
  const empty = origin.raw.pair('OriginAccessControlId');
  const id = HclExpression.reference(address, 'id');
  if (empty) {
    if (!ctx.editable(empty.value)) return undefined;
    edits.push({ span: empty.value.span, newText: id.text });
  } else {
    const added = insertAttributeAfter(ctx.text, origin.domain, 'origin_access_control_id', id);
    if (!added) return undefined;
    edits.push(...added);
  }
  return { edits, reused: reused?.logicalId };
}

/** `Principal = "*"` → `Principal = { Service = "cloudfront.amazonaws.com" }`, and a Condition after the last pair. */
function jsonencodeGrant(text: string, principal: Pair, pairs: readonly Pair[], arn: HclExpression, layout: HclLayout): TextEdit[] | undefined {
  const last = pairs[pairs.length - 1]!;
  const condition = new HclObject([['StringEquals', new HclObject([['AWS:SourceArn', arn]])]]);
  const added = insertAttributeAfter(text, last, 'Condition', condition, layout);
  if (!added) return undefined;
  return [{ span: principal.value.span, newText: '{ Service = "cloudfront.amazonaws.com" }' }, ...added];
}

/** `principals { type = "*" … }` → the service principal, and a condition block after it. */
function documentGrant(text: string, principals: Pair, arn: HclExpression, layout: HclLayout): TextEdit[] | undefined {
  const indent = principals.keySpan.start - (text.lastIndexOf('\n', principals.keySpan.start - 1) + 1);
  if (!/^[ \t]*$/.test(text.slice(principals.keySpan.start - indent, principals.keySpan.start))) return undefined;
  const pad = (n: number) => ' '.repeat(n);
  const inner = indent + layout.step;
  const service = `{${layout.eol}${pad(inner)}type        = "Service"${layout.eol}${pad(inner)}identifiers = ["cloudfront.amazonaws.com"]${layout.eol}${pad(indent)}}`;
  const condition = new HclBlock('condition', [], [
    ['test', 'StringEquals'],
    ['variable', 'AWS:SourceArn'],
    ['values', [arn]],
  ]);
  return [{ span: principals.value.span, newText: service }, { span: { start: principals.span.end, end: principals.span.end }, newText: `${layout.eol}${pad(indent)}${blockText(condition, indent, layout)}` }];
}
