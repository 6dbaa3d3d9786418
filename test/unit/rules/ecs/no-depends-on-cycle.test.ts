import rule from '../../../../server/src/core/rules/ecs/no-depends-on-cycle';
import { runRuleTests } from '../../../helpers/ruleTester';
import { tfTask, tfTaskFile, tfTaskHeredoc } from './tfshapes';

const api = (a: string, b: string) => `{
  "family": "web",
  "containerDefinitions": [
    { "name": "app", "image": "app:1", "dependsOn": [${a}] },
    { "name": "db", "image": "db:1", "dependsOn": [${b}] }
  ]
}`;

runRuleTests(rule, {
  valid: [
    { name: 'a chain', code: api('{ "containerName": "db", "condition": "HEALTHY" }', '') },
    { name: 'dangling names are another rule', code: api('{ "containerName": "x" }', '{ "containerName": "y" }') },
    { name: 'Terraform: a chain', filename: 'main.tf', code: tfTask('', '[{ name = "a", image = "x:1", dependsOn = [{ containerName = "b", condition = "START" }] }, { name = "b", image = "y:1" }]') },
  ],
  invalid: [
    {
      name: 'two containers waiting for each other',
      code: api('{ "containerName": "db" }', '{ "containerName": "app" }'),
      errors: [{ messageId: 'cycle', line: 5, column: 71, endLine: 5, endColumn: 76, severity: 'error', message: /\(app → db → app\)/ }],
    },
    {
      name: 'CloudFormation self-dependency',
      code: `Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: app:1
          DependsOn:
            - ContainerName: app
              Condition: START
`,
      errors: [{ messageId: 'cycle', line: 9, column: 30, endLine: 9, endColumn: 33, message: /\(app → app\)/ }],
    },
    {
      name: 'Terraform: jsonencode',
      filename: 'main.tf',
      code: tfTask('', '[{ name = "a", image = "x:1", dependsOn = [{ containerName = "b", condition = "START" }] }, { name = "b", image = "y:1", dependsOn = [{ containerName = "a", condition = "START" }] }]'),
      errors: [{ messageId: 'cycle', line: 4, column: 190, endLine: 4, endColumn: 193, message: /\(a → b → a\)/ }],
    },
    {
      name: 'Terraform: heredoc',
      filename: 'main.tf',
      code: tfTaskHeredoc('', '[{"name": "a", "image": "x:1", "dependsOn": [{"containerName": "a", "condition": "START"}]}]'),
      errors: [{ messageId: 'cycle', line: 5, column: 68, endLine: 5, endColumn: 71 }],
    },
    {
      name: 'Terraform: the JSON file read with file()',
      filename: 'containers.json',
      code: '[{ "name": "a", "image": "x:1", "dependsOn": [{ "containerName": "b", "condition": "START" }] }, { "name": "b", "image": "y:1", "dependsOn": [{ "containerName": "a", "condition": "START" }] }]',
      workspace: [{ filename: 'main.tf', code: tfTaskFile('') }],
      errors: [{ messageId: 'cycle', line: 1, column: 162, endLine: 1, endColumn: 165 }],
    },
  ],
});
