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

runRuleTests(rule, {
  valid: [
    { name: 'traffic-port', code: cfn('{ ContainerPort: 80, HostPort: 0 }', 'traffic-port') },
    { name: 'a static host port may be checked directly', code: cfn('{ ContainerPort: 80, HostPort: 80 }', '"80"') },
    { name: 'parameter', code: cfn('{ ContainerPort: 80 }', '!Ref Port') },
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
      output: cfn('{ ContainerPort: 80 }', 'traffic-port'),
    },
  ],
});
