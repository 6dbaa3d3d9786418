import { resourcesOfType } from '../../model/template';
import { defineRule } from '../defineRule';

/** Canned ACLs that work with ACLs disabled (S3 user guide, "Object Ownership … ACLs disabled"). */
const ALLOWED_WITH_ACLS_DISABLED = new Set(['Private', 'BucketOwnerFullControl']);

export default defineRule({
  id: 'cfn/require-ownership-controls-for-acl',
  kinds: ['cloudformation'],
  severity: 'error',
  docs: {
    summary: 'Require OwnershipControls that enable ACLs when a bucket sets an AccessControl other than Private',
    concept: 's3-cloudfront-oac',
    reference: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html',
  },
  messages: {
    missingOwnershipControls:
      'AccessControl {acl} needs ACLs, but new buckets have ACLs disabled (Object Ownership BucketOwnerEnforced) since April 2023, so creating this bucket fails ("Bucket cannot have ACLs set with ObjectOwnership\'s BucketOwnerEnforced setting"). Prefer a bucket policy and remove AccessControl; if you really need the ACL, add OwnershipControls with ObjectOwnership ObjectWriter or BucketOwnerPreferred.',
    aclsDisabled:
      'AccessControl {acl} needs ACLs, but OwnershipControls sets ObjectOwnership BucketOwnerEnforced, which disables them, so CloudFormation fails to create or update this bucket. Remove AccessControl (use a bucket policy), or set ObjectOwnership to ObjectWriter or BucketOwnerPreferred.',
  },
  check(ctx) {
    const template = ctx.model.template;
    if (!template) return;
    for (const bucket of resourcesOfType(template, 'AWS::S3::Bucket')) {
      const acl = bucket.properties?.str('AccessControl');
      if (!acl?.known || ALLOWED_WITH_ACLS_DISABLED.has(acl.value)) continue;
      const ownership = bucket.properties?.obj('OwnershipControls');
      if (!ownership) {
        ctx.report({ at: acl, messageId: 'missingOwnershipControls', data: { acl: acl.value } });
        continue;
      }
      const rules = ownership.objects('Rules');
      const values = rules.map((r) => r.str('ObjectOwnership'));
      if (values.length > 0 && values.every((v) => v?.known && v.value === 'BucketOwnerEnforced')) {
        ctx.report({ at: acl, messageId: 'aclsDisabled', data: { acl: acl.value }, related: values.map((v) => ({ at: v!, message: 'ACLs are disabled here' })) });
      }
    }
  },
});
