import rule from '../../../../server/src/core/rules/ecs/valid-service-compatibility';
import { runRuleTests } from '../../../helpers/ruleTester';

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
  ],
});
