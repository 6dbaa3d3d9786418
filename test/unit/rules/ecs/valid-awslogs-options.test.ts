import rule from '../../../../server/src/core/rules/ecs/valid-awslogs-options';
import { runRuleTests } from '../../../helpers/ruleTester';
import { fargate, tfTask, tfTaskFile, tfTaskHeredoc } from './tfshapes';

const tfLogs = (args: string, options: string) => tfTask(args, `[{
    name  = "app"
    image = "nginx:1.27"
    logConfiguration = {
      logDriver = "awslogs"
      options   = { ${options} }
    }
  }]`);

const api = (options: string, compat = 'FARGATE') => `{
  "family": "web",
  "requiresCompatibilities": ["${compat}"],
  "containerDefinitions": [{
    "name": "app", "image": "nginx:1.27",
    "logConfiguration": { "logDriver": "awslogs", "options": { ${options} } }
  }]
}`;
const all = '"awslogs-group": "/ecs/web", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "web"';

runRuleTests(rule, {
  valid: [
    { name: 'all options', code: api(all) },
    { name: 'EC2 needs no stream prefix', code: api('"awslogs-group": "/ecs/web", "awslogs-region": "us-east-1"', 'EC2') },
    {
      name: 'CloudFormation options by intrinsic',
      code: `Resources:
  T:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: app:1
          LogConfiguration:
            LogDriver: awslogs
            Options: !If [Prod, { awslogs-group: a, awslogs-region: b }, { awslogs-group: c, awslogs-region: d }]
`,
    },
    { name: 'Terraform: every option', filename: 'main.tf', code: tfLogs(fargate, '"awslogs-group" = "/ecs/app", "awslogs-region" = "eu-west-1", "awslogs-stream-prefix" = "app"') },
    { name: 'Terraform: options from a variable without a value', filename: 'main.tf', code: tfLogs('', '').replace('options   = {  }', 'options   = var.log_options') + 'variable "log_options" {}\n' },
  ],
  invalid: [
    {
      name: 'no region, no prefix on Fargate',
      code: api('"awslogs-group": "/ecs/web"'),
      errors: [
        { messageId: 'missingOption', line: 6, column: 51, endLine: 6, endColumn: 60, severity: 'error', message: /has no awslogs-region option/ },
        { messageId: 'missingStreamPrefix', line: 6, column: 51, endLine: 6, endColumn: 60, severity: 'warning' },
      ],
    },
    {
      name: 'CloudFormation without Options',
      code: `Resources:
  T:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: app:1
          LogConfiguration:
            LogDriver: awslogs
`,
      errors: [
        { messageId: 'missingOption', line: 9, column: 13, endLine: 9, endColumn: 22, message: /no awslogs-group option/ },
        { messageId: 'missingOption', line: 9, column: 13, endLine: 9, endColumn: 22, message: /no awslogs-region option/ },
      ],
    },
    {
      name: 'Terraform: jsonencode on Fargate without the group and the prefix',
      filename: 'main.tf',
      code: tfLogs(fargate, '"awslogs-region" = "eu-west-1"'),
      errors: [
        { messageId: 'missingOption', line: 13, column: 7, endLine: 13, endColumn: 14, message: /has no awslogs-group option/ },
        { messageId: 'missingStreamPrefix', line: 13, column: 7, endLine: 13, endColumn: 14, severity: 'warning' },
      ],
    },
    {
      name: 'Terraform: heredoc without options',
      filename: 'main.tf',
      code: tfTaskHeredoc('', '[{"name": "app", "image": "nginx:1.27", "logConfiguration": {"logDriver": "awslogs"}}]'),
      errors: [
        { messageId: 'missingOption', line: 5, column: 66, endLine: 5, endColumn: 77 },
        { messageId: 'missingOption', line: 5, column: 66, endLine: 5, endColumn: 77 },
      ],
    },
    {
      name: 'Terraform: the JSON file read with file()',
      filename: 'containers.json',
      code: '[{ "name": "app", "image": "nginx:1.27", "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/app" } } }]',
      workspace: [{ filename: 'main.tf', code: tfTaskFile('') }],
      errors: [{ messageId: 'missingOption', line: 1, column: 88, endLine: 1, endColumn: 97, message: /has no awslogs-region option/ }],
    },
  ],
});
