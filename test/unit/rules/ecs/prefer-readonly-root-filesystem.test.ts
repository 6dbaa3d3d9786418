import rule from '../../../../server/src/core/rules/ecs/prefer-readonly-root-filesystem';
import { runRuleTests } from '../../../helpers/ruleTester';
import { tfTask, tfTaskFile, tfTaskHeredoc } from './tfshapes';

const api = (extra: string) => `{
  "family": "web",
  "containerDefinitions": [{ "name": "app", "image": "nginx:1.27"${extra} }]
}`;

runRuleTests(rule, {
  valid: [
    { name: 'read-only', code: api(', "readonlyRootFilesystem": true') },
    { name: 'Windows is out of scope', code: api('').replace('"family": "web",', '"family": "web",\n  "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" },') },
    { name: 'Terraform: read-only', filename: 'main.tf', code: tfTask('', '[{ name = "app", image = "nginx:1.27", readonlyRootFilesystem = true }]') },
    { name: 'Terraform: from a variable without a value', filename: 'main.tf', code: tfTask('', '[{ name = "app", image = "nginx:1.27", readonlyRootFilesystem = var.ro }]') + 'variable "ro" {}\n' },
    { name: 'Terraform: Windows', filename: 'main.tf', code: tfTask('  runtime_platform {\n    operating_system_family = "WINDOWS_SERVER_2022_CORE"\n  }', '[{ name = "app", image = "mcr.microsoft.com/windows/servercore:ltsc2022" }]') },
  ],
  invalid: [
    { name: 'omitted', code: api(''), errors: [{ messageId: 'omitted', line: 3, column: 30, endLine: 3, endColumn: 36, severity: 'info', message: /^Container app can write to the root filesystem \(no readonlyRootFilesystem\)\. / }] },
    {
      name: 'several containers without it: one finding, on the first, naming three and counting the rest; an explicit false on its value',
      code: `{
  "family": "web",
  "containerDefinitions": [
    { "name": "a", "image": "a:1" }, { "name": "b", "image": "b:1" }, { "name": "c", "image": "c:1", "readonlyRootFilesystem": false },
    { "name": "d", "image": "d:1" }, { "name": "e", "image": "e:1" }, { "image": "f:1" }
  ]
}`,
      errors: [
        { messageId: 'omitted', line: 4, column: 7, endLine: 4, endColumn: 13, message: /^Containers a, b, d and 2 more can write to the root filesystem/ },
        { messageId: 'notReadonly', line: 4, column: 128, endLine: 4, endColumn: 133, message: /^Container c can write/ },
      ],
    },
    { name: 'false', code: api(', "readonlyRootFilesystem": false'), errors: [{ messageId: 'notReadonly', line: 3, column: 94, endLine: 3, endColumn: 99 }] },
    {
      name: 'CloudFormation',
      code: `Resources:
  T:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: app:1
`,
      errors: [{ messageId: 'omitted', line: 6, column: 11, endLine: 6, endColumn: 15 }],
    },
    {
      name: 'Terraform: jsonencode, omitted',
      filename: 'main.tf',
      code: tfTask('', '[{ name = "app", image = "nginx:1.27" }]'),
      errors: [{ messageId: 'omitted', line: 4, column: 41, endLine: 4, endColumn: 45, severity: 'info' }],
    },
    {
      name: 'Terraform: heredoc, false',
      filename: 'main.tf',
      code: tfTaskHeredoc('', '[{"name": "app", "image": "nginx:1.27", "readonlyRootFilesystem": false}]'),
      errors: [{ messageId: 'notReadonly', line: 5, column: 71, endLine: 5, endColumn: 76 }],
    },
    {
      name: 'Terraform: the JSON file read with file()',
      filename: 'containers.json',
      code: '[{ "name": "app", "image": "nginx:1.27" }]',
      workspace: [{ filename: 'main.tf', code: tfTaskFile('') }],
      errors: [{ messageId: 'omitted', line: 1, column: 4, endLine: 1, endColumn: 10 }],
    },
  ],
});
