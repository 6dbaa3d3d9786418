import rule from '../../../../server/src/core/rules/ecs/no-fargate-unsupported-parameters';
import { runRuleTests } from '../../../helpers/ruleTester';
import { fargate, tfTask, tfTaskFile, tfTaskHeredoc } from './tfshapes';

const api = (container: string, task = '', compat = 'FARGATE') => `{
  "family": "web",
  "requiresCompatibilities": ["${compat}"],
  "networkMode": "awsvpc",${task}
  "containerDefinitions": [
    { "name": "app", "image": "nginx:1.27"${container} }
  ]
}`;

const cfn = (container: string) => `Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      ContainerDefinitions:
        - Name: app
          Image: nginx:1.27${container}
`;

runRuleTests(rule, {
  valid: [
    { name: 'plain container', code: api('') },
    { name: 'SYS_PTRACE may be added', code: api(', "linuxParameters": { "capabilities": { "add": ["SYS_PTRACE"], "drop": ["ALL"] }, "initProcessEnabled": true }') },
    { name: 'EC2 allows privileged', code: api(', "privileged": true', '', 'EC2') },
    { name: 'CloudFormation plain', code: cfn('\n          Essential: true') },
    {
      name: 'empty lists and null set nothing (console exports write them)',
      code: api(', "links": [], "linuxParameters": { "devices": [] }, "dockerSecurityOptions": null', '\n  "placementConstraints": [],'),
    },
    { name: 'Terraform: EC2 may use them', filename: 'main.tf', code: tfTask('  ipc_mode = "host"', '[{ name = "app", image = "x:1", links = ["db"] }]') },
    { name: 'Terraform: Fargate with SYS_PTRACE', filename: 'main.tf', code: tfTask(fargate, '[{ name = "app", image = "x:1", linuxParameters = { capabilities = { add = ["SYS_PTRACE"] } } }]') },
  ],
  invalid: [
    {
      name: 'privileged and links',
      code: api(', "privileged": false, "links": ["db"]'),
      errors: [
        { messageId: 'unsupported', line: 6, column: 45, endLine: 6, endColumn: 57, severity: 'error', message: /does not support privileged/ },
        { messageId: 'unsupported', line: 6, column: 66, endLine: 6, endColumn: 73 },
      ],
    },
    {
      name: 'task-level ipcMode and placementConstraints, volume docker config',
      code: api('', '\n  "ipcMode": "host",\n  "placementConstraints": [{ "type": "memberOf", "expression": "attribute:x == y" }],\n  "volumes": [{ "name": "v", "dockerVolumeConfiguration": { "scope": "task" } }],'),
      errors: [
        { messageId: 'unsupported', line: 5, column: 3, endLine: 5, endColumn: 12 },
        { messageId: 'unsupported', line: 6, column: 3, endLine: 6, endColumn: 25 },
        { messageId: 'unsupported', line: 7, column: 30, endLine: 7, endColumn: 57, message: /does not support volumes\.dockerVolumeConfiguration/ },
      ],
    },
    {
      name: 'capabilities, devices and GPU',
      code: api(', "linuxParameters": { "capabilities": { "add": ["NET_ADMIN"] }, "devices": [{ "hostPath": "/dev/x" }] }, "resourceRequirements": [{ "type": "GPU", "value": "1" }]'),
      errors: [
        { messageId: 'capability', line: 6, column: 92, endLine: 6, endColumn: 103 },
        { messageId: 'unsupported', line: 6, column: 108, endLine: 6, endColumn: 117, message: /linuxParameters\.devices/ },
        { messageId: 'gpu', line: 6, column: 184, endLine: 6, endColumn: 189 },
      ],
    },
    {
      name: 'CloudFormation shape',
      code: cfn('\n          Privileged: true\n          LinuxParameters:\n            SharedMemorySize: 64'),
      errors: [
        { messageId: 'unsupported', line: 9, column: 11, endLine: 9, endColumn: 21 },
        { messageId: 'unsupported', line: 11, column: 13, endLine: 11, endColumn: 29 },
      ],
    },
    {
      name: 'Terraform: task-level arguments and a volume block, named as written',
      filename: 'main.tf',
      code: tfTask(`${fargate}\n  ipc_mode = "task"\n  placement_constraints {\n    type = "memberOf"\n  }\n  volume {\n    name = "data"\n    docker_volume_configuration {\n      scope = "task"\n    }\n  }`, '[{ name = "app", image = "x:1" }]'),
      errors: [
        { messageId: 'unsupported', line: 8, column: 3, endLine: 8, endColumn: 11, message: /^Fargate does not support ipc_mode,/ },
        { messageId: 'unsupported', line: 9, column: 3, endLine: 9, endColumn: 24, message: /^Fargate does not support placement_constraints,/ },
        { messageId: 'unsupported', line: 14, column: 5, endLine: 14, endColumn: 32, message: /^Fargate does not support volume\.docker_volume_configuration,/ },
      ],
    },
    {
      name: 'Terraform: jsonencode, container parameters',
      filename: 'main.tf',
      code: tfTask(fargate, '[{ name = "app", image = "x:1", privileged = true, linuxParameters = { capabilities = { add = ["NET_ADMIN"] } } }]'),
      errors: [
        { messageId: 'unsupported', line: 8, column: 70, endLine: 8, endColumn: 80, message: /^Fargate does not support privileged,/ },
        { messageId: 'capability', line: 8, column: 133, endLine: 8, endColumn: 144 },
      ],
    },
    {
      name: 'Terraform: heredoc, a GPU',
      filename: 'main.tf',
      code: tfTaskHeredoc(fargate, '[{"name": "app", "image": "x:1", "resourceRequirements": [{"type": "GPU", "value": "1"}]}]'),
      errors: [{ messageId: 'gpu', line: 9, column: 72, endLine: 9, endColumn: 77 }],
    },
    {
      name: 'Terraform: the JSON file a Fargate task reads with file()',
      filename: 'containers.json',
      code: '[{ "name": "app", "image": "x:1", "links": ["db"] }]',
      workspace: [{ filename: 'main.tf', code: tfTaskFile(fargate) }],
      errors: [{ messageId: 'unsupported', line: 1, column: 35, endLine: 1, endColumn: 42 }],
    },
  ],
});
