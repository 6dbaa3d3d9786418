import rule from '../../../../server/src/core/rules/lambda/no-plain-secret-environment';
import { runRuleTests } from '../../../helpers/ruleTester';
import { api, cfn, sam, sls, tf } from './shapes';

runRuleTests(rule, {
  valid: [
    { name: 'ordinary', code: api('"Environment": { "Variables": { "TABLE": "orders", "API_KEY_ARN": "arn:aws:ssm:us-east-1:123456789012:parameter/key" } }'), filename: 'function.json' },
    { name: 'intrinsic value', code: cfn('Environment:', '  Variables:', '    DB_PASSWORD: !Ref Password') },
    { name: 'API JSON: settings, not secrets', code: api('"Environment": { "Variables": { "PASSWORD_ITERATIONS": "4096", "JWT_SECRET_TTL": "1d" } }'), filename: 'function.json' },
    { name: 'SAM: number, duration, boolean, word', code: sam(['Environment:', '  Variables:', '    TOKEN_TTL: 3600'], ['Environment:', '  Variables:', '    PASSWORD_ITERATIONS: 4096', '    AUTH_ENABLED: true', '    TOKEN_LIFETIME: 30s', '    SECRET_BACKEND: ssm']) },
    { name: 'serverless.yml: settings', code: sls(['environment:', '  PASSWORD_MIN_LENGTH: 12'], ['handler: h.handler', 'environment:', '    AUTH_MODE: cognito', '    TOKEN_REFRESH: 1h30m']) },
    { name: 'Terraform: ordinary values', code: tf('environment {', '  variables = {', '    TABLE = "orders"', '  }', '}'), filename: 'main.tf' },
    { name: 'Terraform: a value Berth cannot know', code: tf('environment {', '  variables = {', '    DB_PASSWORD = aws_secretsmanager_secret_version.db.secret_string', '  }', '}'), filename: 'main.tf' },
  ],
  invalid: [
    {
      name: 'API JSON',
      code: api('"Environment": { "Variables": { "DB_PASSWORD": "hunter2hunter2" } }'),
      filename: 'function.json',
      errors: [
        {
          messageId: 'secretName',
          line: 4,
          column: 50,
          endLine: 4,
          endColumn: 66,
          severity: 'warning',
          message:
            'Environment variable DB_PASSWORD looks like a secret written in plain text: anyone who can read the function configuration (or this file) sees it. Store it in Secrets Manager or SSM Parameter Store and read it at start-up.',
        },
      ],
    },
    {
      name: 'CloudFormation access key',
      code: cfn('Environment:', '  Variables:', '    KEY: AKIAABCDEFGHIJKLMNOP'),
      errors: [{ messageId: 'accessKeyId', line: 8, column: 16, endLine: 8, endColumn: 36 }],
    },
    {
      name: 'SAM Globals',
      code: sam(['Environment:', '  Variables:', '    K: wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY12'], ['Handler: a.b']),
      errors: [{ messageId: 'secretAccessKey', line: 6, column: 12, endLine: 6, endColumn: 52 }],
    },
    {
      name: 'serverless',
      code: sls(['environment:', '  STRIPE_TOKEN: sk_live_abc123'], ['handler: a.b']),
      filename: 'serverless.yml',
      errors: [{ messageId: 'secretName', line: 5, column: 19, endLine: 5, endColumn: 33 }],
    },
    {
      name: 'Terraform',
      code: tf('environment {', '  variables = {', '    DB_PASSWORD = "hunter2hunter2"', '  }', '}'),
      filename: 'main.tf',
      errors: [{ messageId: 'secretName', line: 6, column: 21, endLine: 6, endColumn: 37 }],
    },
  ],
});
