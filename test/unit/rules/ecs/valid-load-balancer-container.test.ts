import rule from '../../../../server/src/core/rules/ecs/valid-load-balancer-container';
import { runRuleTests } from '../../../helpers/ruleTester';

const task = `{
  "family": "web",
  "containerDefinitions": [
    { "name": "app", "image": "nginx:1.27", "portMappings": [{ "containerPort": 80 }] }
  ]
}`;
const service = (name: string, port: number) => `{
  "serviceName": "web-svc",
  "taskDefinition": "web:7",
  "loadBalancers": [{ "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1", "containerName": "${name}", "containerPort": ${port} }]
}`;
const cfn = (name: string, port: number) => `Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: nginx:1.27
          PortMappings:
            - ContainerPort: 80
  Service:
    Type: AWS::ECS::Service
    Properties:
      TaskDefinition: !Ref TaskDef
      LoadBalancers:
        - TargetGroupArn: !Ref TargetGroup
          ContainerName: ${name}
          ContainerPort: ${port}
`;

runRuleTests(rule, {
  valid: [
    { name: 'container and port exist', filename: 'service.json', code: service('app', 80), workspace: [{ filename: 'task.json', code: task }] },
    { name: 'unknown task definition: silent', filename: 'service.json', code: service('nope', 1) },
    { name: 'CloudFormation', code: cfn('app', 80) },
  ],
  invalid: [
    {
      name: 'cross-file: no such container',
      filename: 'service.json',
      code: service('web', 80),
      workspace: [{ filename: 'task.json', code: task }],
      errors: [{ messageId: 'unknownContainer', line: 4, column: 131, endLine: 4, endColumn: 136, severity: 'error', message: /no container named "web" \(it has app\)/, related: [{ line: 3, column: 3, filename: 'task.json' }] }],
    },
    {
      name: 'CloudFormation: no such port',
      code: cfn('app', 8080),
      errors: [{ messageId: 'unknownPort', line: 17, column: 26, endLine: 17, endColumn: 30, message: /maps no containerPort 8080 \(it maps 80\)/, related: [{ line: 6, column: 17 }] }],
    },
  ],
});
