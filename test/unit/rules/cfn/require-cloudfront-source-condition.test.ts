import rule from '../../../../server/src/core/rules/cfn/require-cloudfront-source-condition';
import { runRuleTests } from '../../../helpers/ruleTester';

/** Terraform: a bucket policy built from a policy document whose statement's principal and conditions the case writes. */
const tfDocument = (statement: string) => `resource "aws_s3_bucket" "site" {}

data "aws_iam_policy_document" "site" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["\${aws_s3_bucket.site.arn}/*"]
    principals {
      type        = "Service"
      identifiers = ["cloudfront.amazonaws.com"]
    }
${statement}
  }
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = data.aws_iam_policy_document.site.json
}
`;
const tfJsonencode = (statement: string) => `resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "s3:GetObject"
      Resource  = "\${aws_s3_bucket.site.arn}/*"
${statement}
    }]
  })
}
`;


const policy = (statement: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: s3:GetObject
            Resource: !Sub '\${Bucket.Arn}/*'
${statement}
`;

runRuleTests(rule, {
  valid: [
    { name: 'scoped by SourceArn', code: policy("            Principal: { Service: cloudfront.amazonaws.com }\n            Condition:\n              StringEquals:\n                AWS:SourceArn: !Sub 'arn:aws:cloudfront::${AWS::AccountId}:distribution/${Dist}'") },
    { name: 'scoped by SourceAccount, any case', code: policy('            Principal: { Service: cloudfront.amazonaws.com }\n            Condition:\n              StringEquals: { aws:sourceaccount: !Ref AWS::AccountId }') },
    { name: 'another service', code: policy('            Principal: { Service: logging.s3.amazonaws.com }') },
      { name: 'Terraform: a policy document scoped by AWS:SourceArn', filename: 'main.tf', code: tfDocument('    condition {\n      test     = "StringEquals"\n      variable = "AWS:SourceArn"\n      values   = [aws_cloudfront_distribution.cdn.arn]\n    }') },
    { name: 'Terraform: a condition variable Berth cannot know', filename: 'main.tf', code: tfDocument('    condition {\n      test     = "StringEquals"\n      variable = var.key\n      values   = [var.value]\n    }') + 'variable "key" {}\nvariable "value" {}\n' },
    { name: 'Terraform: jsonencode scoped by AWS:SourceAccount', filename: 'main.tf', code: tfJsonencode('      Principal = { Service = "cloudfront.amazonaws.com" }\n      Condition = { StringEquals = { "AWS:SourceAccount" = "123456789012" } }') },
    { name: 'Terraform: another service', filename: 'main.tf', code: tfJsonencode('      Principal = { Service = "logging.s3.amazonaws.com" }') },
  ],
  invalid: [
    {
      name: 'Terraform: a policy document without a condition',
      filename: 'main.tf',
      code: tfDocument(''),
      errors: [
        {
          messageId: 'unscopedGrant',
          line: 9,
          column: 22,
          endLine: 9,
          endColumn: 48,
          severity: 'warning',
          message:
            'Bucket policy aws_s3_bucket_policy.site (data.aws_iam_policy_document.site) allows the cloudfront.amazonaws.com service principal without an AWS:SourceArn or AWS:SourceAccount condition, so any CloudFront distribution in any AWS account could read this bucket. Add a condition block: test = "StringEquals", variable = "AWS:SourceArn", values = [<the distribution\'s arn>].',
        },
      ],
    },
    {
      name: 'Terraform: the policy document in another file from the bucket policy: reported in the document',
      filename: 'policy.tf',
      code: tfDocument('').split('\n\n').slice(1, 2).join('') + '\n',
      workspace: [{ filename: 'main.tf', code: tfDocument('').split('\n\n').filter((_, i) => i !== 1).join('\n\n') }],
      errors: [{ messageId: 'unscopedGrant', line: 7, column: 22, endLine: 7, endColumn: 48 }],
    },
    {
      name: 'Terraform: jsonencode without a condition',
      filename: 'main.tf',
      code: tfJsonencode('      Principal = { Service = "cloudfront.amazonaws.com" }'),
      errors: [{ messageId: 'unscopedGrant', line: 8, column: 31, endLine: 8, endColumn: 57, message: /Add Condition = \{ StringEquals = \{ "AWS:SourceArn" = <the distribution's arn> \} \}\.$/ }],
    },
    {
      name: 'Terraform: JSON in a heredoc without a condition',
      filename: 'main.tf',
      code: 'resource "aws_s3_bucket_policy" "site" {\n  bucket = "my-site"\n  policy = <<-EOT\n    {\n      "Statement": [{ "Effect": "Allow", "Principal": { "Service": "cloudfront.amazonaws.com" }, "Action": "s3:GetObject", "Resource": "*" }]\n    }\n  EOT\n}\n',
      errors: [{ messageId: 'unscopedGrant', line: 5, column: 68, endLine: 5, endColumn: 94, message: /Add "Condition": \{ "StringEquals": \{ "AWS:SourceArn": "<the distribution's ARN>" \} \}\.$/ }],
    },
    {
      name: 'no condition',
      code: policy('            Principal:\n              Service: cloudfront.amazonaws.com'),
      errors: [{ messageId: 'unscopedGrant', line: 15, column: 24, endLine: 15, endColumn: 48 }],
    },
    {
      name: 'a condition that does not scope the caller, Service as a list',
      code: policy("            Principal: { Service: [cloudfront.amazonaws.com] }\n            Condition: { Bool: { 'aws:SecureTransport': 'true' } }"),
      errors: [{ messageId: 'unscopedGrant', line: 14, column: 36, endLine: 14, endColumn: 60 }],
    },
  ],
});
