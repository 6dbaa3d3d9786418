import { WEB_TERMS } from '../../model/cloudfront';
import { defineRule } from '../defineRule';
import { oaiMigrationFix } from './shared/oaiMigrationFix';

export default defineRule({
  id: 'cfn/prefer-origin-access-control',
  kinds: ['cloudformation', 'terraform'],
  severity: 'info',
  docs: {
    summary: 'Prefer an origin access control (OAC) to a legacy origin access identity (OAI)',
    concept: 's3-cloudfront-oac',
    reference: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html#migrate-from-oai-to-oac',
  },
  messages: {
    legacyOai:
      'Origin {origin} of {distribution} uses a legacy origin access identity. AWS recommends an origin access control instead: it works in every Region (including opt-in Regions), with SSE-KMS encrypted objects, and for PUT/DELETE. Add {newOac}, set {oacKey}, {clearOai}, and grant cloudfront.amazonaws.com (with AWS:SourceArn) in the bucket policy, beside the OAI grant until the switch is deployed; then remove the OAI.',
  },
  check(ctx) {
    for (const origin of ctx.model.cloudfront?.origins ?? []) {
      if (!origin.oai || origin.oac) continue;
      const terms = WEB_TERMS[origin.distribution.shape];
      ctx.report({
        at: origin.oai.value,
        messageId: 'legacyOai',
        data: { origin: origin.label, distribution: origin.distribution.logicalId, newOac: terms.newOac, oacKey: terms.oacKey, clearOai: terms.clearOai },
        fix: oaiMigrationFix(ctx, origin),
      });
    }
  },
});
