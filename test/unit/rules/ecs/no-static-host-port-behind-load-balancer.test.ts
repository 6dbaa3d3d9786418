import assert from 'node:assert/strict';
import rule from '../../../../server/src/core/rules/ecs/no-static-host-port-behind-load-balancer';
import { runRuleTests } from '../../../helpers/ruleTester';

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
  ],
});

// The fixed output stays valid register input.
assert.doesNotThrow(() => JSON.parse(fixedJson));
