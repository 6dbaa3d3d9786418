import rule from '../../../../server/src/core/rules/ecs/require-service-network-configuration';
import { runRuleTests } from '../../../helpers/ruleTester';
import { tfService, tfTask } from './tfshapes';

const tfAwsvpcTask = { filename: 'task.tf', code: tfTask('  network_mode = "awsvpc"', '[{ name = "app", image = "x:1" }]') };

const task = (mode: string) => `{
  "family": "web",
  "networkMode": "${mode}",
  "containerDefinitions": [{ "name": "app", "image": "nginx:1.27" }]
}`;
const service = (network: string) => `{
  "serviceName": "web-svc",
  "taskDefinition": "web",${network}
  "desiredCount": 2
}`;
const cfn = (network: string) => `Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      NetworkMode: awsvpc
      ContainerDefinitions:
        - Name: app
          Image: nginx:1.27
  Service:
    Type: AWS::ECS::Service
    Properties:
      TaskDefinition: !Ref TaskDef${network}
`;
const subnets = '\n  "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-1"], "securityGroups": ["sg-1"] } },';

runRuleTests(rule, {
  valid: [
    { name: 'awsvpc with subnets', filename: 'service.json', code: service(subnets), workspace: [{ filename: 'task.json', code: task('awsvpc') }] },
    { name: 'bridge needs none', filename: 'service.json', code: service(''), workspace: [{ filename: 'task.json', code: task('bridge') }] },
    { name: 'task definition not in the workspace: silent', filename: 'service.json', code: service('') },
    { name: 'CloudFormation subnets from a parameter', code: cfn('\n      NetworkConfiguration:\n        AwsvpcConfiguration:\n          Subnets: !Ref Subnets') },
    { name: 'Terraform: network_configuration with subnets', filename: 'service.tf', code: tfService('  network_configuration {\n    subnets         = var.subnets\n    security_groups = [aws_security_group.app.id]\n  }'), workspace: [tfAwsvpcTask] },
    { name: 'Terraform: a bridge task needs none', filename: 'service.tf', code: tfService(''), workspace: [{ filename: 'task.tf', code: tfTask('', '[{ name = "app", image = "x:1" }]') }] },
    { name: 'Terraform: a task definition of another module is unknown', filename: 'service.tf', code: tfService('').replace('aws_ecs_task_definition.app.arn', 'module.task.arn'), workspace: [tfAwsvpcTask] },
    { name: 'Terraform: a dynamic network_configuration block is unknown', filename: 'service.tf', code: tfService('  dynamic "network_configuration" {\n    for_each = var.network == null ? [] : [var.network]\n    content {\n      subnets = network_configuration.value.subnets\n    }\n  }'), workspace: [tfAwsvpcTask] },
  ],
  invalid: [
    {
      name: 'cross-file: no networkConfiguration',
      filename: 'service.json',
      code: service(''),
      workspace: [{ filename: 'task.json', code: task('awsvpc') }],
      errors: [{ messageId: 'missingNetworkConfiguration', line: 2, column: 3, endLine: 2, endColumn: 16, severity: 'error', message: /runs task definition web, which uses the awsvpc network mode/, related: [{ line: 3, column: 18, filename: 'task.json' }] }],
    },
    {
      name: 'CloudFormation: no subnets',
      code: cfn('\n      NetworkConfiguration:\n        AwsvpcConfiguration:\n          SecurityGroups: [sg-1]'),
      errors: [{ messageId: 'missingSubnets', line: 14, column: 9, endLine: 14, endColumn: 28, related: [{ line: 5, column: 20 }] }],
    },
    {
      name: 'CloudFormation: no NetworkConfiguration',
      code: cfn(''),
      errors: [{ messageId: 'missingNetworkConfiguration', line: 9, column: 3, endLine: 9, endColumn: 10 }],
    },
    {
      name: 'Terraform: an awsvpc task in another file, no network_configuration',
      filename: 'service.tf',
      code: tfService(''),
      workspace: [tfAwsvpcTask],
      errors: [
        {
          messageId: 'missingNetworkConfiguration',
          line: 1,
          column: 28,
          endLine: 1,
          endColumn: 33,
          message: /^This service runs task definition app, which uses the awsvpc network mode, .* CreateService rejects it without network_configuration\. Add network_configuration with subnets \(and security_groups\)\.$/,
          related: [{ line: 3, column: 18, filename: 'task.tf' }],
        },
      ],
    },
    {
      name: 'Terraform: network_configuration without subnets',
      filename: 'service.tf',
      code: tfService('  network_configuration {\n    security_groups = [aws_security_group.app.id]\n  }'),
      workspace: [tfAwsvpcTask],
      errors: [{ messageId: 'missingSubnets', line: 4, column: 3, endLine: 4, endColumn: 24, message: /^network_configuration has no subnets/ }],
    },
  ],
});
