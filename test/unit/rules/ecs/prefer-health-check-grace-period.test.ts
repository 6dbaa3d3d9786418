import rule from '../../../../server/src/core/rules/ecs/prefer-health-check-grace-period';
import { runRuleTests } from '../../../helpers/ruleTester';

const service = (extra: string) => `{
  "serviceName": "web-svc",
  "taskDefinition": "web",
  "loadBalancers": [{ "targetGroupArn": "tg", "containerName": "app", "containerPort": 80 }]${extra}
}`;

runRuleTests(rule, {
  valid: [
    { name: 'grace period set', filename: 'service.json', code: service(',\n  "healthCheckGracePeriodSeconds": 60') },
    { name: 'no load balancer', filename: 'service.json', code: '{ "serviceName": "w", "taskDefinition": "web" }' },
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
  ],
});
