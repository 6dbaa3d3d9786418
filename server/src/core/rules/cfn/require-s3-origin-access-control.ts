import { publicGrants, originLabel, s3Origins } from '../../template/s3origins';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'cfn/require-s3-origin-access-control',
  kinds: ['cloudformation'],
  severity: 'warning',
  docs: {
    summary: 'Require an origin access control on CloudFront origins that use an S3 REST endpoint',
    concept: 's3-cloudfront-oac',
    reference: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html',
  },
  messages: {
    noAccessControl:
      'Origin {origin} of {distribution} reads S3 bucket {bucket} through its REST endpoint without an origin access control (OAC) or identity, so CloudFront sends unsigned requests: either the bucket is public, or CloudFront gets 403 Access Denied. Add an AWS::CloudFront::OriginAccessControl, set OriginAccessControlId on this origin, and allow cloudfront.amazonaws.com in the bucket policy with AWS:SourceArn set to the distribution.',
  },
  check(ctx) {
    const template = ctx.model.template;
    if (!template) return;
    for (const origin of s3Origins(template)) {
      if (origin.endpoint !== 'rest' || origin.oac || origin.oai) continue;
      // A public bucket of this template is the headline rule's finding (cfn/no-public-bucket-behind-cloudfront).
      if (origin.bucket && publicGrants(template, origin.bucket, origin.endpoint).length > 0) continue;
      const domain = origin.domainPair.value;
      const bucket = origin.bucket?.logicalId ?? (domain.kind === 'scalar' ? String(domain.value).split('.s3')[0]! : 'of this origin');
      ctx.report({ at: domain, messageId: 'noAccessControl', data: { origin: originLabel(origin), distribution: origin.distribution.logicalId, bucket } });
    }
  },
});
