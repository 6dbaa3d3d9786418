import rule from '../../../../server/src/core/rules/lambda/valid-timeout';
import { runRuleTests } from '../../../helpers/ruleTester';
import { api, cfn, sam, sls } from './shapes';

runRuleTests(rule, {
  valid: [
    { name: 'API max', code: api('"Timeout": 900'), filename: 'function.json' },
    { name: 'CloudFormation', code: cfn('Timeout: 1') },
    { name: 'SAM function overrides a bad Global', code: sam(['Timeout: 1000'], ['Timeout: 30']) },
    { name: 'intrinsic', code: cfn('Timeout: !Ref T') },
  ],
  invalid: [
    {
      name: 'API JSON over 15 minutes',
      code: api('"Timeout": 3600'),
      filename: 'function.json',
      errors: [
        {
          messageId: 'overMax',
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 18,
          severity: 'error',
          message:
            'Timeout 3600 s is over 900 s: Lambda stops every invocation after 15 minutes, and the deployment is rejected. Split the work into shorter steps (Step Functions), or run it as an AWS Batch job or an ECS/Fargate task, which have no such limit.',
        },
      ],
    },
    {
      name: 'CloudFormation zero',
      code: cfn('Timeout: 0'),
      errors: [{ messageId: 'belowMin', line: 6, column: 16, endLine: 6, endColumn: 17, message: "Timeout 0 s is below Lambda's minimum of 1 s, so the deployment is rejected. Use a whole number of seconds from 1 to 900." }],
    },
    {
      name: 'SAM Globals',
      code: sam(['Timeout: 1000'], ['Handler: app.handler']),
      errors: [{ messageId: 'overMax', line: 4, column: 14, endLine: 4, endColumn: 18 }],
    },
    {
      name: 'serverless provider',
      code: sls(['timeout: 901'], ['handler: a.b']),
      filename: 'serverless.yml',
      errors: [{ messageId: 'overMax', line: 4, column: 12, endLine: 4, endColumn: 15, message: /^timeout 901 s/ }],
    },
  ],
});
