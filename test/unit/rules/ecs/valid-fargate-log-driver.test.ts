import rule from '../../../../server/src/core/rules/ecs/valid-fargate-log-driver';
import { runRuleTests } from '../../../helpers/ruleTester';

const api = (driver: string, compat = 'FARGATE') => `{
  "family": "web",
  "requiresCompatibilities": ["${compat}"],
  "containerDefinitions": [
    { "name": "app", "image": "nginx:1.27", "logConfiguration": { "logDriver": "${driver}" } }
  ]
}`;

const cfn = (driver: string) => `Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      ContainerDefinitions:
        - Name: app
          Image: nginx:1.27
          LogConfiguration:
            LogDriver: ${driver}
`;

runRuleTests(rule, {
  valid: [
    { name: 'awslogs', code: api('awslogs') },
    { name: 'awsfirelens', code: api('awsfirelens') },
    { name: 'splunk', code: cfn('splunk') },
    { name: 'EC2 may use json-file', code: api('json-file', 'EC2') },
    { name: 'intrinsic', code: cfn('!Ref Driver') },
  ],
  invalid: [
    {
      name: 'json-file on Fargate',
      code: api('json-file'),
      errors: [{ messageId: 'unsupportedDriver', line: 5, column: 80, endLine: 5, endColumn: 91, severity: 'error', message: /rejects logDriver "json-file" for container app/ }],
    },
    {
      name: 'CloudFormation fluentd',
      code: cfn('fluentd'),
      errors: [{ messageId: 'unsupportedDriver', line: 10, column: 24, endLine: 10, endColumn: 31 }],
    },
  ],
});
