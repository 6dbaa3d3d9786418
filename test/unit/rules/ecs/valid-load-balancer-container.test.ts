import rule from '../../../../server/src/core/rules/ecs/valid-load-balancer-container';
import { runRuleTests } from '../../../helpers/ruleTester';
import { tfService, tfTask, tfTaskFile } from './tfshapes';

const tfLb = (name: string, port: number) => `  load_balancer {\n    target_group_arn = aws_lb_target_group.app.arn\n    container_name   = "${name}"\n    container_port   = ${port}\n  }`;
const tfWebTask = { filename: 'task.tf', code: tfTask('', '[{ name = "web", image = "nginx:1.27", portMappings = [{ containerPort = 80 }] }]') };

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
    { name: 'Terraform: the container and its port', filename: 'service.tf', code: tfService(tfLb('web', 80)), workspace: [tfWebTask] },
    { name: 'Terraform: containers in a file that is not in the workspace are unknown', filename: 'service.tf', code: tfService(tfLb('api', 80)), workspace: [{ filename: 'task.tf', code: tfTaskFile('') }] },
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
    {
      name: 'Terraform: no such container',
      filename: 'service.tf',
      code: tfService(tfLb('api', 80)),
      workspace: [tfWebTask],
      errors: [{ messageId: 'unknownContainer', line: 6, column: 24, endLine: 6, endColumn: 29, message: /no container named "api" \(it has web\)/, related: [{ line: 4, column: 3, filename: 'task.tf' }] }],
    },
    {
      name: 'Terraform: no such port, the containers in a JSON file',
      filename: 'service.tf',
      code: tfService(tfLb('web', 8080)),
      workspace: [{ filename: 'task.tf', code: tfTaskFile('') }, { filename: 'containers.json', code: '[{ "name": "web", "image": "nginx:1.27", "portMappings": [{ "containerPort": 80 }] }]' }],
      errors: [{ messageId: 'unknownPort', line: 7, column: 24, endLine: 7, endColumn: 28, message: /maps no containerPort 8080 \(it maps 80\)/, related: [{ line: 1, column: 12, filename: 'containers.json' }] }],
    },
  ],
});
