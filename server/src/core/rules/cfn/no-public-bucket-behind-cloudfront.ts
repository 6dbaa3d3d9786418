import { WEB_TERMS } from '../../model/cloudfront';
import { publicGrants } from '../../model/s3';
import { defineRule } from '../defineRule';
import { publicBucketFix } from './shared/publicBucketFix';

export default defineRule({
  id: 'cfn/no-public-bucket-behind-cloudfront',
  kinds: ['cloudformation', 'terraform'],
  severity: 'warning',
  docs: {
    summary: 'Disallow a public S3 bucket behind CloudFront when an origin access control would keep it private',
    concept: 's3-cloudfront-oac',
    reference: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html',
  },
  messages: {
    publicBucket:
      'Origin {origin} of {distribution} serves bucket {bucket}, which is public ({how}), and the origin has no origin access control (OAC) or identity. Anyone can read the objects straight from S3, bypassing CloudFront (its cache, WAF, geo restrictions, signed URLs and logs). Keep the bucket private: add {newOac}, set {oacKey} on this origin, and let the bucket policy allow only cloudfront.amazonaws.com with AWS:SourceArn set to this distribution.',
    publicWebsiteBucket:
      'Origin {origin} of {distribution} reaches bucket {bucket} through its S3 website endpoint, so the bucket must be public ({how}) and anyone can read it straight from S3, bypassing CloudFront. A website endpoint cannot use an origin access control. Use the REST endpoint ({restDomain}) with an origin access control, {defaultRootObject} for index.html, and a CloudFront Function for index documents in subfolders; then make the bucket private.',
  },
  check(ctx) {
    for (const origin of ctx.model.cloudfront?.origins ?? []) {
      const bucket = origin.bucket;
      if (!bucket || origin.oac || origin.oai) continue;
      const grants = publicGrants(bucket, origin.endpoint);
      if (grants.length === 0) continue;
      const terms = WEB_TERMS[origin.distribution.shape];
      const data = { origin: origin.label, distribution: origin.distribution.logicalId, bucket: bucket.logicalId, how: [...new Set(grants.map((g) => g.description))].join('; ') };
      const related = grants.map((g) => ({ at: g.at, message: `${bucket.logicalId} is public here: ${g.description}` }));
      if (origin.endpoint === 'website') {
        ctx.report({ at: origin.domain.value, messageId: 'publicWebsiteBucket', data: { ...data, restDomain: terms.restDomain(bucket.logicalId), defaultRootObject: terms.defaultRootObject }, related });
      } else {
        ctx.report({ at: origin.domain.value, messageId: 'publicBucket', data: { ...data, newOac: terms.newOac, oacKey: terms.oacKey }, related, fix: publicBucketFix(ctx, origin, grants) });
      }
    }
  },
});
