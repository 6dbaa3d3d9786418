import rule from '../../../../server/src/core/rules/lambda/no-reserved-environment-variable';
import { runRuleTests } from '../../../helpers/ruleTester';
import { api, cfn, sam, sls, tf } from './shapes';

runRuleTests(rule, {
  valid: [
    { name: 'ordinary names', code: api('"Environment": { "Variables": { "TABLE": "t", "AWS_LAMBDA_EXEC_WRAPPER": "/opt/wrap" } }'), filename: 'function.json' },
    { name: 'CloudFormation', code: cfn('Environment:', '  Variables:', '    REGION_NAME: eu-west-1') },
    { name: 'Terraform', code: tf('environment {', '  variables = {', '    REGION_NAME = "eu-west-1"', '  }', '}'), filename: 'main.tf' },
  ],
  invalid: [
    {
      name: 'API JSON',
      code: api('"Environment": { "Variables": { "AWS_REGION": "eu-west-1" } }'),
      filename: 'function.json',
      errors: [
        {
          messageId: 'reserved',
          line: 4,
          column: 35,
          endLine: 4,
          endColumn: 47,
          severity: 'error',
          message: 'AWS_REGION is set by the Lambda runtime itself, and Lambda rejects a function that sets it. Remove it (read the value Lambda provides at run time) or use another name.',
        },
      ],
    },
    {
      name: 'CloudFormation',
      code: cfn('Environment:', '  Variables:', '    _HANDLER: x', '    LAMBDA_TASK_ROOT: /var/task'),
      errors: [
        { messageId: 'reserved', line: 8, column: 11, endLine: 8, endColumn: 19 },
        { messageId: 'reserved', line: 9, column: 11, endLine: 9, endColumn: 27 },
      ],
    },
    {
      name: 'SAM Globals',
      code: sam(['Environment:', '  Variables:', '    AWS_LAMBDA_FUNCTION_NAME: x'], ['Handler: app.handler']),
      errors: [{ messageId: 'reserved', line: 6, column: 9, endLine: 6, endColumn: 33 }],
    },
    {
      name: 'serverless provider',
      code: sls(['environment:', '  AWS_SECRET_ACCESS_KEY: abc'], ['handler: a.b']),
      filename: 'serverless.yml',
      errors: [{ messageId: 'reserved', line: 5, column: 5, endLine: 5, endColumn: 26 }],
    },
    {
      name: 'Terraform',
      code: tf('environment {', '  variables = {', '    AWS_REGION = "eu-west-1"', '  }', '}'),
      filename: 'main.tf',
      errors: [{ messageId: 'reserved', line: 6, column: 7, endLine: 6, endColumn: 17 }],
    },
  ],
});
