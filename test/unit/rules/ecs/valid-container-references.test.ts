import rule from '../../../../server/src/core/rules/ecs/valid-container-references';
import { runRuleTests } from '../../../helpers/ruleTester';
import { tfTask, tfTaskFile, tfTaskHeredoc } from './tfshapes';

const api = (a: string, volumes = '') => `{
  "family": "web",${volumes}
  "containerDefinitions": [
    { "name": "app", "image": "app:1"${a} },
    { "name": "db", "image": "db:1" }
  ]
}`;

const cfn = (dep: string) => `Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: app:1
          DependsOn:
            - ContainerName: ${dep}
              Condition: START
        - Name: db
          Image: db:1
`;

runRuleTests(rule, {
  valid: [
    { name: 'all names exist', code: api(', "dependsOn": [{ "containerName": "db", "condition": "START" }], "links": ["db:database"], "volumesFrom": [{ "sourceContainer": "db" }]') },
    { name: 'mount of a declared volume', code: api(', "mountPoints": [{ "sourceVolume": "data", "containerPath": "/data" }]', '\n  "volumes": [{ "name": "data" }],') },
    { name: 'CloudFormation', code: cfn('db') },
    { name: 'an intrinsic reference is unknown', code: cfn('!Ref Name') },
    { name: 'Terraform: a volume block and a container that mounts it', filename: 'main.tf', code: tfTask('  volume {\n    name = "data"\n  }', '[{ name = "app", image = "x:1", mountPoints = [{ sourceVolume = "data", containerPath = "/data" }] }]') },
    { name: 'Terraform: dynamic volume blocks are unknown', filename: 'main.tf', code: tfTask('  dynamic "volume" {\n    for_each = var.volumes\n    content {\n      name = volume.value\n    }\n  }', '[{ name = "app", image = "x:1", mountPoints = [{ sourceVolume = "data", containerPath = "/data" }] }]') },
    { name: 'Terraform: a container definitions file alone: its volumes are in the .tf', filename: 'containers.json', code: '[{ "name": "app", "image": "x:1", "mountPoints": [{ "sourceVolume": "data", "containerPath": "/data" }] }]' },
  ],
  invalid: [
    {
      name: 'dependsOn, links and volumesFrom of missing containers',
      code: api(', "dependsOn": [{ "containerName": "cache" }], "links": ["redis:cache"], "volumesFrom": [{ "sourceContainer": "data" }]'),
      errors: [
        { messageId: 'unknownContainer', line: 4, column: 73, endLine: 4, endColumn: 80, severity: 'error', message: /dependsOn.containerName names container "cache".*\(app, db\)/ },
        { messageId: 'unknownContainer', line: 4, column: 95, endLine: 4, endColumn: 108, message: /links names container "redis"/ },
        { messageId: 'unknownContainer', line: 4, column: 148, endLine: 4, endColumn: 154 },
      ],
    },
    {
      name: 'mount of an undeclared volume',
      code: api(', "mountPoints": [{ "sourceVolume": "data", "containerPath": "/data" }]'),
      errors: [{ messageId: 'unknownVolume', line: 4, column: 74, endLine: 4, endColumn: 80, message: /no such volume \(none declared\)/ }],
    },
    {
      name: 'CloudFormation',
      code: cfn('cache'),
      errors: [{ messageId: 'unknownContainer', line: 9, column: 30, endLine: 9, endColumn: 35 }],
    },
    {
      name: 'Terraform: jsonencode, an unknown container',
      filename: 'main.tf',
      code: tfTask('', '[{ name = "app", image = "x:1", dependsOn = [{ containerName = "db", condition = "START" }] }]'),
      errors: [{ messageId: 'unknownContainer', line: 4, column: 101, endLine: 4, endColumn: 105, message: /dependsOn\.containerName names container "db"/ }],
    },
    {
      name: 'Terraform: heredoc, a volume no volume block declares',
      filename: 'main.tf',
      code: tfTaskHeredoc('  volume {\n    name = "cache"\n  }', '[{"name": "app", "image": "x:1", "mountPoints": [{"sourceVolume": "data", "containerPath": "/data"}]}]'),
      errors: [{ messageId: 'unknownVolume', line: 7, column: 71, endLine: 7, endColumn: 77, message: /names volume "data", but the task definition declares no such volume \(cache\)/ }],
    },
    {
      name: 'Terraform: the JSON file read with file(), the volumes in the .tf',
      filename: 'containers.json',
      code: '[{ "name": "app", "image": "x:1", "mountPoints": [{ "sourceVolume": "data", "containerPath": "/data" }] }]',
      workspace: [{ filename: 'main.tf', code: tfTaskFile('') }],
      errors: [{ messageId: 'unknownVolume', line: 1, column: 69, endLine: 1, endColumn: 75 }],
    },
  ],
});
