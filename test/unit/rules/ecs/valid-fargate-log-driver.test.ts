import rule from '../../../../server/src/core/rules/ecs/valid-fargate-log-driver';
import { runRuleTests } from '../../../helpers/ruleTester';
import { fargate, tfTask, tfTaskFile, tfTaskHeredoc } from './tfshapes';

const api = (driver: string, compat = 'FARGATE') => `{
  "family": "web",
  "requiresCompatibilities": ["${compat}"],
  "containerDefinitions": [
    { "name": "app", "image": "nginx:1.27", "logConfiguration": { "logDriver": "${driver}" } }
  ]
}`;

const cfn = (driver: string) => `Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      ContainerDefinitions:
        - Name: app
          Image: nginx:1.27
          LogConfiguration:
            LogDriver: ${driver}
`;

runRuleTests(rule, {
  valid: [
    { name: 'awslogs', code: api('awslogs') },
    { name: 'awsfirelens', code: api('awsfirelens') },
    { name: 'splunk', code: cfn('splunk') },
    { name: 'EC2 may use json-file', code: api('json-file', 'EC2') },
    { name: 'intrinsic', code: cfn('!Ref Driver') },
    { name: 'Terraform: awslogs on Fargate', filename: 'main.tf', code: tfTask(fargate, '[{ name = "app", image = "nginx:1.27", logConfiguration = { logDriver = "awslogs" } }]') },
    { name: 'Terraform: json-file on EC2', filename: 'main.tf', code: tfTask('', '[{ name = "app", image = "nginx:1.27", logConfiguration = { logDriver = "json-file" } }]') },
    { name: 'Terraform: a JSON file that no Fargate task reads', filename: 'containers.json', code: '[{ "name": "app", "image": "nginx:1.27", "logConfiguration": { "logDriver": "json-file" } }]' },
  ],
  invalid: [
    {
      name: 'json-file on Fargate',
      code: api('json-file'),
      errors: [{ messageId: 'unsupportedDriver', line: 5, column: 80, endLine: 5, endColumn: 91, severity: 'error', message: /rejects logDriver "json-file" for container app/ }],
    },
    {
      name: 'CloudFormation fluentd',
      code: cfn('fluentd'),
      errors: [{ messageId: 'unsupportedDriver', line: 10, column: 24, endLine: 10, endColumn: 31 }],
    },
    {
      name: 'Terraform: jsonencode',
      filename: 'main.tf',
      code: tfTask(fargate, '[{ name = "app", image = "nginx:1.27", logConfiguration = { logDriver = "json-file" } }]'),
      errors: [{ messageId: 'unsupportedDriver', line: 8, column: 110, endLine: 8, endColumn: 121, message: /rejects logDriver "json-file" for container app/ }],
    },
    {
      name: 'Terraform: heredoc',
      filename: 'main.tf',
      code: tfTaskHeredoc(fargate, '[{"name": "app", "image": "nginx:1.27", "logConfiguration": {"logDriver": "syslog"}}]'),
      errors: [{ messageId: 'unsupportedDriver', line: 9, column: 79, endLine: 9, endColumn: 87 }],
    },
    {
      name: 'Terraform: the JSON file a Fargate task reads with file()',
      filename: 'containers.json',
      code: '[{ "name": "app", "image": "nginx:1.27", "logConfiguration": { "logDriver": "json-file" } }]',
      workspace: [{ filename: 'main.tf', code: tfTaskFile(fargate) }],
      errors: [{ messageId: 'unsupportedDriver', line: 1, column: 77, endLine: 1, endColumn: 88 }],
    },
    {
      name: 'Terraform: Fargate from a variable default',
      filename: 'main.tf',
      code: tfTask('  requires_compatibilities = var.compatibilities', '[{ name = "app", image = "nginx:1.27", logConfiguration = { logDriver = "json-file" } }]') + 'variable "compatibilities" {\n  default = ["FARGATE"]\n}\n',
      errors: [{ messageId: 'unsupportedDriver', line: 4, column: 110, endLine: 4, endColumn: 121 }],
    },
  ],
});
