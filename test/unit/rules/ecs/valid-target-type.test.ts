import rule from '../../../../server/src/core/rules/ecs/valid-target-type';
import { runRuleTests } from '../../../helpers/ruleTester';

const cfn = (mode: string, targetType: string) => `Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
${mode ? `      NetworkMode: ${mode}\n` : ''}      ContainerDefinitions:
        - Name: app
          Image: nginx:1.27
          PortMappings: [{ ContainerPort: 80 }]
  TargetGroup:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties:
      Port: 80
      Protocol: HTTP${targetType ? `\n      TargetType: ${targetType}` : ''}
  Service:
    Type: AWS::ECS::Service
    Properties:
      TaskDefinition: !Ref TaskDef
      LoadBalancers:
        - TargetGroupArn: !Ref TargetGroup
          ContainerName: app
          ContainerPort: 80
`;

/** A Fargate-style task definition, its service and the target group, each in its own file of one module. */
const tfTask = (mode: string) => `resource "aws_ecs_task_definition" "app" {
  family       = "app"${mode ? `\n  network_mode = ${mode}` : ''}
  container_definitions = jsonencode([{ name = "app", image = "nginx:1.27", portMappings = [{ containerPort = 80 }] }])
}
`;
const tfService = `resource "aws_ecs_service" "app" {
  name            = "app"
  task_definition = aws_ecs_task_definition.app.arn
  load_balancer {
    target_group_arn = aws_lb_target_group.app.arn
    container_name   = "app"
    container_port   = 80
  }
}
`;
const tfTargetGroup = (targetType: string) => `resource "aws_lb_target_group" "app" {
  port        = 80
  protocol    = "HTTP"${targetType ? `\n  target_type = ${targetType}` : ''}
  vpc_id      = var.vpc_id
}
`;
const module = (mode: string) => [{ filename: 'task.tf', code: tfTask(mode) }, { filename: 'service.tf', code: tfService }];

runRuleTests(rule, {
  valid: [
    { name: 'awsvpc with ip', code: cfn('awsvpc', 'ip') },
    { name: 'bridge with the default instance', code: cfn('', '') },
    { name: 'host with instance', code: cfn('host', 'instance') },
    { name: 'target type from a parameter', code: cfn('awsvpc', '!Ref TargetType') },
    { name: 'Terraform: awsvpc with ip', filename: 'lb.tf', code: tfTargetGroup('"ip"'), workspace: module('"awsvpc"') },
    { name: 'Terraform: bridge (the default) with the default instance', filename: 'lb.tf', code: tfTargetGroup(''), workspace: module('') },
    { name: 'Terraform: a target type from a variable without a value', filename: 'lb.tf', code: tfTargetGroup('var.target_type'), workspace: module('"awsvpc"') },
    { name: 'Terraform: a network mode from a variable without a value', filename: 'lb.tf', code: tfTargetGroup('"instance"'), workspace: module('var.network_mode') },
    { name: 'Terraform: the service file does not show what the target group file must change', filename: 'service.tf', code: tfService, workspace: [{ filename: 'task.tf', code: tfTask('"awsvpc"') }, { filename: 'lb.tf', code: tfTargetGroup('"instance"') }] },
  ],
  invalid: [
    {
      name: 'awsvpc with instance',
      code: cfn('awsvpc', 'instance'),
      errors: [{ messageId: 'wrongTargetType', line: 15, column: 19, endLine: 15, endColumn: 27, severity: 'error', message: /TargetType instance, but service tasks in awsvpc network mode register as ip targets/, related: [{ line: 5, column: 20 }] }],
      output: cfn('awsvpc', 'ip'),
    },
    {
      name: 'awsvpc with the default',
      code: cfn('awsvpc', ''),
      errors: [{ messageId: 'defaultInstance', line: 20, column: 27, endLine: 20, endColumn: 43 }],
    },
    {
      name: 'bridge with ip',
      code: cfn('', 'ip'),
      errors: [{ messageId: 'wrongTargetType', line: 14, column: 19, endLine: 14, endColumn: 21, related: [{ line: 5, column: 7 }] }],
      output: cfn('', 'instance'),
    },
    {
      name: 'Terraform: awsvpc with instance, across the files of a module',
      filename: 'lb.tf',
      code: tfTargetGroup('"instance"'),
      workspace: module('"awsvpc"'),
      errors: [
        {
          messageId: 'wrongTargetType',
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 27,
          message:
            'Target group aws_lb_target_group.app has target_type instance, but service tasks in awsvpc network mode register as ip targets, so ECS cannot register them and the service fails. Set target_type to ip.',
          related: [{ line: 3, column: 18, filename: 'task.tf' }],
        },
      ],
      output: tfTargetGroup('"ip"'),
    },
    {
      name: 'Terraform: awsvpc with the default instance, reported at the service\'s target_group_arn',
      filename: 'service.tf',
      code: tfService,
      workspace: [{ filename: 'task.tf', code: tfTask('"awsvpc"') }, { filename: 'lb.tf', code: tfTargetGroup('') }],
      errors: [
        {
          messageId: 'defaultInstance',
          line: 5,
          column: 24,
          endLine: 5,
          endColumn: 51,
          message: /has no target_type, which means instance; .* Set target_type to ip on the target group\./,
          related: [{ line: 3, column: 18, filename: 'task.tf' }, { line: 1, column: 32, filename: 'lb.tf' }],
        },
      ],
    },
    {
      name: 'Terraform: the target type comes from a variable default: at its use, no fix',
      filename: 'lb.tf',
      code: tfTargetGroup('var.target_type') + 'variable "target_type" {\n  default = "instance"\n}\n',
      workspace: module('"awsvpc"'),
      errors: [{ messageId: 'wrongTargetType', line: 4, column: 17, endLine: 4, endColumn: 32, related: [{ line: 8, column: 13 }, { line: 3, column: 18, filename: 'task.tf' }] }],
    },
    {
      name: 'Terraform: bridge with ip, in one file',
      filename: 'main.tf',
      code: tfTask('"bridge"') + tfService + tfTargetGroup('"ip"'),
      errors: [{ messageId: 'wrongTargetType', line: 18, column: 17, endLine: 18, endColumn: 21, related: [{ line: 3, column: 18 }] }],
      output: tfTask('"bridge"') + tfService + tfTargetGroup('"instance"'),
    },
  ],
});
