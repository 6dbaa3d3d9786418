import rule from '../../../../server/src/core/rules/batch/valid-attempt-duration';
import { runRuleTests } from '../../../helpers/ruleTester';
import { api, cfn, tf } from './shapes';

runRuleTests(rule, {
  valid: [
    { name: 'API 60 s', code: api(['"timeout": { "attemptDurationSeconds": 60 }'], []), filename: 'job.json' },
    { name: 'CloudFormation', code: cfn(['Timeout:', '  AttemptDurationSeconds: 3600'], []) },
    { name: 'intrinsic', code: cfn(['Timeout:', '  AttemptDurationSeconds: !Ref T'], []) },
    { name: 'Terraform: 60 s', code: tf(['timeout {', '  attempt_duration_seconds = 60', '}'], []), filename: 'main.tf' },
    { name: 'Terraform: a variable without a value', code: tf(['timeout {', '  attempt_duration_seconds = var.timeout', '}'], []), filename: 'main.tf', workspace: [{ filename: 'variables.tf', code: 'variable "timeout" {}\n' }] },
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
    {
      name: 'Terraform: the message names attempt_duration_seconds',
      code: tf(['timeout {', '  attempt_duration_seconds = 30', '}'], []),
      filename: 'main.tf',
      errors: [
        {
          messageId: 'tooShort',
          line: 5,
          column: 32,
          endLine: 5,
          endColumn: 34,
          message: 'attempt_duration_seconds 30 is below the 60-second minimum, so RegisterJobDefinition rejects it. Use 60 or more; remember that a timed-out attempt is not retried.',
        },
      ],
      output: tf(['timeout {', '  attempt_duration_seconds = 60', '}'], []),
    },
    {
      name: 'Terraform: terraform.tfvars wins over the default',
      code: tf(['timeout {', '  attempt_duration_seconds = var.timeout', '}'], []),
      filename: 'main.tf',
      workspace: [
        { filename: 'variables.tf', code: 'variable "timeout" {\n  default = 600\n}\n' },
        { filename: 'terraform.tfvars', code: 'timeout = 30\n' },
      ],
      errors: [{ messageId: 'tooShort', line: 5, column: 32, endLine: 5, endColumn: 43, related: [{ line: 1, column: 11, filename: 'terraform.tfvars' }] }],
      noFix: true,
    },
  ],
});
