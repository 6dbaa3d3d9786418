import { formatOfText } from '../../fix/edits';
import type { Template } from '../../model/template';
import { getPair } from '../../parse/tree';
import { originLabel, publicGrants, s3Origins, type PublicGrant, type S3Origin } from '../../template/s3origins';
import { blockIndent, insertResourceBefore, uniqueLogicalId } from '../../fix/structuredEdits';
import { defineRule } from '../defineRule';
import type { Fix, TextEdit } from '../../fix/types';
import { oacResource } from './shared/oacFix';

export default defineRule({
  id: 'cfn/no-public-bucket-behind-cloudfront',
  kinds: ['cloudformation'],
  severity: 'warning',
  docs: {
    summary: 'Disallow a public S3 bucket behind CloudFront when an origin access control would keep it private',
    concept: 's3-cloudfront-oac',
    reference: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html',
  },
  messages: {
    publicBucket:
      'Origin {origin} of {distribution} serves bucket {bucket}, which is public ({how}), and the origin has no origin access control (OAC) or identity. Anyone can read the objects straight from S3, bypassing CloudFront (its cache, WAF, geo restrictions, signed URLs and logs). Keep the bucket private: add an AWS::CloudFront::OriginAccessControl, set OriginAccessControlId on this origin, and let the bucket policy allow only cloudfront.amazonaws.com with AWS:SourceArn set to this distribution.',
    publicWebsiteBucket:
      'Origin {origin} of {distribution} reaches bucket {bucket} through its S3 website endpoint, so the bucket must be public ({how}) and anyone can read it straight from S3, bypassing CloudFront. A website endpoint cannot use an origin access control. Use the REST endpoint (!GetAtt {bucket}.RegionalDomainName) with an OriginAccessControl, DefaultRootObject for index.html, and a CloudFront Function for index documents in subfolders; then make the bucket private.',
  },
  check(ctx) {
    const template = ctx.model.template;
    if (!template) return;
    for (const origin of s3Origins(template)) {
      if (!origin.bucket || origin.oac || origin.oai) continue;
      const grants = publicGrants(template, origin.bucket, origin.endpoint);
      if (grants.length === 0) continue;
      const data = {
        origin: originLabel(origin),
        distribution: origin.distribution.logicalId,
        bucket: origin.bucket.logicalId,
        how: [...new Set(grants.map(describeGrant))].join('; '),
      };
      const related = grants.map((g) => ({ at: g.at, message: `${origin.bucket!.logicalId} is public here: ${describeGrant(g)}` }));
      if (origin.endpoint === 'website') {
        ctx.report({ at: origin.domainPair.value, messageId: 'publicWebsiteBucket', data, related });
      } else {
        ctx.report({ at: origin.domainPair.value, messageId: 'publicBucket', data, related, fix: oacFix(ctx.text, template, origin, grants) });
      }
    }
  },
});

function describeGrant(grant: PublicGrant): string {
  switch (grant.reason) {
    case 'policy':
      return `bucket policy ${grant.policy!.logicalId} allows Principal "*" without a condition`;
    case 'acl':
      return `AccessControl ${grant.at.value.kind === 'scalar' ? String(grant.at.value.value) : ''}`.trim();
    case 'publicAccessBlock':
      return `PublicAccessBlockConfiguration ${grant.at.key}: false`;
    case 'website':
      return 'WebsiteConfiguration served through the website endpoint';
  }
}

/**
 * The fix, for block-style YAML only: a new AWS::CloudFront::OriginAccessControl before the distribution,
 * OriginAccessControlId (and an empty S3OriginConfig when there is none) on the origin, and each public statement
 * turned into one for cloudfront.amazonaws.com scoped to this distribution. Offered only when every public grant is
 * a policy statement or a public-access-block flag, so the result is really private.
 */
function oacFix(text: string, template: Template, origin: S3Origin, grants: readonly PublicGrant[]): Fix | undefined {
  if (formatOfText(text) !== 'yaml') return undefined;
  if (!grants.some((g) => g.reason === 'policy') || grants.some((g) => g.reason === 'acl' || g.reason === 'website')) return undefined;
  if (origin.origin.has('CustomOriginConfig')) return undefined;
  const dist = origin.distribution;
  const distKey = blockIndent(text, dist.pair.keySpan.start);
  const typeKey = dist.node ? getPair(dist.node, 'Type') : undefined;
  if (!distKey.block || !typeKey) return undefined;
  const typeIndent = blockIndent(text, typeKey.keySpan.start);
  const step = typeIndent.indent - distKey.indent;
  if (!typeIndent.block || step <= 0) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const pad = (n: number) => ' '.repeat(n);

  const oacId = uniqueLogicalId(template, `${origin.bucket!.logicalId}OriginAccessControl`);

  const edits: TextEdit[] = [];
  const resource = insertResourceBefore(text, { format: 'yaml', eol, step }, dist, oacId, oacResource(origin.bucket!.logicalId));
  if (!resource) return undefined;
  edits.push(resource);

  const domainKey = blockIndent(text, origin.domainPair.keySpan.start);
  if (!domainKey.block) return undefined;
  const d = domainKey.indent;
  let originText = `${eol}${pad(d)}OriginAccessControlId: !GetAtt ${oacId}.Id`;
  if (!origin.origin.has('S3OriginConfig')) originText += `${eol}${pad(d)}S3OriginConfig:${eol}${pad(d + step)}OriginAccessIdentity: ''`;
  edits.push({ span: { start: origin.domainPair.span.end, end: origin.domainPair.span.end }, newText: originText });

  for (const grant of grants) {
    if (grant.reason !== 'policy' || !grant.statement) continue;
    const principal = grant.at;
    const p = blockIndent(text, principal.keySpan.start);
    const last = grant.statement.pairs[grant.statement.pairs.length - 1]!;
    const lastKey = blockIndent(text, last.keySpan.start);
    if (!p.block || !lastKey.block || lastKey.indent !== p.indent) return undefined;
    const sid = getPair(grant.statement, 'Sid');
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
  return { title: `Serve ${origin.bucket!.logicalId} through an origin access control and make it private`, edits };
}
