import rule from '../../../../server/src/core/rules/cfn/require-cloudfront-source-condition';
import { runRuleTests } from '../../../helpers/ruleTester';

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
  ],
  invalid: [
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
