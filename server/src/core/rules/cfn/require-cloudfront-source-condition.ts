import { SOURCE_ARN_CONDITION } from '../../model/cloudfront';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'cfn/require-cloudfront-source-condition',
  kinds: ['cloudformation', 'terraform'],
  severity: 'warning',
  docs: {
    summary: 'Require AWS:SourceArn or AWS:SourceAccount when a bucket policy grants cloudfront.amazonaws.com',
    concept: 's3-cloudfront-oac',
    reference: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html#create-oac-overview-s3',
  },
  messages: {
    unscopedGrant:
      'Bucket policy {policy} allows the cloudfront.amazonaws.com service principal without an AWS:SourceArn or AWS:SourceAccount condition, so any CloudFront distribution in any AWS account could read this bucket. Add {condition}.',
  },
  check(ctx) {
    for (const policy of ctx.model.s3?.policies ?? []) {
      for (const statement of policy.statements) {
        if (!statement.allow || !statement.cloudFrontService || statement.sourceScoped) continue;
        ctx.report({
          at: statement.cloudFrontService,
          messageId: 'unscopedGrant',
          data: { policy: policy.document ? `${policy.logicalId} (${policy.document.logicalId})` : policy.logicalId, condition: SOURCE_ARN_CONDITION[statement.syntax] },
        });
      }
    }
  },
});
