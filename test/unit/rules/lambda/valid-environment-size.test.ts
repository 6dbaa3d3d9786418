import rule from '../../../../server/src/core/rules/lambda/valid-environment-size';
import { runRuleTests } from '../../../helpers/ruleTester';
import { api, cfn, sam, sls, tf } from './shapes';

const big = 'x'.repeat(2100);

runRuleTests(rule, {
  valid: [
    { name: 'small API environment', code: api('"Environment": { "Variables": { "A": "1" } }'), filename: 'function.json' },
    // 4096 bytes exactly: key "K" (1) + 4095.
    { name: 'exactly 4 KB', code: cfn('Environment:', '  Variables:', `    K: ${'y'.repeat(4095)}`) },
    { name: 'intrinsic values count as empty', code: cfn('Environment:', '  Variables:', `    A: ${big}`, '    B: !Ref Big') },
    { name: 'Terraform: an unknown value counts as empty', code: tf('environment {', '  variables = {', `    A = "${big}"`, '    B = var.big', '  }', '}'), filename: 'main.tf' },
  ],
  invalid: [
    {
      name: 'API JSON',
      code: api(`"Environment": { "Variables": { "A": "${big}", "B": "${big}" } }`),
      filename: 'function.json',
      errors: [
        {
          messageId: 'tooLarge',
          line: 4,
          column: 20,
          endLine: 4,
          endColumn: 31,
          severity: 'error',
          message:
            "The environment variables of orders take 4202 bytes (keys plus values), over Lambda's 4 KB (4096 bytes) limit, so the deployment is rejected. Move large values to SSM Parameter Store or Secrets Manager and read them at start-up.",
        },
      ],
    },
    {
      name: 'CloudFormation counts UTF-8 bytes',
      code: cfn('Environment:', '  Variables:', `    K: ${'é'.repeat(2048)}`),
      errors: [{ messageId: 'tooLarge', line: 7, column: 9, endLine: 7, endColumn: 18, message: /^The environment variables of Fn take 4097 bytes/ }],
    },
    {
      name: 'SAM: Globals and function variables add up',
      code: sam(['Environment:', '  Variables:', `    A: ${big}`], ['Environment:', '  Variables:', `    B: ${big}`]),
      errors: [{ messageId: 'tooLarge', line: 12, column: 9, endLine: 12, endColumn: 18 }],
    },
    {
      name: 'serverless: provider and function environment add up',
      code: sls(['environment:', `  A: ${big}`], ['handler: a.b', 'environment:', `  B: ${big}`]),
      filename: 'serverless.yml',
      errors: [{ messageId: 'tooLarge', line: 9, column: 5, endLine: 9, endColumn: 16 }],
    },
    {
      name: 'Terraform',
      code: tf('environment {', '  variables = {', `    A = "${big}"`, `    B = "${big}"`, '  }', '}'),
      filename: 'main.tf',
      errors: [{ messageId: 'tooLarge', line: 5, column: 5, endLine: 5, endColumn: 14, message: /^The environment variables of aws_lambda_function\.fn take 4202 bytes/ }],
    },
  ],
});
