import rule from '../../../../server/src/core/rules/ecs/valid-container-memory';
import { runRuleTests } from '../../../helpers/ruleTester';
import { fargate, tfTask, tfTaskFile, tfTaskHeredoc } from './tfshapes';

const api = (task: string, a: string, b = '') => `{
  "family": "web",${task}
  "containerDefinitions": [
    { "name": "app", "image": "app:1"${a} },
    { "name": "log", "image": "log:1"${b} }
  ]
}`;

const cfn = (memory: string) => `Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Memory: 1024
      ContainerDefinitions:
        - Name: app
          Image: app:1
          Memory: ${memory}
`;

runRuleTests(rule, {
  valid: [
    { name: 'container limits, no task memory', code: api('', ', "memory": 512', ', "memoryReservation": 128') },
    { name: 'task memory alone', code: api('\n  "memory": "1024",', '') },
    { name: 'Fargate without task memory is another rule', code: api('\n  "requiresCompatibilities": ["FARGATE"],', '') },
    { name: 'reservation equal to the limit', code: api('', ', "memory": 512, "memoryReservation": 512', ', "memory": 64') },
    { name: 'limits that fit', code: api('\n  "memory": "1 GB",', ', "memory": 512', ', "memory": 512') },
    { name: 'CloudFormation parameter', code: cfn('!Ref Memory') },
    { name: 'Terraform: container memory within the task', filename: 'main.tf', code: tfTask(fargate, '[{ name = "app", image = "nginx:1.27", memory = 256, memoryReservation = 128 }]') },
    { name: 'Terraform: Fargate without container memory', filename: 'main.tf', code: tfTask(fargate, '[{ name = "app", image = "nginx:1.27" }]') },
    { name: 'Terraform: a container definitions file alone: the task memory is unknown', filename: 'containers.json', code: '[{ "name": "app", "image": "nginx:1.27" }]' },
    { name: 'Terraform: task memory from a variable without a value', filename: 'main.tf', code: tfTask('  memory = var.memory', '[{ name = "app", image = "nginx:1.27", memory = 4096 }]') + 'variable "memory" {}\n' },
  ],
  invalid: [
    {
      name: 'no memory anywhere',
      code: api('', ', "memory": 256'),
      errors: [{ messageId: 'missingMemory', line: 5, column: 7, endLine: 5, endColumn: 13, severity: 'error', message: /Container log has neither memory nor memoryReservation/ }],
    },
    {
      name: 'reservation above the limit',
      code: api('', ', "memory": 256, "memoryReservation": 512', ', "memory": 64'),
      errors: [{ messageId: 'reservationAboveLimit', line: 4, column: 76, endLine: 4, endColumn: 79, message: /reserves 512 MiB but its hard limit is 256 MiB/ }],
    },
    {
      name: 'a container above the task',
      code: cfn('2048'),
      errors: [{ messageId: 'containerAboveTask', line: 9, column: 19, endLine: 9, endColumn: 23 }],
    },
    {
      name: 'reservations above the task',
      code: api('\n  "memory": "1024",', ', "memoryReservation": 768', ', "memoryReservation": 512'),
      errors: [{ messageId: 'reservationsAboveTask', line: 4, column: 3, endLine: 4, endColumn: 25, message: /reserve 1280 MiB in all/ }],
    },
    {
      name: 'hard limits above the task: a warning',
      code: api('\n  "memory": "1024",', ', "memory": 768', ', "memory": 768'),
      errors: [{ messageId: 'hardLimitsAboveTask', line: 4, column: 3, endLine: 4, endColumn: 25, severity: 'warning' }],
    },
    {
      name: 'Terraform: jsonencode, EC2 without any memory',
      filename: 'main.tf',
      code: tfTask('', '[{ name = "app", image = "nginx:1.27" }]'),
      errors: [{ messageId: 'missingMemory', line: 4, column: 41, endLine: 4, endColumn: 45 }],
    },
    {
      name: 'Terraform: heredoc, a container above the task memory',
      filename: 'main.tf',
      code: tfTaskHeredoc(fargate, '[{"name": "app", "image": "nginx:1.27", "memory": 1024}]'),
      errors: [{ messageId: 'containerAboveTask', line: 9, column: 55, endLine: 9, endColumn: 59, message: /hard limit of 1024 MiB, more than the task's 512 MiB/ }],
    },
    {
      name: 'Terraform: the JSON file read with file(): a reservation above the limit',
      filename: 'containers.json',
      code: '[{ "name": "app", "image": "nginx:1.27", "memory": 128, "memoryReservation": 256 }]',
      workspace: [{ filename: 'main.tf', code: tfTaskFile('') }],
      errors: [{ messageId: 'reservationAboveLimit', line: 1, column: 78, endLine: 1, endColumn: 81 }],
    },
    {
      name: 'Terraform: reservations above the task memory, reported on container_definitions',
      filename: 'main.tf',
      code: tfTask(fargate, '[{ name = "a", image = "x:1", memoryReservation = 300 }, { name = "b", image = "y:1", memoryReservation = 300 }]'),
      errors: [{ messageId: 'reservationsAboveTask', line: 8, column: 3, endLine: 8, endColumn: 24 }],
    },
    {
      name: 'Terraform: hard limits above the task memory (a warning), the task memory from tfvars',
      filename: 'main.tf',
      code: tfTask('  memory = var.memory', '[{ name = "a", image = "x:1", memory = 300 }, { name = "b", image = "y:1", memory = 300 }]') + 'variable "memory" {}\n',
      workspace: [{ filename: 'terraform.tfvars', code: 'memory = "512"\n' }],
      errors: [{ messageId: 'hardLimitsAboveTask', line: 4, column: 3, endLine: 4, endColumn: 24, severity: 'warning' }],
    },
  ],
});
