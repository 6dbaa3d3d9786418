import rule from '../../../../server/src/core/rules/ecs/valid-service-compatibility';
import { runRuleTests } from '../../../helpers/ruleTester';
import { tfService, tfTask } from './tfshapes';

const tfEc2Task = { filename: 'task.tf', code: tfTask('  requires_compatibilities = ["EC2"]', '[{ name = "app", image = "x:1" }]') };

const task = (compat: string) => `{
  "family": "web",
  "requiresCompatibilities": [${compat}],
  "containerDefinitions": [{ "name": "app", "image": "nginx:1.27" }]
}`;
const service = (extra: string) => `{
  "serviceName": "web-svc",
  "taskDefinition": "web",
  "launchType": "FARGATE"${extra}
}`;
const lbs = (n: number) => Array.from({ length: n }, (_, i) => `{ "targetGroupArn": "tg-${i}", "containerName": "app", "containerPort": 80 }`).join(', ');

runRuleTests(rule, {
  valid: [
    { name: 'Fargate task definition', filename: 'service.json', code: service(''), workspace: [{ filename: 'task.json', code: task('"EC2", "FARGATE"') }] },
    { name: 'unknown task definition: silent', filename: 'service.json', code: service('') },
    { name: 'five target groups', filename: 'service.json', code: service(`,\n  "loadBalancers": [${lbs(5)}]`) },
    {
      name: 'CloudFormation compatibilities from a parameter',
      code: `Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: !Ref Compat
      ContainerDefinitions: [{ Name: app, Image: 'nginx:1.27' }]
  Service:
    Type: AWS::ECS::Service
    Properties:
      LaunchType: FARGATE
      TaskDefinition: !Ref TaskDef
`,
    },
    { name: 'Terraform: a Fargate task definition', filename: 'service.tf', code: tfService('  launch_type = "FARGATE"'), workspace: [{ filename: 'task.tf', code: tfTask('  requires_compatibilities = ["FARGATE"]', '[]') }] },
    { name: 'Terraform: capacity providers alone', filename: 'service.tf', code: tfService('  capacity_provider_strategy {\n    capacity_provider = "FARGATE_SPOT"\n    weight            = 1\n  }') },
    { name: 'Terraform: a launch type from a variable without a value, and capacity providers', filename: 'service.tf', code: tfService('  launch_type = var.launch_type\n  capacity_provider_strategy {\n    capacity_provider = "FARGATE"\n    weight            = 1\n  }') },
    { name: 'Terraform: dynamic capacity provider blocks are unknown', filename: 'service.tf', code: tfService('  launch_type = "FARGATE"\n  dynamic "capacity_provider_strategy" {\n    for_each = var.providers\n    content {\n      capacity_provider = capacity_provider_strategy.value\n    }\n  }') },
  ],
  invalid: [
    {
      name: 'cross-file: EC2-only task definition',
      filename: 'service.json',
      code: service(''),
      workspace: [{ filename: 'task.json', code: task('"EC2"') }],
      errors: [{ messageId: 'notFargateCompatible', line: 4, column: 17, endLine: 4, endColumn: 26, severity: 'error', message: /task definition web does not list FARGATE/, related: [{ line: 3, column: 3, filename: 'task.json' }] }],
    },
    {
      name: 'DAEMON on Fargate, too many target groups',
      filename: 'service.json',
      code: service(`,\n  "schedulingStrategy": "DAEMON",\n  "loadBalancers": [${lbs(6)}]`),
      errors: [
        { messageId: 'daemonOnFargate', line: 5, column: 25, endLine: 5, endColumn: 33 },
        { messageId: 'tooManyTargetGroups', line: 6, column: 3, endLine: 6, endColumn: 18, message: /has 6 load balancer entries; ECS allows at most 5/ },
      ],
    },
    {
      name: 'CloudFormation: omitted compatibilities',
      code: `Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions: [{ Name: app, Image: 'nginx:1.27' }]
  Service:
    Type: AWS::ECS::Service
    Properties:
      LaunchType: FARGATE
      TaskDefinition: !Ref TaskDef
`,
      errors: [{ messageId: 'notFargateCompatible', line: 9, column: 19, endLine: 9, endColumn: 26, related: [{ line: 5, column: 7 }] }],
    },
    {
      name: 'Terraform: FARGATE with an EC2-only task definition in another file',
      filename: 'service.tf',
      code: tfService('  launch_type = "FARGATE"'),
      workspace: [tfEc2Task],
      errors: [{ messageId: 'notFargateCompatible', line: 4, column: 17, endLine: 4, endColumn: 26, message: /^The service uses launch_type FARGATE, but its task definition app does not list FARGATE in requires_compatibilities/, related: [{ line: 3, column: 3, filename: 'task.tf' }] }],
    },
    {
      name: 'Terraform: DAEMON on Fargate',
      filename: 'service.tf',
      code: tfService('  launch_type         = "FARGATE"\n  scheduling_strategy = "DAEMON"'),
      errors: [{ messageId: 'daemonOnFargate', line: 5, column: 25, endLine: 5, endColumn: 33, message: /rejects DAEMON with launch_type FARGATE/ }],
    },
    {
      name: 'Terraform: a launch type and a capacity provider strategy',
      filename: 'service.tf',
      code: tfService('  launch_type = "FARGATE"\n  capacity_provider_strategy {\n    capacity_provider = "FARGATE_SPOT"\n    weight            = 1\n  }'),
      errors: [{ messageId: 'launchTypeWithCapacityProviders', line: 4, column: 17, endLine: 4, endColumn: 26, message: /^This service sets both launch_type and capacity_provider_strategy;/, related: [{ line: 5, column: 3 }] }],
    },
    {
      name: 'Terraform: six load_balancer blocks',
      filename: 'service.tf',
      code: tfService(Array.from({ length: 6 }, (_, i) => `  load_balancer {\n    target_group_arn = aws_lb_target_group.tg${i}.arn\n    container_name   = "app"\n    container_port   = 80\n  }`).join('\n')),
      errors: [{ messageId: 'tooManyTargetGroups', line: 29, column: 3, endLine: 29, endColumn: 16, message: /has 6 load balancer entries/ }],
    },
  ],
});
