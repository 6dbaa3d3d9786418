import rule from '../../../../server/src/core/rules/ecs/require-awsvpc-for-fargate';
import { runRuleTests } from '../../../helpers/ruleTester';

const api = (mode?: string, compat = 'FARGATE') => `{
  "family": "web",
  "requiresCompatibilities": ["${compat}"],${mode ? `\n  "networkMode": "${mode}",` : ''}
  "cpu": "256",
  "memory": "512",
  "containerDefinitions": [{ "name": "app", "image": "nginx:1.27" }]
}`;

const cfn = (mode: string) => `Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities:
        - FARGATE
      NetworkMode: ${mode}
      ContainerDefinitions:
        - Name: app
          Image: nginx:1.27
`;

runRuleTests(rule, {
  valid: [
    { name: 'awsvpc', code: api('awsvpc') },
    { name: 'EC2 may use bridge', code: api('bridge', 'EC2') },
    { name: 'EC2 may omit networkMode', code: api(undefined, 'EC2') },
    { name: 'CloudFormation awsvpc', code: cfn('awsvpc') },
    { name: 'CloudFormation parameter', code: cfn('!Ref NetworkMode') },
  ],
  invalid: [
    {
      name: 'bridge on Fargate',
      code: api('bridge'),
      errors: [{ messageId: 'wrongMode', line: 4, column: 18, endLine: 4, endColumn: 26, severity: 'error' }],
      output: api('awsvpc'),
    },
    {
      name: 'omitted networkMode means bridge',
      code: api(),
      errors: [{ messageId: 'missingMode', line: 3, column: 3, endLine: 3, endColumn: 28 }],
    },
    {
      name: 'CloudFormation host',
      code: cfn('host'),
      errors: [{ messageId: 'wrongMode', line: 7, column: 20, endLine: 7, endColumn: 24 }],
      output: cfn('awsvpc'),
    },
  ],
});
