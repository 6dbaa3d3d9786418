import rule from '../../../../server/src/core/rules/ecs/no-privileged-container';
import { runRuleTests } from '../../../helpers/ruleTester';
import { fargate, tfTask, tfTaskFile, tfTaskHeredoc } from './tfshapes';

const api = (privileged: string, compat = 'EC2') => `{
  "family": "web",
  "requiresCompatibilities": ["${compat}"],
  "containerDefinitions": [{ "name": "app", "image": "nginx:1.27", "privileged": ${privileged} }]
}`;

runRuleTests(rule, {
  valid: [
    { name: 'not privileged', code: api('false') },
    { name: 'Fargate is another rule', code: api('true', 'FARGATE') },
    { name: 'Terraform: not privileged', filename: 'main.tf', code: tfTask('', '[{ name = "app", image = "nginx:1.27", privileged = false }]') },
    { name: 'Terraform: Fargate (its own rule rejects it)', filename: 'main.tf', code: tfTask(fargate, '[{ name = "app", image = "nginx:1.27", privileged = true }]') },
    { name: 'Terraform: privileged from a variable without a value', filename: 'main.tf', code: tfTask('', '[{ name = "app", image = "nginx:1.27", privileged = var.privileged }]') + 'variable "privileged" {}\n' },
  ],
  invalid: [
    { name: 'EC2', code: api('true'), errors: [{ messageId: 'privileged', line: 4, column: 82, endLine: 4, endColumn: 86, severity: 'warning' }] },
    {
      name: 'CloudFormation',
      code: `Resources:
  T:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: app:1
          Privileged: true
`,
      errors: [{ messageId: 'privileged', line: 8, column: 23, endLine: 8, endColumn: 27 }],
    },
    {
      name: 'Terraform: jsonencode',
      filename: 'main.tf',
      code: tfTask('', '[{ name = "app", image = "nginx:1.27", privileged = true }]'),
      errors: [{ messageId: 'privileged', line: 4, column: 90, endLine: 4, endColumn: 94, message: /^Container app runs privileged/ }],
    },
    {
      name: 'Terraform: heredoc',
      filename: 'main.tf',
      code: tfTaskHeredoc('', '[{"name": "app", "image": "nginx:1.27", "privileged": true}]'),
      errors: [{ messageId: 'privileged', line: 5, column: 59, endLine: 5, endColumn: 63 }],
    },
    {
      name: 'Terraform: the JSON file read with file()',
      filename: 'containers.json',
      code: '[{ "name": "app", "image": "nginx:1.27", "privileged": true }]',
      workspace: [{ filename: 'main.tf', code: tfTaskFile('') }],
      errors: [{ messageId: 'privileged', line: 1, column: 56, endLine: 1, endColumn: 60 }],
    },
    {
      name: 'Terraform: a local in another file',
      filename: 'locals.tf',
      code: 'locals {\n  containers = [{ name = "app", image = "nginx:1.27", privileged = true }]\n}\n',
      workspace: [{ filename: 'main.tf', code: tfTask('', 'local.containers') }],
      errors: [{ messageId: 'privileged', line: 2, column: 68, endLine: 2, endColumn: 72 }],
    },
  ],
});
