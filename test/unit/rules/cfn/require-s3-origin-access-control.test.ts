import rule from '../../../../server/src/core/rules/cfn/require-s3-origin-access-control';
import { runRuleTests } from '../../../helpers/ruleTester';
import { distribution } from './s3shapes';
import { REST_DOMAIN, tfBucket, tfDistribution, tfJsonencodePolicy } from './tfwebshapes';

const bucketFile = (extra = '') => [{ filename: 'bucket.tf', code: tfBucket(extra) }];

runRuleTests(rule, {
  valid: [
    { name: 'OAC', code: distribution('            DomainName: !GetAtt Bucket.RegionalDomainName\n            OriginAccessControlId: !GetAtt Oac.Id\n            S3OriginConfig: {}') },
    { name: 'OAI', code: distribution("            DomainName: !GetAtt Bucket.RegionalDomainName\n            S3OriginConfig:\n              OriginAccessIdentity: !Sub 'origin-access-identity/cloudfront/${Oai}'") },
    { name: 'website endpoints are another rule', code: distribution('            DomainName: !Sub "${Bucket}.s3-website-${AWS::Region}.amazonaws.com"\n            CustomOriginConfig: { OriginProtocolPolicy: http-only }') },
    {
      name: 'a public bucket is the headline rule',
      code: distribution('            DomainName: !GetAtt Bucket.RegionalDomainName\n            S3OriginConfig: {}').replace('    Type: AWS::S3::Bucket', '    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: PublicRead'),
    },
    { name: 'Terraform: OAC', filename: 'cdn.tf', code: tfDistribution(`${REST_DOMAIN}\n    origin_access_control_id = aws_cloudfront_origin_access_control.site.id`), workspace: bucketFile() },
    {
      name: 'Terraform: OAI',
      filename: 'cdn.tf',
      code: tfDistribution(`${REST_DOMAIN}\n    s3_origin_config {\n      origin_access_identity = aws_cloudfront_origin_access_identity.site.cloudfront_access_identity_path\n    }`),
      workspace: bucketFile(),
    },
    { name: 'Terraform: an OAC id from a variable without a value is unknown, so set', filename: 'cdn.tf', code: tfDistribution(`${REST_DOMAIN}\n    origin_access_control_id = var.oac_id`, 'variable "oac_id" {}\n'), workspace: bucketFile() },
    { name: 'Terraform: a domain from a variable without a value is unknown', filename: 'cdn.tf', code: tfDistribution('    domain_name = var.origin_domain', 'variable "origin_domain" {}\n') },
    { name: 'Terraform: a custom origin', filename: 'cdn.tf', code: tfDistribution('    domain_name = "api.example.com"') },
    { name: 'Terraform: a public bucket is the headline rule', filename: 'cdn.tf', code: tfDistribution(REST_DOMAIN), workspace: bucketFile(tfJsonencodePolicy('      Principal = "*"')) },
  ],
  invalid: [
    {
      name: 'Terraform: the bucket in another file, no OAC or OAI',
      filename: 'cdn.tf',
      code: tfDistribution(REST_DOMAIN),
      workspace: bucketFile(),
      errors: [
        {
          messageId: 'noAccessControl',
          line: 6,
          column: 19,
          endLine: 6,
          endColumn: 65,
          severity: 'warning',
          message:
            'Origin "site" of aws_cloudfront_distribution.cdn reads S3 bucket aws_s3_bucket.site through its REST endpoint without an origin access control (OAC) or identity, so CloudFront sends unsigned requests: either the bucket is public, or CloudFront gets 403 Access Denied. Add an aws_cloudfront_origin_access_control, set origin_access_control_id on this origin, and allow cloudfront.amazonaws.com in the bucket policy with AWS:SourceArn set to the distribution.',
        },
      ],
    },
    {
      name: 'Terraform: an empty OAI, the domain a template of the bucket name',
      filename: 'cdn.tf',
      code: tfDistribution('    domain_name = "${aws_s3_bucket.site.id}.s3.amazonaws.com"\n    s3_origin_config {\n      origin_access_identity = ""\n    }'),
      workspace: bucketFile(),
      errors: [{ messageId: 'noAccessControl', line: 6, column: 19, endLine: 6, endColumn: 62, message: /reads S3 bucket aws_s3_bucket\.site through/ }],
    },
    {
      name: 'Terraform: the literal domain of a bucket elsewhere, set in terraform.tfvars: reported at its use',
      filename: 'cdn.tf',
      code: tfDistribution('    domain_name = var.origin_domain', 'variable "origin_domain" {}\n'),
      workspace: [{ filename: 'terraform.tfvars', code: 'origin_domain = "assets.s3.eu-west-1.amazonaws.com"\n' }],
      errors: [{ messageId: 'noAccessControl', line: 6, column: 19, endLine: 6, endColumn: 36, message: /reads S3 bucket assets through/, related: [{ line: 1, column: 17, filename: 'terraform.tfvars' }] }],
      noFix: true,
    },
    {
      name: 'Terraform: a bucket read with a data source',
      filename: 'cdn.tf',
      code: tfDistribution('    domain_name = data.aws_s3_bucket.assets.bucket_regional_domain_name', 'data "aws_s3_bucket" "assets" {\n  bucket = "assets"\n}\n'),
      errors: [{ messageId: 'noAccessControl', line: 6, column: 19, endLine: 6, endColumn: 72, message: /reads S3 bucket data\.aws_s3_bucket\.assets through/ }],
    },
    {
      name: 'private bucket of the template, empty OAI',
      code: distribution("            DomainName: !GetAtt Bucket.RegionalDomainName\n            S3OriginConfig:\n              OriginAccessIdentity: ''"),
      errors: [{ messageId: 'noAccessControl', line: 12, column: 25, endLine: 12, endColumn: 58, message: /^Origin "s3" of Distribution reads S3 bucket Bucket through its REST endpoint/ }],
    },
    {
      name: 'a literal domain of a bucket elsewhere',
      code: distribution('            DomainName: assets.s3.eu-west-1.amazonaws.com\n            S3OriginConfig: {}'),
      errors: [{ messageId: 'noAccessControl', line: 12, column: 25, endLine: 12, endColumn: 58, message: /reads S3 bucket assets through/ }],
    },
  ],
});
