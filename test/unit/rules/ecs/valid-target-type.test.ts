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

runRuleTests(rule, {
  valid: [
    { name: 'awsvpc with ip', code: cfn('awsvpc', 'ip') },
    { name: 'bridge with the default instance', code: cfn('', '') },
    { name: 'host with instance', code: cfn('host', 'instance') },
    { name: 'target type from a parameter', code: cfn('awsvpc', '!Ref TargetType') },
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
  ],
});
