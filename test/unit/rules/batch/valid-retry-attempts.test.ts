import rule from '../../../../server/src/core/rules/batch/valid-retry-attempts';
import { runRuleTests } from '../../../helpers/ruleTester';
import { api, cfn } from './shapes';

runRuleTests(rule, {
  valid: [
    { name: 'API 1', code: api(['"retryStrategy": { "attempts": 1 }'], []), filename: 'job.json' },
    { name: 'CloudFormation 10', code: cfn(['RetryStrategy:', '  Attempts: 10'], []) },
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
  ],
});
