import { originBucketName, WEB_TERMS } from '../../model/cloudfront';
import { publicGrants } from '../../model/s3';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'cfn/require-s3-origin-access-control',
  kinds: ['cloudformation', 'terraform'],
  severity: 'warning',
  docs: {
    summary: 'Require an origin access control on CloudFront origins that use an S3 REST endpoint',
    concept: 's3-cloudfront-oac',
    reference: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html',
  },
  messages: {
    noAccessControl:
      'Origin {origin} of {distribution} reads S3 bucket {bucket} through its REST endpoint without an origin access control (OAC) or identity, so CloudFront sends unsigned requests: either the bucket is public, or CloudFront gets 403 Access Denied. Add {newOac}, set {oacKey} on this origin, and allow cloudfront.amazonaws.com in the bucket policy with AWS:SourceArn set to the distribution.',
  },
  check(ctx) {
    for (const origin of ctx.model.cloudfront?.origins ?? []) {
      if (origin.endpoint !== 'rest' || origin.oac || origin.oai) continue;
      // A public bucket of the model is the headline rule's finding (cfn/no-public-bucket-behind-cloudfront).
      if (origin.bucket && publicGrants(origin.bucket, origin.endpoint).length > 0) continue;
      const terms = WEB_TERMS[origin.distribution.shape];
      ctx.report({
        at: origin.domain.value,
        messageId: 'noAccessControl',
        data: { origin: origin.label, distribution: origin.distribution.logicalId, bucket: originBucketName(origin), newOac: terms.newOac, oacKey: terms.oacKey },
      });
    }
  },
});
