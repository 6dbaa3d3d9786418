import rule from '../../../../server/src/core/rules/cfn/no-public-bucket-behind-cloudfront';
import { runRuleTests } from '../../../helpers/ruleTester';
import { REST_DOMAIN, TF_NEW_OAC, TF_ORIGIN_OAC, alignedOrigin, tfBucket, tfDistribution, tfJsonencodePolicy } from './tfwebshapes';

const bucketFile = (extra = '') => [{ filename: 'bucket.tf', code: tfBucket(extra) }];
const PUBLIC = tfJsonencodePolicy('      Principal = "*"');
/** A policy document whose one statement the case writes, attached to the bucket. */
const policyDocument = (statement: string) => `
data "aws_iam_policy_document" "site" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["\${aws_s3_bucket.site.arn}/*"]
${statement}
  }
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = data.aws_iam_policy_document.site.json
}
`;
const WEBSITE_DOMAIN = '    domain_name = aws_s3_bucket_website_configuration.site.website_endpoint\n    custom_origin_config {\n      http_port              = 80\n      https_port             = 443\n      origin_protocol_policy = "http-only"\n      origin_ssl_protocols   = ["TLSv1.2"]\n    }';

const site = (origin: string, statement = `Principal: '*'`, bucketProps = '') => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  SiteBucket:
    Type: AWS::S3::Bucket${bucketProps}
  SiteBucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref SiteBucket
      PolicyDocument:
        Statement:
          - Sid: PublicRead
            Effect: Allow
            ${statement}
            Action: s3:GetObject
            Resource: !Sub '\${SiteBucket.Arn}/*'
  Distribution:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: site
${origin}
`;

const rest = `            DomainName: !GetAtt SiteBucket.RegionalDomainName
            S3OriginConfig: {}`;

const fixed = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  SiteBucket:
    Type: AWS::S3::Bucket
  SiteBucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref SiteBucket
      PolicyDocument:
        Statement:
          - Sid: AllowCloudFrontServicePrincipal
            Effect: Allow
            Principal:
              Service: cloudfront.amazonaws.com
            Action: s3:GetObject
            Resource: !Sub '\${SiteBucket.Arn}/*'
            Condition:
              StringEquals:
                AWS:SourceArn: !Sub 'arn:\${AWS::Partition}:cloudfront::\${AWS::AccountId}:distribution/\${Distribution}'
  SiteBucketOriginAccessControl:
    Type: AWS::CloudFront::OriginAccessControl
    Properties:
      OriginAccessControlConfig:
        Name: !Sub '\${AWS::StackName}-SiteBucket'
        OriginAccessControlOriginType: s3
        SigningBehavior: always
        SigningProtocol: sigv4
  Distribution:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: site
            DomainName: !GetAtt SiteBucket.RegionalDomainName
            OriginAccessControlId: !GetAtt SiteBucketOriginAccessControl.Id
            S3OriginConfig: {}
`;

runRuleTests(rule, {
  valid: [
    { name: 'origin with OAC', code: site(`${rest}\n            OriginAccessControlId: !Ref Oac`) },
    { name: 'origin with a legacy OAI', code: site(`            DomainName: !GetAtt SiteBucket.RegionalDomainName\n            S3OriginConfig:\n              OriginAccessIdentity: !Sub 'origin-access-identity/cloudfront/\${Oai}'`) },
    { name: 'the statement has a condition', code: site(rest, `Principal: '*'\n            Condition: { IpAddress: { 'aws:SourceIp': 203.0.113.0/24 } }`) },
    { name: 'the grant is to CloudFront, not everyone', code: site(rest, `Principal: { Service: cloudfront.amazonaws.com }`) },
    { name: 'a bucket outside the template', code: site(`            DomainName: other-bucket.s3.amazonaws.com\n            S3OriginConfig: {}`) },
    { name: 'not an S3 origin', code: site(`            DomainName: api.example.com\n            CustomOriginConfig: { OriginProtocolPolicy: https-only }`) },
    { name: 'the fix output is clean', code: fixed },
    { name: 'Terraform: origin with OAC', filename: 'cdn.tf', code: tfDistribution(`${REST_DOMAIN}\n    origin_access_control_id = aws_cloudfront_origin_access_control.site.id`), workspace: bucketFile(PUBLIC) },
    { name: 'Terraform: the statement has a condition', filename: 'cdn.tf', code: tfDistribution(REST_DOMAIN), workspace: bucketFile(tfJsonencodePolicy('      Principal = "*"\n      Condition = { IpAddress = { "aws:SourceIp" = "203.0.113.0/24" } }')) },
    { name: 'Terraform: a grant to CloudFront', filename: 'cdn.tf', code: tfDistribution(REST_DOMAIN), workspace: bucketFile(tfJsonencodePolicy('      Principal = { Service = "cloudfront.amazonaws.com" }')) },
    {
      name: 'Terraform: a policy whose bucket is unknown is not this bucket\'s',
      filename: 'cdn.tf',
      code: tfDistribution(REST_DOMAIN),
      workspace: bucketFile(PUBLIC.replace('bucket = aws_s3_bucket.site.id', 'bucket = var.bucket') + 'variable "bucket" {}\n'),
    },
    {
      name: 'Terraform: a policy from a variable without a value is unknown',
      filename: 'cdn.tf',
      code: tfDistribution(REST_DOMAIN),
      workspace: bucketFile('resource "aws_s3_bucket_policy" "site" {\n  bucket = aws_s3_bucket.site.id\n  policy = var.policy\n}\nvariable "policy" {}\n'),
    },
    { name: 'Terraform: a policy document that denies', filename: 'cdn.tf', code: tfDistribution(REST_DOMAIN), workspace: bucketFile(policyDocument('    effect = "Deny"\n    principals {\n      type        = "*"\n      identifiers = ["*"]\n    }')) },
  ],
  invalid: [
    {
      name: 'Terraform: the bucket in another file, a public statement in jsonencode()',
      filename: 'cdn.tf',
      code: tfDistribution(REST_DOMAIN),
      workspace: bucketFile(PUBLIC),
      // The statement to rewrite is in bucket.tf: a fix edits only the file it is shown in.
      noFix: true,
      errors: [
        {
          messageId: 'publicBucket',
          line: 6,
          column: 19,
          endLine: 6,
          endColumn: 65,
          severity: 'warning',
          related: [{ line: 12, column: 7, filename: 'bucket.tf' }],
          message:
            'Origin "site" of aws_cloudfront_distribution.cdn serves bucket aws_s3_bucket.site, which is public (bucket policy aws_s3_bucket_policy.site allows Principal "*" without a condition), and the origin has no origin access control (OAC) or identity. Anyone can read the objects straight from S3, bypassing CloudFront (its cache, WAF, geo restrictions, signed URLs and logs). Keep the bucket private: add an aws_cloudfront_origin_access_control, set origin_access_control_id on this origin, and let the bucket policy allow only cloudfront.amazonaws.com with AWS:SourceArn set to this distribution.',
        },
      ],
    },
    {
      name: 'Terraform: a policy document granting everyone, in the same file',
      filename: 'main.tf',
      code: tfBucket(policyDocument('    principals {\n      type        = "AWS"\n      identifiers = ["*"]\n    }')) + '\n' + tfDistribution(REST_DOMAIN),
      errors: [
        {
          messageId: 'publicBucket',
          line: 26,
          column: 19,
          endLine: 26,
          endColumn: 65,
          related: [{ line: 9, column: 5 }],
          message: /which is public \(bucket policy aws_s3_bucket_policy\.site \(data\.aws_iam_policy_document\.site\) allows principals \{ type = "AWS", identifiers = \["\*"\] \} without a condition\)/,
        },
      ],
      output:
        tfBucket(
          policyDocument(
            '    principals {\n      type        = "Service"\n      identifiers = ["cloudfront.amazonaws.com"]\n    }\n    condition {\n      test     = "StringEquals"\n      variable = "AWS:SourceArn"\n      values   = [aws_cloudfront_distribution.cdn.arn]\n    }',
          ),
        ) +
        '\n' +
        alignedOrigin(tfDistribution(REST_DOMAIN + TF_ORIGIN_OAC, TF_NEW_OAC)),
    },
    {
      name: 'Terraform: a public statement in jsonencode(), in the same file: the fix scopes it to the distribution',
      filename: 'main.tf',
      code: tfBucket(PUBLIC) + '\n' + tfDistribution(REST_DOMAIN),
      errors: [{ messageId: 'publicBucket', line: 24, column: 19, endLine: 24, endColumn: 65, related: [{ line: 12, column: 7 }] }],
      output:
        tfBucket(
          tfJsonencodePolicy(
            '      Principal = { Service = "cloudfront.amazonaws.com" }',
          )
            .replace('Sid       = "PublicRead"', 'Sid       = "AllowCloudFrontServicePrincipal"')
            .replace(
              '      Resource  = "${aws_s3_bucket.site.arn}/*"\n',
              '      Resource  = "${aws_s3_bucket.site.arn}/*"\n      Condition = {\n        StringEquals = {\n          "AWS:SourceArn" = aws_cloudfront_distribution.cdn.arn\n        }\n      }\n',
            ),
        ) +
        '\n' +
        alignedOrigin(tfDistribution(REST_DOMAIN + TF_ORIGIN_OAC, TF_NEW_OAC)),
    },
    {
      name: 'Terraform: no fix when the distribution already depends on the policy (the condition would make a cycle)',
      filename: 'main.tf',
      code: tfBucket(PUBLIC) + '\n' + tfDistribution(REST_DOMAIN).replace('  enabled = true\n', '  enabled    = true\n  depends_on = [aws_s3_bucket_policy.site]\n'),
      errors: [{ messageId: 'publicBucket', line: 25, column: 19, endLine: 25, endColumn: 65 }],
      noFix: true,
    },
    {
      name: 'Terraform: JSON in a heredoc, and block_public_policy = false from a variable default',
      filename: 'cdn.tf',
      code: tfDistribution(REST_DOMAIN),
      workspace: bucketFile(
        'resource "aws_s3_bucket_policy" "site" {\n  bucket = aws_s3_bucket.site.id\n  policy = <<EOF\n{\n  "Statement": [{ "Effect": "Allow", "Principal": { "AWS": ["*"] }, "Action": "s3:GetObject", "Resource": "${aws_s3_bucket.site.arn}/*" }]\n}\nEOF\n}\n\nresource "aws_s3_bucket_public_access_block" "site" {\n  bucket              = aws_s3_bucket.site.id\n  block_public_policy = var.block\n}\n\nvariable "block" {\n  default = false\n}\n',
      ),
      errors: [
        {
          messageId: 'publicBucket',
          line: 6,
          column: 19,
          endLine: 6,
          endColumn: 65,
          related: [
            { line: 8, column: 38, filename: 'bucket.tf' },
            { line: 15, column: 3, filename: 'bucket.tf' },
          ],
          message: /which is public \(bucket policy aws_s3_bucket_policy\.site allows Principal "\*" without a condition; aws_s3_bucket_public_access_block\.site block_public_policy = false\)/,
        },
      ],
    },
    {
      name: 'Terraform: aws_s3_bucket_acl public-read, the bucket named by its literal name',
      filename: 'cdn.tf',
      code: tfDistribution(REST_DOMAIN),
      workspace: bucketFile('\nresource "aws_s3_bucket_acl" "site" {\n  bucket = "my-site"\n  acl    = "public-read"\n}\n'),
      errors: [{ messageId: 'publicBucket', line: 6, column: 19, endLine: 6, endColumn: 65, related: [{ line: 7, column: 3, filename: 'bucket.tf' }], message: /which is public \(aws_s3_bucket_acl\.site acl = "public-read"\)/ }],
      noFix: true,
    },
    {
      name: 'Terraform: an ACL grant to AllUsers',
      filename: 'cdn.tf',
      code: tfDistribution(REST_DOMAIN),
      workspace: bucketFile(
        '\nresource "aws_s3_bucket_acl" "site" {\n  bucket = aws_s3_bucket.site.id\n  access_control_policy {\n    grant {\n      grantee {\n        type = "Group"\n        uri  = "http://acs.amazonaws.com/groups/global/AllUsers"\n      }\n      permission = "READ"\n    }\n    owner {\n      id = "abc"\n    }\n  }\n}\n',
      ),
      errors: [{ messageId: 'publicBucket', line: 6, column: 19, endLine: 6, endColumn: 65, related: [{ line: 11, column: 9, filename: 'bucket.tf' }], message: /which is public \(aws_s3_bucket_acl\.site grants READ to AllUsers\)/ }],
    },
    {
      name: 'Terraform: the website endpoint of aws_s3_bucket_website_configuration',
      filename: 'cdn.tf',
      code: tfDistribution(WEBSITE_DOMAIN),
      workspace: bucketFile('\nresource "aws_s3_bucket_website_configuration" "site" {\n  bucket = aws_s3_bucket.site.id\n  index_document {\n    suffix = "index.html"\n  }\n}\n'),
      errors: [
        {
          messageId: 'publicWebsiteBucket',
          line: 6,
          column: 19,
          endLine: 6,
          endColumn: 76,
          related: [{ line: 5, column: 48, filename: 'bucket.tf' }],
          message: /Use the REST endpoint \(aws_s3_bucket\.site\.bucket_regional_domain_name\) with an origin access control, default_root_object for index\.html/,
        },
      ],
    },
    {
      name: 'Terraform: the legacy website block and acl argument of aws_s3_bucket',
      filename: 'main.tf',
      code: 'resource "aws_s3_bucket" "site" {\n  bucket = "my-site"\n  acl    = "public-read"\n  website {\n    index_document = "index.html"\n  }\n}\n\n' + tfDistribution('    domain_name = aws_s3_bucket.site.website_endpoint'),
      errors: [{ messageId: 'publicWebsiteBucket', line: 14, column: 19, endLine: 14, endColumn: 54, related: [{ line: 3, column: 3 }, { line: 4, column: 3 }], message: /must be public \(acl = "public-read"; website served through the website endpoint\)/ }],
    },
    {
      name: 'REST origin via GetAtt, public policy: finding on the origin, related on the grant, fix to OAC',
      code: site(rest),
      errors: [
        {
          messageId: 'publicBucket',
          line: 23,
          column: 25,
          endLine: 23,
          endColumn: 62,
          related: [{ line: 13, column: 13 }],
          message: /^Origin "site" of Distribution serves bucket SiteBucket, which is public \(bucket policy SiteBucketPolicy allows Principal "\*" without a condition\)/,
        },
      ],
      output: fixed,
    },
    {
      name: 'Principal AWS "*", origin without S3OriginConfig: the fix adds one',
      code: site(`            DomainName: !Sub '\${SiteBucket}.s3.\${AWS::Region}.amazonaws.com'`, `Principal:\n              AWS: '*'`),
      errors: [{ messageId: 'publicBucket', line: 24, column: 25, endLine: 24, endColumn: 77 }],
      output: site(
        `            DomainName: !Sub '\${SiteBucket}.s3.\${AWS::Region}.amazonaws.com'\n            OriginAccessControlId: !GetAtt SiteBucketOriginAccessControl.Id\n            S3OriginConfig:\n              OriginAccessIdentity: ''`,
        `Principal:\n              Service: cloudfront.amazonaws.com`,
      )
        .replace('Sid: PublicRead', 'Sid: AllowCloudFrontServicePrincipal')
        .replace(
          "Resource: !Sub '${SiteBucket.Arn}/*'",
          "Resource: !Sub '${SiteBucket.Arn}/*'\n            Condition:\n              StringEquals:\n                AWS:SourceArn: !Sub 'arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${Distribution}'",
        )
        .replace(
          '  Distribution:\n',
          "  SiteBucketOriginAccessControl:\n    Type: AWS::CloudFront::OriginAccessControl\n    Properties:\n      OriginAccessControlConfig:\n        Name: !Sub '${AWS::StackName}-SiteBucket'\n        OriginAccessControlOriginType: s3\n        SigningBehavior: always\n        SigningProtocol: sigv4\n  Distribution:\n",
        ),
    },
    {
      name: 'ACL PublicRead with a literal domain: no fix (the ACL would stay)',
      code: site(
        `            DomainName: my-site.s3.amazonaws.com\n            S3OriginConfig: {}`,
        `Principal: { Service: cloudfront.amazonaws.com }`,
        `\n    Properties:\n      BucketName: my-site\n      AccessControl: PublicRead\n      OwnershipControls:\n        Rules: [{ ObjectOwnership: ObjectWriter }]`,
      ),
      errors: [{ messageId: 'publicBucket', line: 28, column: 25, endLine: 28, endColumn: 49, related: [{ line: 7, column: 7 }], message: /which is public \(AccessControl PublicRead\)/ }],
    },
    {
      name: 'website endpoint with WebsiteConfiguration',
      code: site(
        `            DomainName: !Select [2, !Split ['/', !GetAtt SiteBucket.WebsiteURL]]\n            CustomOriginConfig: { OriginProtocolPolicy: http-only }`,
        `Principal: '*'`,
        `\n    Properties:\n      WebsiteConfiguration:\n        IndexDocument: index.html`,
      ),
      errors: [{ messageId: 'publicWebsiteBucket', line: 26, column: 25, endLine: 26, endColumn: 81, related: [{ line: 16, column: 13 }, { line: 6, column: 7 }] }],
    },
    {
      name: 'JSON: reported, no fix offered',
      filename: 'template.json',
      code: `{
  "Resources": {
    "B": { "Type": "AWS::S3::Bucket" },
    "P": { "Type": "AWS::S3::BucketPolicy", "Properties": { "Bucket": { "Ref": "B" }, "PolicyDocument": { "Statement": [
      { "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": { "Fn::Sub": "\${B.Arn}/*" } } ] } } },
    "D": { "Type": "AWS::CloudFront::Distribution", "Properties": { "DistributionConfig": { "Origins": [
      { "Id": "s3", "DomainName": { "Fn::GetAtt": ["B", "DomainName"] }, "S3OriginConfig": {} } ] } } }
  }
}`,
      errors: [{ messageId: 'publicBucket', line: 7, column: 35, endLine: 7, endColumn: 72, related: [{ line: 5, column: 28 }] }],
    },
  ],
});
