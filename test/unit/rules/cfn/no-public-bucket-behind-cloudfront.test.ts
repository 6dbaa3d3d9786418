import rule from '../../../../server/src/core/rules/cfn/no-public-bucket-behind-cloudfront';
import { runRuleTests } from '../../../helpers/ruleTester';

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
  ],
  invalid: [
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
