import rule from '../../../../server/src/core/rules/ecs/no-plaintext-secrets';
import { runRuleTests } from '../../../helpers/ruleTester';
import { EXPRESS_CASES } from './expressShapes';
import { tfTask, tfTaskFile, tfTaskHeredoc } from './tfshapes';

const tfEnv = (env: string) => tfTask('', `[{ name = "app", image = "nginx:1.27", environment = [${env}] }]`);
const envFile = (env: string) => `[
  {
    "name": "app",
    "image": "nginx:1.27",
    "environment": [${env}]
  }
]
`;

const api = (env: string) => `{
  "family": "web",
  "containerDefinitions": [{
    "name": "app", "image": "app:1",
    "environment": [${env}],
    "secrets": [{ "name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:us-east-1:123456789012:secret:db" }]
  }]
}`;
const cfn = (name: string, value: string) => `Resources:
  T:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: app:1
          Environment:
            - Name: ${name}
              Value: ${value}
`;

runRuleTests(rule, {
  valid: [
    ...EXPRESS_CASES.plaintextSecrets.valid,
    { name: 'ordinary settings', code: api('{ "name": "LOG_LEVEL", "value": "debug" }, { "name": "PASSWORD_FILE", "value": "/run/secrets/db" }') },
    { name: 'placeholder', code: api('{ "name": "API_TOKEN", "value": "changeme" }') },
    {
      name: 'settings with secret-sounding names: a number, a duration, a boolean, a plain word',
      code: api('{ "name": "PASSWORD_ITERATIONS", "value": "4096" }, { "name": "TOKEN_EXPIRY", "value": "15m" }, { "name": "AUTH_REQUIRED", "value": "true" }, { "name": "PASSWORD_HASHER", "value": "bcrypt" }, { "name": "SECRET_ROTATION", "value": "PT12H" }'),
    },
    { name: 'CloudFormation: a number is a setting', code: cfn('PASSWORD_ITERATIONS', '4096') },
    { name: 'secrets with valueFrom are the remedy', code: api('') },
    { name: 'CloudFormation dynamic reference by intrinsic', code: cfn('DB_PASSWORD', '!Ref DbPassword') },
    { name: 'Terraform: plain settings', filename: 'main.tf', code: tfEnv('{ name = "LOG_LEVEL", value = "info" }') },
    { name: 'Terraform: a value from a variable without a value', filename: 'main.tf', code: tfEnv('{ name = "DB_PASSWORD", value = var.db_password }') + 'variable "db_password" {\n  sensitive = true\n}\n' },
    { name: 'Terraform: a value from a resource', filename: 'main.tf', code: tfEnv('{ name = "DB_PASSWORD", value = random_password.db.result }') },
  ],
  invalid: [
    ...EXPRESS_CASES.plaintextSecrets.invalid,
    {
      name: 'a password by name',
      code: api('{ "name": "DB_PASSWORD", "value": "hunter2hunter2" }'),
      errors: [{ messageId: 'secretName', line: 5, column: 55, endLine: 5, endColumn: 71, severity: 'warning', message: /DB_PASSWORD of container app looks like a secret.*"secrets" with valueFrom/ }],
      // secrets already has DB_PASSWORD: the fix only removes the plain value.
      output: api(''),
    },
    {
      name: 'the fix adds secrets when the container has none, and keeps the other variables',
      code: '{"family": "web", "containerDefinitions": [{"name": "app", "image": "app:1", "environment": [{"name": "API_TOKEN", "value": "s3cr3t-v4lue"}, {"name": "LOG_LEVEL", "value": "debug"}]}]}',
      errors: [{ messageId: 'secretName', line: 1, column: 125, endLine: 1, endColumn: 139 }],
      output:
        '{"family": "web", "containerDefinitions": [{"name": "app", "image": "app:1", "environment": [{"name": "LOG_LEVEL", "value": "debug"}], "secrets": [{ "name": "API_TOKEN", "valueFrom": "arn:aws:secretsmanager:REGION:ACCOUNT_ID:secret:API_TOKEN" }]}]}',
    },
    {
      name: 'an access key id under any name',
      code: api('{ "name": "CONFIG", "value": "AKIAIOSFODNN7EXAMPLE" }'),
      errors: [{ messageId: 'accessKeyId', line: 5, column: 50, endLine: 5, endColumn: 72 }],
      output: api('').replace(
        'secret:db" }]',
        'secret:db" }, { "name": "CONFIG", "valueFrom": "arn:aws:secretsmanager:REGION:ACCOUNT_ID:secret:CONFIG" }]',
      ),
    },
    {
      name: 'CloudFormation secret access key',
      code: cfn('AWS_SECRET', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'),
      errors: [{ messageId: 'secretAccessKey', line: 10, column: 22, endLine: 10, endColumn: 62 }],
    },
    {
      name: 'Terraform: jsonencode (no fix in HCL)',
      filename: 'main.tf',
      code: tfEnv('{ name = "DB_PASSWORD", value = "hunter2hunter2" }'),
      errors: [{ messageId: 'secretName', line: 4, column: 124, endLine: 4, endColumn: 140, message: /^Environment variable DB_PASSWORD of container app looks like a secret/ }],
    },
    {
      name: 'Terraform: heredoc',
      filename: 'main.tf',
      code: tfTaskHeredoc('', '[{"name": "app", "image": "nginx:1.27", "environment": [{"name": "AWS_ACCESS_KEY_ID", "value": "AKIAIOSFODNN7EXAMPLE"}]}]'),
      errors: [{ messageId: 'accessKeyId', line: 5, column: 100, endLine: 5, endColumn: 122 }],
    },
    {
      name: 'Terraform: the JSON file read with file(), moved to secrets by the fix',
      filename: 'containers.json',
      code: envFile('{ "name": "API_TOKEN", "value": "s3cr3t-t0ken-value" }'),
      workspace: [{ filename: 'main.tf', code: tfTaskFile('') }],
      errors: [{ messageId: 'secretName', line: 5, column: 53, endLine: 5, endColumn: 73 }],
      output: envFile('').replace('"environment": []', '"environment": [], "secrets": [{ "name": "API_TOKEN", "valueFrom": "arn:aws:secretsmanager:REGION:ACCOUNT_ID:secret:API_TOKEN" }]'),
    },
    {
      name: 'Terraform: a variable default: at its use',
      filename: 'main.tf',
      code: tfEnv('{ name = "DB_PASSWORD", value = var.db_password }') + 'variable "db_password" {\n  default = "hunter2hunter2"\n}\n',
      errors: [{ messageId: 'secretName', line: 4, column: 124, endLine: 4, endColumn: 139, related: [{ line: 7, column: 13 }] }],
    },
  ],
});
