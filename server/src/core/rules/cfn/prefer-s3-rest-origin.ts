import { publicGrants, originLabel, s3Origins } from '../../template/s3origins';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'cfn/prefer-s3-rest-origin',
  kinds: ['cloudformation'],
  severity: 'info',
  docs: {
    summary: 'Prefer the S3 REST endpoint with an origin access control to the S3 website endpoint as a CloudFront origin',
    concept: 's3-website-vs-rest-endpoints',
    reference: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/WebsiteEndpoints.html',
  },
  messages: {
    websiteOrigin:
      'Origin {origin} of {distribution} uses an S3 website endpoint. Website endpoints serve HTTP only (CloudFront to S3 is unencrypted) and cannot use an origin access control or identity, so the bucket must be public. Unless you need S3 redirect rules, use the REST endpoint (!GetAtt Bucket.RegionalDomainName) with an OriginAccessControl and DefaultRootObject, and keep the bucket private.',
  },
  check(ctx) {
    const template = ctx.model.template;
    if (!template) return;
    for (const origin of s3Origins(template)) {
      if (origin.endpoint !== 'website') continue;
      // A public bucket of this template is already the headline rule's warning.
      if (origin.bucket && publicGrants(template, origin.bucket, origin.endpoint).length > 0) continue;
      ctx.report({ at: origin.domainPair.value, messageId: 'websiteOrigin', data: { origin: originLabel(origin), distribution: origin.distribution.logicalId } });
    }
  },
});
