import { originLabel, s3Origins } from '../../template/s3origins';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'cfn/prefer-origin-access-control',
  kinds: ['cloudformation'],
  severity: 'info',
  docs: {
    summary: 'Prefer an origin access control (OAC) to a legacy origin access identity (OAI)',
    concept: 's3-cloudfront-oac',
    awsDocs: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html#migrate-from-oai-to-oac',
  },
  messages: {
    legacyOai:
      'Origin {origin} of {distribution} uses a legacy origin access identity. AWS recommends an origin access control instead: it works in every Region (including opt-in Regions), with SSE-KMS encrypted objects, and for PUT/DELETE. Add an AWS::CloudFront::OriginAccessControl, set OriginAccessControlId, set OriginAccessIdentity to \'\', and grant cloudfront.amazonaws.com (with AWS:SourceArn) in the bucket policy instead of the OAI.',
  },
  check(ctx) {
    const template = ctx.model.template;
    if (!template) return;
    for (const origin of s3Origins(template)) {
      if (!origin.oai || origin.oac) continue;
      ctx.report({ at: origin.oai.value, messageId: 'legacyOai', data: { origin: originLabel(origin), distribution: origin.distribution.logicalId } });
    }
  },
});
