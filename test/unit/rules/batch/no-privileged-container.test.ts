import rule from '../../../../server/src/core/rules/batch/no-privileged-container';
import { runRuleTests } from '../../../helpers/ruleTester';
import { api, cfn, tf } from './shapes';

runRuleTests(rule, {
  valid: [
    { name: 'not privileged', code: api([], ['"privileged": false']), filename: 'job.json' },
    { name: 'CloudFormation intrinsic', code: cfn([], ['Privileged: !Ref P']) },
    { name: 'Terraform: not privileged', code: tf([], ['privileged = false']), filename: 'main.tf' },
    { name: 'Terraform: unknown', code: tf([], ['privileged = var.privileged']), filename: 'main.tf', workspace: [{ filename: 'variables.tf', code: 'variable "privileged" {\n  type = bool\n}\n' }] },
  ],
  invalid: [
    {
      name: 'API JSON',
      code: api([], ['"privileged": true']),
      filename: 'job.json',
      errors: [
        {
          messageId: 'privileged',
          line: 7,
          column: 19,
          endLine: 7,
          endColumn: 23,
          severity: 'warning',
          message:
            'privileged: true gives this container root access to the host instance, so a compromised job can take over the instance and other jobs on it. Remove it, and grant only the Linux capabilities the job needs (linuxParameters).',
        },
      ],
      output: api([], ['"privileged": false']),
    },
    {
      name: 'CloudFormation',
      code: cfn([], ['Privileged: true']),
      errors: [{ messageId: 'privileged', line: 8, column: 21, endLine: 8, endColumn: 25 }],
      output: cfn([], ['Privileged: false']),
    },
    {
      name: 'Terraform jsonencode',
      code: tf([], ['privileged = true']),
      filename: 'main.tf',
      errors: [{ messageId: 'privileged', line: 6, column: 18, endLine: 6, endColumn: 22 }],
      output: tf([], ['privileged = false']),
    },
    {
      name: 'Terraform: set in terraform.tfvars, reported at its use',
      code: tf([], ['privileged = var.privileged']),
      filename: 'main.tf',
      workspace: [
        { filename: 'variables.tf', code: 'variable "privileged" {\n  default = false\n}\n' },
        { filename: 'terraform.tfvars', code: 'privileged = true\n' },
      ],
      errors: [{ messageId: 'privileged', line: 6, column: 18, endLine: 6, endColumn: 32, related: [{ line: 1, column: 14, filename: 'terraform.tfvars' }] }],
      noFix: true,
    },
  ],
});
