import rule from '../../../../server/src/core/rules/cfn/prefer-s3-rest-origin';
import { runRuleTests } from '../../../helpers/ruleTester';
import { REST_DOMAIN, tfBucket, tfDistribution } from './tfwebshapes';

import { distribution } from './s3shapes';

runRuleTests(rule, {
  valid: [
    { name: 'REST endpoint', code: distribution('            DomainName: !GetAtt Bucket.RegionalDomainName\n            S3OriginConfig: {}') },
    {
      name: 'a public website bucket of the template is the headline rule',
      code: distribution('            DomainName: !Sub "${Bucket}.s3-website-${AWS::Region}.amazonaws.com"\n            CustomOriginConfig: { OriginProtocolPolicy: http-only }').replace(
        '    Type: AWS::S3::Bucket',
        '    Type: AWS::S3::Bucket\n    Properties:\n      WebsiteConfiguration: { IndexDocument: index.html }',
      ),
    },
      { name: 'Terraform: REST endpoint', filename: 'cdn.tf', code: tfDistribution(REST_DOMAIN), workspace: [{ filename: 'bucket.tf', code: tfBucket() }] },
    {
      name: 'Terraform: a public website bucket of the module is the headline rule',
      filename: 'cdn.tf',
      code: tfDistribution('    domain_name = aws_s3_bucket_website_configuration.site.website_endpoint'),
      workspace: [{ filename: 'bucket.tf', code: tfBucket('resource "aws_s3_bucket_website_configuration" "site" {\n  bucket = aws_s3_bucket.site.id\n}\n') }],
    },
    { name: 'Terraform: a domain Berth cannot know', filename: 'cdn.tf', code: tfDistribution('    domain_name = var.domain', 'variable "domain" {}\n') },
  ],
  invalid: [
    {
      name: 'Terraform: a literal website endpoint of a bucket elsewhere',
      filename: 'cdn.tf',
      code: tfDistribution('    domain_name = "www.example.com.s3-website-us-east-1.amazonaws.com"'),
      errors: [{ messageId: 'websiteOrigin', line: 6, column: 19, endLine: 6, endColumn: 71, severity: 'info', message: /Unless you need S3 redirect rules, use the REST endpoint \(aws_s3_bucket\.<name>\.bucket_regional_domain_name\) with an origin access control and default_root_object/ }],
    },
    {
      name: 'Terraform: the website endpoint of a bucket of the module that has no website configuration',
      filename: 'cdn.tf',
      code: tfDistribution('    domain_name = aws_s3_bucket.site.website_endpoint'),
      workspace: [{ filename: 'bucket.tf', code: tfBucket() }],
      errors: [{ messageId: 'websiteOrigin', line: 6, column: 19, endLine: 6, endColumn: 54, message: /use the REST endpoint \(aws_s3_bucket\.site\.bucket_regional_domain_name\)/ }],
    },
    {
      name: 'Terraform: the website endpoint of a data source',
      filename: 'cdn.tf',
      code: tfDistribution('    domain_name = data.aws_s3_bucket.site.website_endpoint', 'data "aws_s3_bucket" "site" {\n  bucket = "my-site"\n}\n'),
      errors: [{ messageId: 'websiteOrigin', line: 6, column: 19, endLine: 6, endColumn: 59 }],
    },
    {
      name: 'a literal website endpoint of a bucket elsewhere',
      code: distribution('            DomainName: www.example.com.s3-website-us-east-1.amazonaws.com\n            CustomOriginConfig: { OriginProtocolPolicy: http-only }'),
      errors: [{ messageId: 'websiteOrigin', line: 12, column: 25, endLine: 12, endColumn: 75 }],
    },
    {
      name: 'website endpoint of a template bucket without website configuration',
      code: distribution("            DomainName: !Select [2, !Split ['/', !GetAtt Bucket.WebsiteURL]]\n            CustomOriginConfig: { OriginProtocolPolicy: http-only }"),
      errors: [{ messageId: 'websiteOrigin', line: 12, column: 25, endLine: 12, endColumn: 77 }],
    },
  ],
});
