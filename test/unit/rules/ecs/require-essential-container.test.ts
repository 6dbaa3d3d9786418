import rule from '../../../../server/src/core/rules/ecs/require-essential-container';
import { runRuleTests } from '../../../helpers/ruleTester';
import { tfTask, tfTaskFile, tfTaskHeredoc } from './tfshapes';

const notEssential = '[{ "name": "app", "image": "x:1", "essential": false }, { "name": "log", "image": "y:1", "essential": false }]';

runRuleTests(rule, {
  valid: [
    { name: 'essential omitted means true', code: '{"family": "a", "containerDefinitions": [{"name": "app", "image": "x:1"}]}' },
    { name: 'one essential among others', code: '{"family": "a", "containerDefinitions": [{"name": "app", "image": "x:1", "essential": false}, {"name": "b", "image": "y:1"}]}' },
    {
      name: 'CloudFormation intrinsic is not a known false',
      code: `Resources:
  T:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: x:1
          Essential: !Ref IsEssential
`,
    },
    { name: 'Terraform: essential omitted', filename: 'main.tf', code: tfTask('', '[{ name = "app", image = "x:1" }]') },
    { name: 'Terraform: essential from a variable without a value', filename: 'main.tf', code: tfTask('', '[{ name = "app", image = "x:1", essential = var.essential }]') + 'variable "essential" {}\n' },
    { name: 'Terraform: the .tf that reads the containers shows nothing: the JSON file is the one to edit', filename: 'main.tf', code: tfTaskFile(''), workspace: [{ filename: 'containers.json', code: notEssential }] },
  ],
  invalid: [
    {
      name: 'API JSON',
      code: `{
  "family": "a",
  "containerDefinitions": [
    { "name": "app", "image": "x:1", "essential": false },
    { "name": "log", "image": "y:1", "essential": false }
  ]
}`,
      errors: [{ messageId: 'noEssential', line: 3, column: 3, endLine: 3, endColumn: 25, severity: 'error' }],
      output: `{
  "family": "a",
  "containerDefinitions": [
    { "name": "app", "image": "x:1", "essential": true },
    { "name": "log", "image": "y:1", "essential": false }
  ]
}`,
    },
    {
      name: 'CloudFormation',
      code: `Resources:
  T:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: x:1
          Essential: false
`,
      errors: [{ messageId: 'noEssential', line: 5, column: 7, endLine: 5, endColumn: 27 }],
      output: `Resources:
  T:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: x:1
          Essential: true
`,
    },
    {
      name: 'Terraform: jsonencode',
      filename: 'main.tf',
      code: tfTask('', '[{ name = "app", image = "x:1", essential = false }]'),
      errors: [{ messageId: 'noEssential', line: 4, column: 3, endLine: 4, endColumn: 24 }],
      output: tfTask('', '[{ name = "app", image = "x:1", essential = true }]'),
    },
    {
      name: 'Terraform: heredoc',
      filename: 'main.tf',
      code: tfTaskHeredoc('', notEssential),
      errors: [{ messageId: 'noEssential', line: 4, column: 3, endLine: 4, endColumn: 24 }],
      output: tfTaskHeredoc('', notEssential.replace('false', 'true')),
    },
    {
      name: 'Terraform: the JSON file read with file(): on the first essential, with the fix',
      filename: 'containers.json',
      code: notEssential,
      workspace: [{ filename: 'main.tf', code: tfTaskFile('') }],
      errors: [{ messageId: 'noEssential', line: 1, column: 48, endLine: 1, endColumn: 53 }],
      output: notEssential.replace('false', 'true'),
    },
    {
      name: 'Terraform: a container definitions file read alone',
      filename: 'containers.json',
      code: notEssential,
      errors: [{ messageId: 'noEssential', line: 1, column: 48, endLine: 1, endColumn: 53 }],
      output: notEssential.replace('false', 'true'),
    },
    {
      name: 'Terraform: the containers in a local of another file',
      filename: 'locals.tf',
      code: 'locals {\n  containers = [{ name = "app", image = "x:1", essential = false }]\n}\n',
      workspace: [{ filename: 'main.tf', code: tfTask('', 'local.containers') }],
      errors: [{ messageId: 'noEssential', line: 2, column: 60, endLine: 2, endColumn: 65 }],
      output: 'locals {\n  containers = [{ name = "app", image = "x:1", essential = true }]\n}\n',
    },
    {
      name: 'Terraform: essential = false from a variable default: no fix',
      filename: 'main.tf',
      code: tfTask('', '[{ name = "app", image = "x:1", essential = var.essential }]') + 'variable "essential" {\n  default = false\n}\n',
      errors: [{ messageId: 'noEssential', line: 4, column: 3, endLine: 4, endColumn: 24 }],
    },
  ],
});
