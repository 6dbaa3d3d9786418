import { ACLS_DISABLED_OWNERSHIP, CANNED_ACLS_WITHOUT_ACLS } from '../../facts/s3';
import { WEB_TERMS } from '../../model/cloudfront';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'cfn/require-ownership-controls-for-acl',
  kinds: ['cloudformation', 'terraform'],
  severity: 'error',
  docs: {
    summary: 'Require OwnershipControls that enable ACLs when a bucket sets an AccessControl other than Private',
    concept: 's3-cloudfront-oac',
    reference: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html',
  },
  messages: {
    missingOwnershipControls:
      '{acl} needs ACLs, but new buckets have ACLs disabled (Object Ownership BucketOwnerEnforced) since April 2023, so {createFails} ("Bucket cannot have ACLs set with ObjectOwnership\'s BucketOwnerEnforced setting"). Prefer a bucket policy and remove {removal}; if you really need the ACL, {addOwnershipControls}.',
    aclsDisabled:
      '{acl} needs ACLs, but {ownership} BucketOwnerEnforced, which disables them, so {deployFails}. Remove {removal} (use a bucket policy), or {enableAcls}.',
  },
  check(ctx) {
    for (const bucket of ctx.model.s3?.buckets ?? []) {
      const acl = bucket.acl;
      // An ACL Berth cannot read, or one S3 takes with ACLs disabled.
      if (!acl?.value.known || acl.canned === undefined || CANNED_ACLS_WITHOUT_ACLS.has(acl.canned)) continue;
      const terms = WEB_TERMS[bucket.shape];
      const data = { acl: acl.written, removal: acl.removal };
      if (!bucket.ownership) {
        ctx.report({ at: acl.value, messageId: 'missingOwnershipControls', data: { ...data, createFails: terms.createFails, addOwnershipControls: terms.addOwnershipControls } });
        continue;
      }
      const values = bucket.ownership.values;
      if (values.length > 0 && values.every((v) => v.known && v.value === ACLS_DISABLED_OWNERSHIP)) {
        ctx.report({
          at: acl.value,
          messageId: 'aclsDisabled',
          data: { ...data, ownership: bucket.ownership.written, deployFails: terms.deployFails, enableAcls: terms.enableAcls },
          related: values.map((v) => ({ at: v, message: 'ACLs are disabled here' })),
        });
      }
    }
  },
});
