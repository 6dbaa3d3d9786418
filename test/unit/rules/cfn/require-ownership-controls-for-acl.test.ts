import rule from '../../../../server/src/core/rules/cfn/require-ownership-controls-for-acl';
import { runRuleTests } from '../../../helpers/ruleTester';

const tfAcl = (acl: string, extra = '') => `resource "aws_s3_bucket" "logs" {
  bucket = "my-logs"
}

resource "aws_s3_bucket_acl" "logs" {
  bucket = aws_s3_bucket.logs.id
  acl    = ${acl}
}
${extra}`;
const tfOwnership = (ownership: string, bucket = 'aws_s3_bucket.logs.id') => `
resource "aws_s3_bucket_ownership_controls" "logs" {
  bucket = ${bucket}
  rule {
    object_ownership = "${ownership}"
  }
}
`;


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
      { name: 'Terraform: private', filename: 'main.tf', code: tfAcl('"private"') },
    { name: 'Terraform: ACLs enabled by ownership controls', filename: 'main.tf', code: tfAcl('"log-delivery-write"', tfOwnership('ObjectWriter')) },
    { name: 'Terraform: an ACL from a variable without a value', filename: 'main.tf', code: tfAcl('var.acl', 'variable "acl" {}\n') },
    { name: 'Terraform: ownership controls of a bucket Berth cannot tell may be these', filename: 'main.tf', code: tfAcl('"public-read"', tfOwnership('ObjectWriter', 'var.bucket') + 'variable "bucket" {}\n') },
  ],
  invalid: [
    {
      name: 'Terraform: aws_s3_bucket_acl without ownership controls',
      filename: 'main.tf',
      code: tfAcl('"log-delivery-write"'),
      errors: [
        {
          messageId: 'missingOwnershipControls',
          line: 7,
          column: 12,
          endLine: 7,
          endColumn: 32,
          severity: 'error',
          message:
            'aws_s3_bucket_acl.logs acl = "log-delivery-write" needs ACLs, but new buckets have ACLs disabled (Object Ownership BucketOwnerEnforced) since April 2023, so terraform apply fails to set the ACL ("Bucket cannot have ACLs set with ObjectOwnership\'s BucketOwnerEnforced setting"). Prefer a bucket policy and remove aws_s3_bucket_acl.logs; if you really need the ACL, add an aws_s3_bucket_ownership_controls with object_ownership ObjectWriter or BucketOwnerPreferred (and make the ACL depend on it).',
        },
      ],
    },
    {
      name: 'Terraform: ownership controls in another file disable ACLs',
      filename: 'main.tf',
      code: tfAcl('"public-read"'),
      workspace: [{ filename: 'ownership.tf', code: tfOwnership('BucketOwnerEnforced') }],
      errors: [
        {
          messageId: 'aclsDisabled',
          line: 7,
          column: 12,
          endLine: 7,
          endColumn: 25,
          related: [{ line: 5, column: 24, filename: 'ownership.tf' }],
          message: /^aws_s3_bucket_acl\.logs acl = "public-read" needs ACLs, but aws_s3_bucket_ownership_controls\.logs sets object_ownership BucketOwnerEnforced, which disables them, so terraform apply fails to set the ACL\. Remove aws_s3_bucket_acl\.logs \(use a bucket policy\), or set object_ownership to ObjectWriter or BucketOwnerPreferred\.$/,
        },
      ],
    },
    {
      name: 'Terraform: the legacy acl argument of aws_s3_bucket',
      filename: 'main.tf',
      code: 'resource "aws_s3_bucket" "site" {\n  acl = "public-read-write"\n}\n',
      errors: [{ messageId: 'missingOwnershipControls', line: 2, column: 9, endLine: 2, endColumn: 28, message: /^acl = "public-read-write" needs ACLs,.* Prefer a bucket policy and remove acl;/ }],
    },
    {
      name: 'Terraform: the ACL from a variable default: reported at its use',
      filename: 'main.tf',
      code: tfAcl('var.acl', 'variable "acl" {\n  default = "authenticated-read"\n}\n'),
      errors: [{ messageId: 'missingOwnershipControls', line: 7, column: 12, endLine: 7, endColumn: 19, related: [{ line: 10, column: 13 }], message: /^aws_s3_bucket_acl\.logs acl = "authenticated-read" needs ACLs/ }],
      noFix: true,
    },
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
