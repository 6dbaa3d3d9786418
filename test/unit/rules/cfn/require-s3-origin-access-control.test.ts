import rule from '../../../../server/src/core/rules/cfn/require-s3-origin-access-control';
import { runRuleTests } from '../../../helpers/ruleTester';
import { distribution } from './s3shapes';

runRuleTests(rule, {
  valid: [
    { name: 'OAC', code: distribution('            DomainName: !GetAtt Bucket.RegionalDomainName\n            OriginAccessControlId: !GetAtt Oac.Id\n            S3OriginConfig: {}') },
    { name: 'OAI', code: distribution("            DomainName: !GetAtt Bucket.RegionalDomainName\n            S3OriginConfig:\n              OriginAccessIdentity: !Sub 'origin-access-identity/cloudfront/${Oai}'") },
    { name: 'website endpoints are another rule', code: distribution('            DomainName: !Sub "${Bucket}.s3-website-${AWS::Region}.amazonaws.com"\n            CustomOriginConfig: { OriginProtocolPolicy: http-only }') },
    {
      name: 'a public bucket is the headline rule',
      code: distribution('            DomainName: !GetAtt Bucket.RegionalDomainName\n            S3OriginConfig: {}').replace('    Type: AWS::S3::Bucket', '    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: PublicRead'),
    },
  ],
  invalid: [
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
