import rule from '../../../../server/src/core/rules/ecs/valid-host-port-for-network-mode';
import { runRuleTests } from '../../../helpers/ruleTester';

const api = (mode: string, mapping: string) => `{
  "family": "web",
  "networkMode": "${mode}",
  "containerDefinitions": [
    { "name": "app", "image": "nginx:1.27", "portMappings": [${mapping}] }
  ]
}`;

const cfn = (mode: string, hostPort: string) => `Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      NetworkMode: ${mode}
      ContainerDefinitions:
        - Name: app
          Image: nginx:1.27
          PortMappings:
            - ContainerPort: 8080
              HostPort: ${hostPort}
`;

runRuleTests(rule, {
  valid: [
    { name: 'awsvpc, hostPort omitted', code: api('awsvpc', '{ "containerPort": 80 }') },
    { name: 'awsvpc, hostPort equal', code: api('awsvpc', '{ "containerPort": 80, "hostPort": 80 }') },
    { name: 'bridge allows a different hostPort', code: api('bridge', '{ "containerPort": 80, "hostPort": 8080 }') },
    { name: 'CloudFormation host mode, equal', code: cfn('host', '8080') },
    { name: 'intrinsic hostPort', code: cfn('awsvpc', '!Ref Port') },
  ],
  invalid: [
    {
      name: 'awsvpc with another hostPort',
      code: api('awsvpc', '{ "containerPort": 80, "hostPort": 8080 }'),
      errors: [{ messageId: 'hostPortMismatch', line: 5, column: 97, endLine: 5, endColumn: 101, severity: 'error', message: /In awsvpc network mode .* Set hostPort to 80 or remove it/ }],
      output: api('awsvpc', '{ "containerPort": 80, "hostPort": 80 }'),
    },
    {
      name: 'awsvpc with dynamic hostPort 0',
      code: api('awsvpc', '{ "containerPort": 80, "hostPort": 0 }'),
      errors: [{ messageId: 'hostPortMismatch', line: 5, column: 97, endLine: 5, endColumn: 98 }],
      output: api('awsvpc', '{ "containerPort": 80, "hostPort": 80 }'),
    },
    {
      name: 'CloudFormation host mode',
      code: cfn('host', '80'),
      errors: [{ messageId: 'hostPortMismatch', line: 11, column: 25, endLine: 11, endColumn: 27 }],
      output: cfn('host', '8080'),
    },
  ],
});
