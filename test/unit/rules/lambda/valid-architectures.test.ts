import rule from '../../../../server/src/core/rules/lambda/valid-architectures';
import { runRuleTests } from '../../../helpers/ruleTester';
import { api, cfn, sam, sls, tf } from './shapes';

runRuleTests(rule, {
  valid: [
    { name: 'API arm64', code: api('"Architectures": ["arm64"]'), filename: 'function.json' },
    { name: 'CloudFormation x86_64', code: cfn('Architectures: [x86_64]') },
    { name: 'serverless', code: sls(['architecture: arm64'], ['handler: a.b']), filename: 'serverless.yml' },
    { name: 'Terraform arm64', code: tf('architectures = ["arm64"]'), filename: 'main.tf' },
    { name: 'Terraform: unknown list', code: tf('architectures = var.architectures'), filename: 'main.tf' },
  ],
  invalid: [
    {
      name: 'API JSON: two',
      code: api('"Architectures": ["x86_64", "arm64"]'),
      filename: 'function.json',
      errors: [
        {
          messageId: 'count',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 18,
          severity: 'error',
          message: 'Architectures lists 2 architectures, but a Lambda function runs on exactly one, so the deployment is rejected. Keep either x86_64 or arm64.',
        },
      ],
    },
    {
      name: 'CloudFormation: unknown value',
      code: cfn('Architectures: [aarch64]'),
      errors: [{ messageId: 'unknown', line: 6, column: 23, endLine: 6, endColumn: 30, message: 'Lambda has no architecture "aarch64"; it accepts x86_64 or arm64 only. Use one of those.' }],
    },
    {
      name: 'SAM: Globals and function lists are appended',
      code: sam(['Architectures: [arm64]'], ['Handler: a.b', 'Architectures: [x86_64]']),
      errors: [{ messageId: 'count', line: 10, column: 7, endLine: 10, endColumn: 20 }],
    },
    {
      name: 'serverless',
      code: sls(['architecture: amd64'], ['handler: a.b']),
      filename: 'serverless.yml',
      errors: [{ messageId: 'unknown', line: 4, column: 17, endLine: 4, endColumn: 22 }],
    },
    {
      name: 'Terraform: two',
      code: tf('architectures = ["x86_64", "arm64"]'),
      filename: 'main.tf',
      errors: [{ messageId: 'count', line: 4, column: 3, endLine: 4, endColumn: 16, message: /^architectures lists 2 architectures/ }],
    },
    {
      name: 'Terraform: unknown value',
      code: tf('architectures = ["aarch64"]'),
      filename: 'main.tf',
      errors: [{ messageId: 'unknown', line: 4, column: 20, endLine: 4, endColumn: 29 }],
    },
  ],
});
