import rule from '../../../../server/src/core/rules/lambda/valid-timeout';
import { runRuleTests } from '../../../helpers/ruleTester';
import { api, cfn, sam, sls, tf } from './shapes';

const CP = 'arn:aws:lambda:eu-west-1:123456789012:capacity-provider:main';
const apiLmi = (timeout: string) => api(`"Timeout": ${timeout}`, `"CapacityProviderConfig": { "LambdaManagedInstancesCapacityProviderConfig": { "CapacityProviderArn": "${CP}" } }`);

runRuleTests(rule, {
  valid: [
    { name: 'API max', code: api('"Timeout": 1800'), filename: 'function.json' },
    { name: 'over the old 15 minutes: 30 minutes is allowed now', code: cfn('Timeout: 1200') },
    { name: 'Lambda Managed Instances: 90 minutes', code: apiLmi('5400'), filename: 'function.json' },
    { name: 'CloudFormation', code: cfn('Timeout: 1') },
    { name: 'SAM function overrides a bad Global', code: sam(['Timeout: 2000'], ['Timeout: 30']) },
    { name: 'intrinsic', code: cfn('Timeout: !Ref T') },
    { name: 'Terraform: 15 minutes', code: tf('timeout = 900'), filename: 'main.tf' },
    { name: 'Terraform: Lambda Managed Instances, 90 minutes', code: tf('timeout = 5400', 'capacity_provider_config {', '  lambda_managed_instances_capacity_provider_config {', `    capacity_provider_arn = "${CP}"`, '  }', '}'), filename: 'main.tf' },
  ],
  invalid: [
    {
      name: 'API JSON over 30 minutes',
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
            'Timeout 3600 s is over 1800 s: Lambda stops every invocation after 30 minutes, and the deployment is rejected. Split the work into shorter steps (Step Functions), or run it as an AWS Batch job or an ECS/Fargate task, which have no such limit.',
        },
      ],
    },
    {
      name: 'CloudFormation zero',
      code: cfn('Timeout: 0'),
      errors: [{ messageId: 'belowMin', line: 6, column: 16, endLine: 6, endColumn: 17, message: 'Timeout 0 s is below the minimum of 1 s, so the deployment is rejected. Use a whole number of seconds from 1 to 1800.' }],
    },
    {
      name: 'SAM Globals',
      code: sam(['Timeout: 2000'], ['Handler: app.handler']),
      errors: [{ messageId: 'overMax', line: 4, column: 14, endLine: 4, endColumn: 18 }],
    },
    {
      name: 'serverless provider',
      code: sls(['timeout: 1801'], ['handler: a.b']),
      filename: 'serverless.yml',
      errors: [{ messageId: 'overMax', line: 4, column: 12, endLine: 4, endColumn: 16, message: /^timeout 1801 s/ }],
    },
    {
      name: 'Lambda Managed Instances: over 90 minutes',
      code: apiLmi('6000'),
      filename: 'function.json',
      errors: [{ messageId: 'overMax', line: 4, column: 14, endLine: 4, endColumn: 18, message: /^Timeout 6000 s is over 5400 s: Lambda Managed Instances stops every invocation after 90 minutes/ }],
    },
    {
      name: 'Terraform: over the maximum',
      code: tf('timeout = 3600'),
      filename: 'main.tf',
      errors: [{ messageId: 'overMax', line: 4, column: 13, endLine: 4, endColumn: 17, message: /^timeout 3600 s is over 1800 s: Lambda stops/ }],
    },
    {
      name: 'Terraform: Lambda Managed Instances over 90 minutes',
      code: tf('timeout = 6000', 'capacity_provider_config {', '  lambda_managed_instances_capacity_provider_config {', `    capacity_provider_arn = "${CP}"`, '  }', '}'),
      filename: 'main.tf',
      errors: [{ messageId: 'overMax', line: 4, column: 13, endLine: 4, endColumn: 17, message: /^timeout 6000 s is over 5400 s: Lambda Managed Instances stops/ }],
    },
    {
      name: 'Terraform: from a local',
      code: `${tf('timeout = local.timeout')}locals {\n  timeout = 0\n}\n`,
      filename: 'main.tf',
      errors: [{ messageId: 'belowMin', line: 4, column: 13, endLine: 4, endColumn: 26, related: [{ line: 7, column: 13 }] }],
    },
  ],
});
