import rule from '../../../../server/src/core/rules/batch/no-plain-secret-environment';
import { runRuleTests } from '../../../helpers/ruleTester';
import { api, cfn, tf } from './shapes';

runRuleTests(rule, {
  valid: [
    { name: 'ordinary values', code: api([], ['"environment": [{ "name": "STAGE", "value": "prod" }, { "name": "DB_PASSWORD_ARN", "value": "arn:aws:secretsmanager:x" }]']), filename: 'job.json' },
    { name: 'placeholder', code: cfn([], ['Environment:', '  - { Name: API_TOKEN, Value: changeme }']) },
    { name: 'settings with secret-sounding names', code: api([], ['"environment": [{ "name": "PASSWORD_ITERATIONS", "value": "4096" }, { "name": "TOKEN_TIMEOUT_SECONDS", "value": "90s" }, { "name": "SECRETS_PROVIDER", "value": "vault" }]']), filename: 'job.json' },
    { name: 'Terraform: ordinary value', code: tf([], ['environment = [{ name = "STAGE", value = "prod" }]']), filename: 'main.tf' },
    { name: 'Terraform: value unknown', code: tf([], ['environment = [{ name = "DB_PASSWORD", value = aws_secretsmanager_secret_version.db.secret_string }]']), filename: 'main.tf' },
  ],
  invalid: [
    {
      name: 'API JSON: secret-looking name',
      code: api([], ['"environment": [{ "name": "DB_PASSWORD", "value": "hunter2hunter2" }]']),
      filename: 'job.json',
      errors: [
        {
          messageId: 'secretName',
          line: 7,
          column: 55,
          endLine: 7,
          endColumn: 71,
          severity: 'warning',
          message:
            'Environment variable DB_PASSWORD looks like a secret written in plain text: anyone who can describe the job definition can read it. Move it to secrets (valueFrom a Secrets Manager secret or SSM parameter).',
        },
      ],
    },
    {
      name: 'CloudFormation: access key id',
      code: cfn([], ['Environment:', '  - Name: KEY', '    Value: AKIAABCDEFGHIJKLMNOP']),
      errors: [{ messageId: 'accessKeyId', line: 10, column: 20, endLine: 10, endColumn: 40 }],
    },
    {
      name: 'CloudFormation: secret access key',
      code: cfn([], ['Environment:', '  - Name: K2', '    Value: wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY12']),
      errors: [{ messageId: 'secretAccessKey', line: 10, column: 20, endLine: 10, endColumn: 60 }],
    },
    {
      name: 'Terraform jsonencode: secret-looking name',
      code: tf([], ['environment = [{ name = "DB_PASSWORD", value = "hunter2hunter2" }]']),
      filename: 'main.tf',
      errors: [{ messageId: 'secretName', line: 6, column: 52, endLine: 6, endColumn: 68 }],
    },
  ],
});
