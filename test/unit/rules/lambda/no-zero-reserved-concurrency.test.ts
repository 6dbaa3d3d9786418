import rule from '../../../../server/src/core/rules/lambda/no-zero-reserved-concurrency';
import { runRuleTests } from '../../../helpers/ruleTester';
import { cfn, sam, sls, tf } from './shapes';

runRuleTests(rule, {
  valid: [
    { name: 'CloudFormation 5', code: cfn('ReservedConcurrentExecutions: 5') },
    { name: 'serverless 1', code: sls([], ['handler: a.b', 'reservedConcurrency: 1']), filename: 'serverless.yml' },
    { name: 'Terraform: -1 is unreserved', code: tf('reserved_concurrent_executions = -1'), filename: 'main.tf' },
  ],
  invalid: [
    {
      name: 'CloudFormation',
      code: cfn('ReservedConcurrentExecutions: 0'),
      errors: [
        {
          messageId: 'zero',
          line: 6,
          column: 37,
          endLine: 6,
          endColumn: 38,
          severity: 'warning',
          message: "ReservedConcurrentExecutions 0 throttles every invocation of Fn: the function is deployed but can never run. Remove ReservedConcurrentExecutions to use the account's unreserved pool, or reserve at least 1.",
        },
      ],
    },
    {
      name: 'SAM Globals',
      code: sam(['ReservedConcurrentExecutions: 0'], ['Handler: a.b']),
      errors: [{ messageId: 'zero', line: 4, column: 35, endLine: 4, endColumn: 36 }],
    },
    {
      name: 'serverless',
      code: sls([], ['handler: a.b', 'reservedConcurrency: 0']),
      filename: 'serverless.yml',
      errors: [{ messageId: 'zero', line: 8, column: 26, endLine: 8, endColumn: 27, message: /^reservedConcurrency 0 throttles every invocation of api/ }],
    },
    {
      name: 'Terraform',
      code: tf('reserved_concurrent_executions = 0'),
      filename: 'main.tf',
      errors: [
        {
          messageId: 'zero',
          line: 4,
          column: 36,
          endLine: 4,
          endColumn: 37,
          message: "reserved_concurrent_executions 0 throttles every invocation of aws_lambda_function.fn: the function is deployed but can never run. Remove reserved_concurrent_executions to use the account's unreserved pool, or reserve at least 1.",
        },
      ],
    },
  ],
});
