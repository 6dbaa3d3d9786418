import rule from '../../../../server/src/core/rules/ecs/require-traffic-port-health-check';
import { runRuleTests } from '../../../helpers/ruleTester';

const cfn = (mapping: string, healthCheckPort: string) => `Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: nginx:1.27
          PortMappings: [${mapping}]
  TargetGroup:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties:
      Port: 80
      HealthCheckPort: ${healthCheckPort}
  Service:
    Type: AWS::ECS::Service
    Properties:
      TaskDefinition: !Ref TaskDef
      LoadBalancers:
        - TargetGroupArn: !Ref TargetGroup
          ContainerName: app
          ContainerPort: 80
`;

const tfTask = (mapping: string) => `resource "aws_ecs_task_definition" "app" {
  family                = "app"
  container_definitions = <<-JSON
    [{"name": "app", "image": "nginx:1.27", "memory": 256, "portMappings": [${mapping}]}]
  JSON
}
`;
const tfService = `resource "aws_ecs_service" "app" {
  task_definition = aws_ecs_task_definition.app.arn
  load_balancer {
    target_group_arn = aws_lb_target_group.app.arn
    container_name   = "app"
    container_port   = 80
  }
}
`;
const tfTargetGroup = (port: string) => `resource "aws_lb_target_group" "app" {
  port     = 80
  protocol = "HTTP"
  health_check {
    path = "/health"${port ? `\n    port = ${port}` : ''}
  }
}
`;

runRuleTests(rule, {
  valid: [
    { name: 'traffic-port', code: cfn('{ ContainerPort: 80, HostPort: 0 }', 'traffic-port') },
    { name: 'a static host port may be checked directly', code: cfn('{ ContainerPort: 80, HostPort: 80 }', '"80"') },
    { name: 'parameter', code: cfn('{ ContainerPort: 80 }', '!Ref Port') },
    { name: 'Terraform: health_check.port omitted means traffic-port', filename: 'lb.tf', code: tfTargetGroup(''), workspace: [{ filename: 'task.tf', code: tfTask('{"containerPort": 80}') }, { filename: 'service.tf', code: tfService }] },
    { name: 'Terraform: a static hostPort may be checked directly', filename: 'lb.tf', code: tfTargetGroup('"80"'), workspace: [{ filename: 'task.tf', code: tfTask('{"containerPort": 80, "hostPort": 80}') }, { filename: 'service.tf', code: tfService }] },
    { name: 'Terraform: a port from a variable without a value', filename: 'lb.tf', code: tfTargetGroup('var.port'), workspace: [{ filename: 'task.tf', code: tfTask('{"containerPort": 80}') }, { filename: 'service.tf', code: tfService }] },
    { name: 'Terraform: awsvpc tasks have no dynamic ports', filename: 'lb.tf', code: tfTargetGroup('"8080"'), workspace: [{ filename: 'task.tf', code: tfTask('{"containerPort": 80}').replace('family                = "app"', 'network_mode = "awsvpc"') }, { filename: 'service.tf', code: tfService }] },
  ],
  invalid: [
    {
      name: 'dynamic port (HostPort 0) with a fixed health check port',
      code: cfn('{ ContainerPort: 80, HostPort: 0 }', '"80"'),
      errors: [{ messageId: 'fixedHealthCheckPort', line: 13, column: 24, endLine: 13, endColumn: 28, severity: 'warning', message: /checks health on the fixed port 80/ }],
      output: cfn('{ ContainerPort: 80, HostPort: 0 }', '"traffic-port"'),
    },
    {
      name: 'HostPort omitted',
      code: cfn('{ ContainerPort: 80 }', '8080'),
      errors: [{ messageId: 'fixedHealthCheckPort', line: 13, column: 24, endLine: 13, endColumn: 28 }],
      // A string where YAML had a number: quoted, as JSON and HCL need (the fix helper cannot tell them apart).
      output: cfn('{ ContainerPort: 80 }', '"traffic-port"'),
    },
    {
      name: 'Terraform: dynamic host port (heredoc), a fixed health check port in another file',
      filename: 'lb.tf',
      code: tfTargetGroup('"8080"'),
      workspace: [{ filename: 'task.tf', code: tfTask('{"containerPort": 80, "hostPort": 0}') }, { filename: 'service.tf', code: tfService }],
      errors: [
        {
          messageId: 'fixedHealthCheckPort',
          line: 6,
          column: 12,
          endLine: 6,
          endColumn: 18,
          message:
            'Container app gets a dynamic host port, but target group aws_lb_target_group.app checks health on the fixed port 8080, where nothing listens; every target is marked unhealthy and the tasks are replaced again and again. Set port to traffic-port (the default).',
        },
      ],
      output: tfTargetGroup('"traffic-port"'),
    },
    {
      name: 'Terraform: a number becomes a quoted string',
      filename: 'main.tf',
      code: tfTask('{"containerPort": 80}') + tfService + tfTargetGroup('8080'),
      errors: [{ messageId: 'fixedHealthCheckPort', line: 20, column: 12, endLine: 20, endColumn: 16 }],
      output: tfTask('{"containerPort": 80}') + tfService + tfTargetGroup('"traffic-port"'),
    },
    {
      name: 'Terraform: the port comes from terraform.tfvars: at its use, no fix',
      filename: 'lb.tf',
      code: tfTargetGroup('var.health_port') + 'variable "health_port" {}\n',
      workspace: [{ filename: 'task.tf', code: tfTask('{"containerPort": 80}') }, { filename: 'service.tf', code: tfService }, { filename: 'terraform.tfvars', code: 'health_port = 8080\n' }],
      errors: [{ messageId: 'fixedHealthCheckPort', line: 6, column: 12, endLine: 6, endColumn: 27, related: [{ line: 1, column: 15, filename: 'terraform.tfvars' }] }],
    },
  ],
});
