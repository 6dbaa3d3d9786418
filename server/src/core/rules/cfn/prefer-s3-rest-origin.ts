import { WEB_TERMS } from '../../model/cloudfront';
import { publicGrants } from '../../model/s3';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'cfn/prefer-s3-rest-origin',
  kinds: ['cloudformation', 'terraform'],
  severity: 'info',
  docs: {
    summary: 'Prefer the S3 REST endpoint with an origin access control to the S3 website endpoint as a CloudFront origin',
    concept: 's3-website-vs-rest-endpoints',
    reference: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/WebsiteEndpoints.html',
  },
  messages: {
    websiteOrigin:
      'Origin {origin} of {distribution} uses an S3 website endpoint. Website endpoints serve HTTP only (CloudFront to S3 is unencrypted) and cannot use an origin access control or identity, so the bucket must be public. Unless you need S3 redirect rules, use the REST endpoint ({restDomain}) with an origin access control and {defaultRootObject}, and keep the bucket private.',
  },
  check(ctx) {
    for (const origin of ctx.model.cloudfront?.origins ?? []) {
      if (origin.endpoint !== 'website') continue;
      // A public bucket of the model is already the headline rule's warning.
      if (origin.bucket && publicGrants(origin.bucket, origin.endpoint).length > 0) continue;
      const terms = WEB_TERMS[origin.distribution.shape];
      ctx.report({
        at: origin.domain.value,
        messageId: 'websiteOrigin',
        data: { origin: origin.label, distribution: origin.distribution.logicalId, restDomain: terms.restDomain(origin.bucket?.logicalId), defaultRootObject: terms.defaultRootObject },
      });
    }
  },
});
