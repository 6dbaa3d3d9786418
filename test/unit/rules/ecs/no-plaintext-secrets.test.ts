import rule from '../../../../server/src/core/rules/ecs/no-plaintext-secrets';
import { runRuleTests } from '../../../helpers/ruleTester';

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
    { name: 'ordinary settings', code: api('{ "name": "LOG_LEVEL", "value": "debug" }, { "name": "PASSWORD_FILE", "value": "/run/secrets/db" }') },
    { name: 'placeholder', code: api('{ "name": "API_TOKEN", "value": "changeme" }') },
    {
      name: 'settings with secret-sounding names: a number, a duration, a boolean, a plain word',
      code: api('{ "name": "PASSWORD_ITERATIONS", "value": "4096" }, { "name": "TOKEN_EXPIRY", "value": "15m" }, { "name": "AUTH_REQUIRED", "value": "true" }, { "name": "PASSWORD_HASHER", "value": "bcrypt" }, { "name": "SECRET_ROTATION", "value": "PT12H" }'),
    },
    { name: 'CloudFormation: a number is a setting', code: cfn('PASSWORD_ITERATIONS', '4096') },
    { name: 'secrets with valueFrom are the remedy', code: api('') },
    { name: 'CloudFormation dynamic reference by intrinsic', code: cfn('DB_PASSWORD', '!Ref DbPassword') },
  ],
  invalid: [
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
  ],
});
