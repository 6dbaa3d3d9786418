import rule from '../../../../server/src/core/rules/ecs/require-service-network-configuration';
import { runRuleTests } from '../../../helpers/ruleTester';

const task = (mode: string) => `{
  "family": "web",
  "networkMode": "${mode}",
  "containerDefinitions": [{ "name": "app", "image": "nginx:1.27" }]
}`;
const service = (network: string) => `{
  "serviceName": "web-svc",
  "taskDefinition": "web",${network}
  "desiredCount": 2
}`;
const cfn = (network: string) => `Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      NetworkMode: awsvpc
      ContainerDefinitions:
        - Name: app
          Image: nginx:1.27
  Service:
    Type: AWS::ECS::Service
    Properties:
      TaskDefinition: !Ref TaskDef${network}
`;
const subnets = '\n  "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-1"], "securityGroups": ["sg-1"] } },';

runRuleTests(rule, {
  valid: [
    { name: 'awsvpc with subnets', filename: 'service.json', code: service(subnets), workspace: [{ filename: 'task.json', code: task('awsvpc') }] },
    { name: 'bridge needs none', filename: 'service.json', code: service(''), workspace: [{ filename: 'task.json', code: task('bridge') }] },
    { name: 'task definition not in the workspace: silent', filename: 'service.json', code: service('') },
    { name: 'CloudFormation subnets from a parameter', code: cfn('\n      NetworkConfiguration:\n        AwsvpcConfiguration:\n          Subnets: !Ref Subnets') },
  ],
  invalid: [
    {
      name: 'cross-file: no networkConfiguration',
      filename: 'service.json',
      code: service(''),
      workspace: [{ filename: 'task.json', code: task('awsvpc') }],
      errors: [{ messageId: 'missingNetworkConfiguration', line: 2, column: 3, endLine: 2, endColumn: 16, severity: 'error', message: /runs task definition web, which uses the awsvpc network mode/, related: [{ line: 3, column: 18, filename: 'task.json' }] }],
    },
    {
      name: 'CloudFormation: no subnets',
      code: cfn('\n      NetworkConfiguration:\n        AwsvpcConfiguration:\n          SecurityGroups: [sg-1]'),
      errors: [{ messageId: 'missingSubnets', line: 14, column: 9, endLine: 14, endColumn: 28, related: [{ line: 5, column: 20 }] }],
    },
    {
      name: 'CloudFormation: no NetworkConfiguration',
      code: cfn(''),
      errors: [{ messageId: 'missingNetworkConfiguration', line: 9, column: 3, endLine: 9, endColumn: 10 }],
    },
  ],
});
