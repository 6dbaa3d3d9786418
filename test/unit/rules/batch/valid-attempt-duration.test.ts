import rule from '../../../../server/src/core/rules/batch/valid-attempt-duration';
import { runRuleTests } from '../../../helpers/ruleTester';
import { api, cfn } from './shapes';

runRuleTests(rule, {
  valid: [
    { name: 'API 60 s', code: api(['"timeout": { "attemptDurationSeconds": 60 }'], []), filename: 'job.json' },
    { name: 'CloudFormation', code: cfn(['Timeout:', '  AttemptDurationSeconds: 3600'], []) },
    { name: 'intrinsic', code: cfn(['Timeout:', '  AttemptDurationSeconds: !Ref T'], []) },
  ],
  invalid: [
    {
      name: 'API JSON',
      code: api(['"timeout": { "attemptDurationSeconds": 30 }'], []),
      filename: 'job.json',
      errors: [
        {
          messageId: 'tooShort',
          line: 4,
          column: 42,
          endLine: 4,
          endColumn: 44,
          severity: 'error',
          message: 'attemptDurationSeconds 30 is below the 60-second minimum, so RegisterJobDefinition rejects it. Use 60 or more; remember that a timed-out attempt is not retried.',
        },
      ],
      output: api(['"timeout": { "attemptDurationSeconds": 60 }'], []),
    },
    {
      name: 'CloudFormation',
      code: cfn(['Timeout:', '  AttemptDurationSeconds: 10'], []),
      errors: [{ messageId: 'tooShort', line: 7, column: 33, endLine: 7, endColumn: 35 }],
      output: cfn(['Timeout:', '  AttemptDurationSeconds: 60'], []),
    },
  ],
});
