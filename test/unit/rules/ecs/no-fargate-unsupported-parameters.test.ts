import rule from '../../../../server/src/core/rules/ecs/no-fargate-unsupported-parameters';
import { runRuleTests } from '../../../helpers/ruleTester';

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
  ],
});
