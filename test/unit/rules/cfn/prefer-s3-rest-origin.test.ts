import rule from '../../../../server/src/core/rules/cfn/prefer-s3-rest-origin';
import { runRuleTests } from '../../../helpers/ruleTester';
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
  ],
  invalid: [
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
