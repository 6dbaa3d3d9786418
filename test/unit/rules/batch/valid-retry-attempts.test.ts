import rule from '../../../../server/src/core/rules/batch/valid-retry-attempts';
import { runRuleTests } from '../../../helpers/ruleTester';
import { api, cfn, tf } from './shapes';

runRuleTests(rule, {
  valid: [
    { name: 'API 1', code: api(['"retryStrategy": { "attempts": 1 }'], []), filename: 'job.json' },
    { name: 'CloudFormation 10', code: cfn(['RetryStrategy:', '  Attempts: 10'], []) },
    { name: 'Terraform 3', code: tf(['retry_strategy {', '  attempts = 3', '}'], []), filename: 'main.tf' },
  ],
  invalid: [
    {
      name: 'API JSON zero',
      code: api(['"retryStrategy": { "attempts": 0 }'], []),
      filename: 'job.json',
      errors: [
        {
          messageId: 'outOfRange',
          line: 4,
          column: 34,
          endLine: 4,
          endColumn: 35,
          severity: 'error',
          message: 'retryStrategy attempts 0 is outside 1–10, so RegisterJobDefinition rejects it. attempts counts every try (1 means no retry); use 1.',
        },
      ],
      output: api(['"retryStrategy": { "attempts": 1 }'], []),
    },
    {
      name: 'CloudFormation 20',
      code: cfn(['RetryStrategy:', '  Attempts: 20'], []),
      errors: [{ messageId: 'outOfRange', line: 7, column: 19, endLine: 7, endColumn: 21 }],
      output: cfn(['RetryStrategy:', '  Attempts: 10'], []),
    },
    {
      name: 'Terraform: the message names retry_strategy attempts',
      code: tf(['retry_strategy {', '  attempts = 0', '}'], []),
      filename: 'main.tf',
      errors: [
        {
          messageId: 'outOfRange',
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 17,
          message: 'retry_strategy attempts 0 is outside 1–10, so RegisterJobDefinition rejects it. attempts counts every try (1 means no retry); use 1.',
        },
      ],
      output: tf(['retry_strategy {', '  attempts = 1', '}'], []),
    },
  ],
});
