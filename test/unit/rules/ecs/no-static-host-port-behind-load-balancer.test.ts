import assert from 'node:assert/strict';
import rule from '../../../../server/src/core/rules/ecs/no-static-host-port-behind-load-balancer';
import { runRuleTests } from '../../../helpers/ruleTester';
import { tfService, tfTask, tfTaskFile, tfTaskHeredoc } from './tfshapes';

const lbBlock = `  load_balancer {
    target_group_arn = aws_lb_target_group.app.arn
    container_name   = "web"
    container_port   = 80
  }`;
const tfModule = (task: string) => [{ filename: 'service.tf', code: tfService(lbBlock) }, { filename: 'lb.tf', code: 'resource "aws_lb_target_group" "app" {\n  port     = 80\n  protocol = "HTTP"\n}\n' }, ...(task ? [{ filename: 'task.tf', code: task }] : [])];
const hcl = (mapping: string) => tfTask('', `[{ name = "web", image = "nginx:1.27", memory = 256, portMappings = [${mapping}] }]`);
const hclBlock = tfTask('', `[{
    name         = "web"
    image        = "nginx:1.27"
    portMappings = [{
      containerPort = 80
      hostPort      = 80
    }]
  }]`);
const containersJson = (mapping: string) => `[
  {
    "name": "web",
    "image": "nginx:1.27",
    "memory": 256,
    "portMappings": [${mapping}]
  }
]
`;

const task = (mapping: string, extra = '') => `{
  "family": "web",${extra}
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx:1.27",
      "memory": 512,
      "portMappings": [
        ${mapping}
      ]
    }
  ]
}`;

const service = `{
  "serviceName": "web-svc",
  "cluster": "main",
  "taskDefinition": "web:3",
  "loadBalancers": [
    { "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/abc", "containerName": "app", "containerPort": 80 }
  ]
}`;

const template = (hostPort: string, withService = true) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: nginx:1.27
          Memory: 512
          PortMappings:
            - ContainerPort: 80
              HostPort: ${hostPort}
              Protocol: tcp
${
  withService
    ? `  Service:
    Type: AWS::ECS::Service
    Properties:
      TaskDefinition: !Ref TaskDef
      LoadBalancers:
        - TargetGroupArn: !Ref TargetGroup
          ContainerName: app
          ContainerPort: 80
`
    : ''
}`;

const fixedJson = task('{ "containerPort": 80 }');

runRuleTests(rule, {
  valid: [
    { name: 'dynamic: hostPort 0', code: task('{ "containerPort": 80, "hostPort": 0 }') },
    { name: 'dynamic: hostPort omitted', code: fixedJson },
    { name: 'awsvpc is out of scope', code: task('{ "containerPort": 80, "hostPort": 80 }', '\n  "networkMode": "awsvpc",') },
    { name: 'host mode is out of scope', code: task('{ "containerPort": 80, "hostPort": 80 }', '\n  "networkMode": "host",') },
    {
      name: 'Windows default network mode is out of scope',
      code: task('{ "containerPort": 80, "hostPort": 80 }', '\n  "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" },'),
    },
    { name: 'intrinsic hostPort is unknown', code: template('!Ref HostPort') },
    { name: 'network mode from a parameter is unknown', code: template('80').replace('      ContainerDefinitions:', '      NetworkMode: !Ref Mode\n      ContainerDefinitions:') },
    { name: 'Terraform: dynamic host port', filename: 'task.tf', code: hcl('{ containerPort = 80 }'), workspace: tfModule('') },
    { name: 'Terraform: awsvpc', filename: 'task.tf', code: tfTask('  network_mode = "awsvpc"', '[{ name = "web", image = "nginx:1.27", portMappings = [{ containerPort = 80, hostPort = 80 }] }]'), workspace: tfModule('') },
    { name: 'Terraform: a host port from a variable without a value', filename: 'task.tf', code: hcl('{ containerPort = 80, hostPort = var.host_port }') + 'variable "host_port" {}\n', workspace: tfModule('') },
    { name: 'Terraform: the service file shows nothing; the task definition file is the one to edit', filename: 'service.tf', code: tfService(lbBlock), workspace: [{ filename: 'task.tf', code: hcl('{ containerPort = 80, hostPort = 80 }') }] },
    { name: 'Terraform: a network mode from a variable without a value', filename: 'task.tf', code: tfTask('  network_mode = var.mode', '[{ name = "web", image = "nginx:1.27", portMappings = [{ containerPort = 80, hostPort = 80 }] }]'), workspace: tfModule('') },
  ],
  invalid: [
    {
      name: 'cross-file: a service in the workspace targets the port',
      code: task('{ "containerPort": 80, "hostPort": 80 }'),
      workspace: [{ filename: 'service.json', code: service }],
      errors: [
        {
          messageId: 'behindLoadBalancer',
          line: 9,
          column: 44,
          endLine: 9,
          endColumn: 46,
          severity: 'warning',
          message: /service web-svc puts it behind a load balancer.*rolling deployments stall/,
          related: [{ line: 6, column: 5, filename: 'service.json' }],
        },
      ],
      output: fixedJson,
    },
    {
      name: 'explicit bridge, no load balancer known',
      code: task('{ "containerPort": 80, "hostPort": 8080, "protocol": "tcp" }', '\n  "networkMode": "bridge",'),
      errors: [{ messageId: 'staticHostPort', line: 10, column: 44, endLine: 10, endColumn: 48, severity: 'warning', message: /only one task that uses this port/ }],
      output: task('{ "containerPort": 80, "protocol": "tcp" }', '\n  "networkMode": "bridge",'),
    },
    {
      name: 'a service for another port is no evidence',
      code: task('{ "containerPort": 81, "hostPort": 81 }'),
      workspace: [{ filename: 'service.json', code: service }],
      errors: [{ messageId: 'staticHostPort', line: 9, column: 44, endLine: 9, endColumn: 46 }],
      output: task('{ "containerPort": 81 }'),
    },
    {
      name: 'template: the service Refs the task definition',
      code: template('80'),
      errors: [{ messageId: 'behindLoadBalancer', line: 12, column: 25, endLine: 12, endColumn: 27, related: [{ line: 19, column: 11 }] }],
      output: template('80').replace('              HostPort: 80\n', ''),
    },
    {
      name: 'template without a service',
      code: template('8080', false),
      errors: [{ messageId: 'staticHostPort', line: 12, column: 25, endLine: 12, endColumn: 29 }],
      output: template('8080', false).replace('              HostPort: 8080\n', ''),
    },
    {
      name: 'Terraform: jsonencode, behind a load balancer of a service in another file',
      filename: 'task.tf',
      code: hcl('{ containerPort = 80, hostPort = 80 }'),
      workspace: tfModule(''),
      errors: [{ messageId: 'behindLoadBalancer', line: 4, column: 140, endLine: 4, endColumn: 142, message: /^Container web publishes port 80 on the fixed host port 80 in bridge mode, and service app puts it behind a load balancer\./, related: [{ line: 4, column: 17, filename: 'service.tf' }] }],
      output: hcl('{ containerPort = 80 }'),
    },
    {
      name: 'Terraform: jsonencode written one key a line: the fix removes the line',
      filename: 'task.tf',
      code: hclBlock,
      workspace: tfModule(''),
      errors: [{ messageId: 'behindLoadBalancer', line: 9, column: 23, endLine: 9, endColumn: 25 }],
      output: hclBlock.replace('      hostPort      = 80\n', ''),
    },
    {
      name: 'Terraform: JSON in a heredoc, the comma goes with the pair',
      filename: 'task.tf',
      code: tfTaskHeredoc('', '[{"name": "web", "image": "nginx:1.27", "memory": 256, "portMappings": [{"containerPort": 80, "hostPort": 8080}]}]'),
      workspace: tfModule(''),
      errors: [{ messageId: 'behindLoadBalancer', line: 5, column: 111, endLine: 5, endColumn: 115, message: /on the fixed host port 8080/ }],
      output: tfTaskHeredoc('', '[{"name": "web", "image": "nginx:1.27", "memory": 256, "portMappings": [{"containerPort": 80}]}]'),
    },
    {
      name: 'Terraform: containers in a JSON file read with file(): the JSON file shows it, with its fix',
      filename: 'containers.json',
      code: containersJson('{ "containerPort": 80, "hostPort": 80 }'),
      workspace: tfModule(tfTaskFile('')),
      errors: [{ messageId: 'behindLoadBalancer', line: 6, column: 57, endLine: 6, endColumn: 59, related: [{ line: 4, column: 17, filename: 'service.tf' }] }],
      output: containersJson('{ "containerPort": 80 }'),
    },
    {
      name: 'Terraform: the host port comes from a variable default: at its use, no fix',
      filename: 'task.tf',
      code: hcl('{ containerPort = 80, hostPort = var.host_port }') + 'variable "host_port" {\n  default = 80\n}\n',
      workspace: tfModule(''),
      errors: [{ messageId: 'behindLoadBalancer', line: 4, column: 140, endLine: 4, endColumn: 153, related: [{ line: 7, column: 13 }, { line: 4, column: 17, filename: 'service.tf' }] }],
    },
    {
      name: 'Terraform: no service: a fixed host port still caps the tasks per instance',
      filename: 'main.tf',
      code: tfTask('  network_mode = "bridge"', '[{ name = "web", image = "nginx:1.27", memory = 256, portMappings = [{ hostPort = 80, containerPort = 80 }] }]'),
      errors: [{ messageId: 'staticHostPort', line: 4, column: 120, endLine: 4, endColumn: 122 }],
      output: tfTask('  network_mode = "bridge"', '[{ name = "web", image = "nginx:1.27", memory = 256, portMappings = [{ containerPort = 80 }] }]'),
    },
  ],
});

// The fixed output stays valid register input.
assert.doesNotThrow(() => JSON.parse(fixedJson));
