import rule from '../../../../server/src/core/rules/cfn/require-ownership-controls-for-acl';
import { runRuleTests } from '../../../helpers/ruleTester';

const bucket = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
${props}
`;

runRuleTests(rule, {
  valid: [
    { name: 'Private', code: bucket('      AccessControl: Private') },
    { name: 'ACLs enabled', code: bucket('      AccessControl: LogDeliveryWrite\n      OwnershipControls:\n        Rules:\n          - ObjectOwnership: ObjectWriter') },
    { name: 'from a parameter', code: bucket('      AccessControl: !Ref Acl') },
  ],
  invalid: [
    {
      name: 'no OwnershipControls',
      code: bucket('      AccessControl: PublicRead'),
      errors: [{ messageId: 'missingOwnershipControls', line: 6, column: 22, endLine: 6, endColumn: 32 }],
    },
    {
      name: 'BucketOwnerEnforced',
      code: bucket('      AccessControl: LogDeliveryWrite\n      OwnershipControls:\n        Rules:\n          - ObjectOwnership: BucketOwnerEnforced'),
      errors: [{ messageId: 'aclsDisabled', line: 6, column: 22, endLine: 6, endColumn: 38, related: [{ line: 9, column: 30 }] }],
    },
    {
      name: 'JSON',
      filename: 'template.json',
      code: '{"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"AccessControl": "PublicReadWrite"}}}}',
      errors: [{ messageId: 'missingOwnershipControls', line: 1, column: 81, endLine: 1, endColumn: 98 }],
    },
  ],
});
