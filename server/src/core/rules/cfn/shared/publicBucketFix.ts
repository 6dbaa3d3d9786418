/**
 * The fix of cfn/no-public-bucket-behind-cloudfront: serve the bucket through a new origin access control and turn
 * each public policy statement into a grant to cloudfront.amazonaws.com scoped to the distribution. Offered only
 * when every public grant is a policy statement or a public-access-block flag, so the result is really private.
 * Pure.
 */
import { formatOfText } from '../../../fix/edits';
import { blockIndent, insertResourceBefore, uniqueLogicalId } from '../../../fix/structuredEdits';
import type { Fix, TextEdit } from '../../../fix/types';
import type { S3Origin } from '../../../model/cloudfront';
import type { PublicGrant } from '../../../model/s3';
import { getPair } from '../../../parse/tree';
import type { RuleContext, RunInput } from '../../types';
import { oacResource } from './oacFix';
import { terraformPublicBucketFix } from './terraformWebFixes';

export function publicBucketFix(ctx: RuleContext<string>, origin: S3Origin, grants: readonly PublicGrant[]): Fix | undefined {
  if (!grants.some((g) => g.reason === 'policy') || grants.some((g) => g.reason === 'acl' || g.reason === 'website')) return undefined;
  if (origin.raw.has('CustomOriginConfig')) return undefined;
  return origin.distribution.shape === 'cfn' ? templateFix(ctx, origin, grants) : terraformPublicBucketFix(ctx, origin, grants);
}

/**
 * Block-style YAML only: a new AWS::CloudFront::OriginAccessControl before the distribution, OriginAccessControlId
 * (and an empty S3OriginConfig when there is none) on the origin, and each public statement turned into one for
 * cloudfront.amazonaws.com scoped to this distribution.
 */
function templateFix(input: RunInput, origin: S3Origin, grants: readonly PublicGrant[]): Fix | undefined {
  const { text } = input;
  const template = input.model.template;
  const dist = origin.distribution.cfn;
  const bucket = origin.bucket!;
  if (!template || !dist || formatOfText(text) !== 'yaml') return undefined;
  const distKey = blockIndent(text, dist.pair.keySpan.start);
  const typeKey = dist.node ? getPair(dist.node, 'Type') : undefined;
  if (!distKey.block || !typeKey) return undefined;
  const typeIndent = blockIndent(text, typeKey.keySpan.start);
  const step = typeIndent.indent - distKey.indent;
  if (!typeIndent.block || step <= 0) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const pad = (n: number) => ' '.repeat(n);

  const oacId = uniqueLogicalId(template, `${bucket.logicalId}OriginAccessControl`);

  const edits: TextEdit[] = [];
  const resource = insertResourceBefore(text, { format: 'yaml', eol, step }, dist, oacId, oacResource(bucket.logicalId));
  if (!resource) return undefined;
  edits.push(resource);

  const domainKey = blockIndent(text, origin.domain.keySpan.start);
  if (!domainKey.block) return undefined;
  const d = domainKey.indent;
  let originText = `${eol}${pad(d)}OriginAccessControlId: !GetAtt ${oacId}.Id`;
  if (!origin.raw.has('S3OriginConfig')) originText += `${eol}${pad(d)}S3OriginConfig:${eol}${pad(d + step)}OriginAccessIdentity: ''`;
  edits.push({ span: { start: origin.domain.span.end, end: origin.domain.span.end }, newText: originText });

  for (const grant of grants) {
    if (grant.reason !== 'policy' || !grant.statement) continue;
    const statement = grant.statement.node;
    const principal = grant.at;
    const p = blockIndent(text, principal.keySpan.start);
    const last = statement.pairs[statement.pairs.length - 1]!;
    const lastKey = blockIndent(text, last.keySpan.start);
    if (!p.block || !lastKey.block || lastKey.indent !== p.indent) return undefined;
    const sid = getPair(statement, 'Sid');
    if (sid?.value.kind === 'scalar') edits.push({ span: sid.value.span, newText: 'AllowCloudFrontServicePrincipal' });
    edits.push({ span: principal.span, newText: `Principal:${eol}${pad(p.indent + step)}Service: cloudfront.amazonaws.com` });
    const condition = [
      `${pad(p.indent)}Condition:`,
      `${pad(p.indent + step)}StringEquals:`,
      `${pad(p.indent + 2 * step)}AWS:SourceArn: !Sub 'arn:\${AWS::Partition}:cloudfront::\${AWS::AccountId}:distribution/\${${dist.logicalId}}'`,
    ];
    if (last === principal) {
      edits[edits.length - 1] = { span: principal.span, newText: `Principal:${eol}${pad(p.indent + step)}Service: cloudfront.amazonaws.com${eol}${condition.join(eol)}` };
    } else {
      edits.push({ span: { start: last.span.end, end: last.span.end }, newText: eol + condition.join(eol) });
    }
  }
  return { title: `Serve ${bucket.logicalId} through an origin access control and make it private`, edits };
}
