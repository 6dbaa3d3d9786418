import rule from '../../../../server/src/core/rules/ecs/prefer-health-check-grace-period';
import { runRuleTests } from '../../../helpers/ruleTester';
import { tfService } from './tfshapes';

const tfLb = '  load_balancer {\n    target_group_arn = aws_lb_target_group.app.arn\n    container_name   = "app"\n    container_port   = 80\n  }';

const service = (extra: string) => `{
  "serviceName": "web-svc",
  "taskDefinition": "web",
  "loadBalancers": [{ "targetGroupArn": "tg", "containerName": "app", "containerPort": 80 }]${extra}
}`;

runRuleTests(rule, {
  valid: [
    { name: 'grace period set', filename: 'service.json', code: service(',\n  "healthCheckGracePeriodSeconds": 60') },
    { name: 'no load balancer', filename: 'service.json', code: '{ "serviceName": "w", "taskDefinition": "web" }' },
    { name: 'Terraform: a grace period', filename: 'main.tf', code: tfService(`${tfLb}\n  health_check_grace_period_seconds = 60`) },
    { name: 'Terraform: no load balancer', filename: 'main.tf', code: tfService('') },
  ],
  invalid: [
    { name: 'missing', filename: 'service.json', code: service(''), errors: [{ messageId: 'noGracePeriod', line: 4, column: 3, endLine: 4, endColumn: 18, severity: 'info' }] },
    {
      name: 'CloudFormation',
      code: `Resources:
  Service:
    Type: AWS::ECS::Service
    Properties:
      TaskDefinition: !Ref TaskDef
      LoadBalancers:
        - { TargetGroupArn: !Ref TG, ContainerName: app, ContainerPort: 80 }
`,
      errors: [{ messageId: 'noGracePeriod', line: 6, column: 7, endLine: 6, endColumn: 20 }],
    },
    {
      name: 'Terraform: behind a load balancer without one',
      filename: 'main.tf',
      code: tfService(tfLb),
      errors: [{ messageId: 'noGracePeriod', line: 4, column: 3, endLine: 4, endColumn: 16, severity: 'info', message: /sets no health_check_grace_period_seconds, .* Set health_check_grace_period_seconds to/ }],
    },
  ],
});
