import rule from '../../../../server/src/core/rules/ecs/valid-container-references';
import { runRuleTests } from '../../../helpers/ruleTester';

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
  ],
});
