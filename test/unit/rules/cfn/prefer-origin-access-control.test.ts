import rule from '../../../../server/src/core/rules/cfn/prefer-origin-access-control';
import { runRuleTests } from '../../../helpers/ruleTester';
import { distribution } from './s3shapes';

runRuleTests(rule, {
  valid: [
    { name: 'OAC', code: distribution("            DomainName: !GetAtt Bucket.RegionalDomainName\n            OriginAccessControlId: !GetAtt Oac.Id\n            S3OriginConfig:\n              OriginAccessIdentity: ''") },
    { name: 'no access control is another rule', code: distribution('            DomainName: !GetAtt Bucket.RegionalDomainName\n            S3OriginConfig: {}') },
  ],
  invalid: [
    {
      name: 'legacy OAI',
      code: distribution("            DomainName: !GetAtt Bucket.RegionalDomainName\n            S3OriginConfig:\n              OriginAccessIdentity: !Sub 'origin-access-identity/cloudfront/${Oai}'"),
      errors: [{ messageId: 'legacyOai', line: 14, column: 37, endLine: 14, endColumn: 84, severity: 'info' }],
    },
  ],
});
