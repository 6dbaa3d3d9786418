import { asArray, getValue, type Node } from '../../parse/tree';
import { resourcesOfType } from '../../model/template';
import { statementsOf } from '../../template/s3origins';
import { defineRule } from '../defineRule';

const SCOPING_KEYS = new Set(['aws:sourcearn', 'aws:sourceaccount']);

export default defineRule({
  id: 'cfn/require-cloudfront-source-condition',
  kinds: ['cloudformation'],
  severity: 'warning',
  docs: {
    summary: 'Require AWS:SourceArn or AWS:SourceAccount when a bucket policy grants cloudfront.amazonaws.com',
    concept: 's3-cloudfront-oac',
    reference: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html#create-oac-overview-s3',
  },
  messages: {
    unscopedGrant:
      'Bucket policy {policy} allows the cloudfront.amazonaws.com service principal without an AWS:SourceArn or AWS:SourceAccount condition, so any CloudFront distribution in any AWS account could read this bucket. Add Condition: StringEquals: AWS:SourceArn: the ARN of your distribution.',
  },
  check(ctx) {
    const template = ctx.model.template;
    if (!template) return;
    for (const policy of resourcesOfType(template, 'AWS::S3::BucketPolicy')) {
      for (const statement of statementsOf(policy)) {
        const effect = getValue(statement, 'Effect');
        if (effect?.kind !== 'scalar' || effect.value !== 'Allow') continue;
        const service = cloudFrontService(getValue(statement, 'Principal'));
        if (!service) continue;
        if (hasScopingCondition(getValue(statement, 'Condition'))) continue;
        ctx.report({ at: service, messageId: 'unscopedGrant', data: { policy: policy.logicalId } });
      }
    }
  },
});

/** The `cloudfront.amazonaws.com` node of `Principal: { Service: … }` (a string or a list). */
function cloudFrontService(principal: Node | undefined): Node | undefined {
  const service = getValue(principal, 'Service');
  const items = asArray(service)?.items ?? (service ? [service] : []);
  return items.find((item) => item.kind === 'scalar' && item.value === 'cloudfront.amazonaws.com');
}

/** Any operator whose keys include AWS:SourceArn / AWS:SourceAccount (condition keys are case-insensitive). */
function hasScopingCondition(condition: Node | undefined): boolean {
  if (!condition) return false;
  if (condition.kind !== 'object') return true; // given by an intrinsic: unknown, assume scoped
  return condition.pairs.some((operator) => operator.value.kind !== 'object' || operator.value.pairs.some((p) => SCOPING_KEYS.has(p.key.toLowerCase())));
}
