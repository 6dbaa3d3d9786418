import rule from '../../../../server/src/core/rules/ecs/require-execution-role';
import { runRuleTests } from '../../../helpers/ruleTester';

const api = (container: string, extra = '', compat = 'FARGATE') => `{
  "family": "web",
  "requiresCompatibilities": ["${compat}"],${extra}
  "containerDefinitions": [{ "name": "app", "image": "nginx:1.27"${container} }]
}`;
const awslogs = ', "logConfiguration": { "logDriver": "awslogs" }';

runRuleTests(rule, {
  valid: [
    { name: 'role given', code: api(awslogs, '\n  "executionRoleArn": "arn:aws:iam::123456789012:role/exec",') },
    { name: 'awslogs on EC2 uses the instance role', code: api(awslogs, '', 'EC2') },
    { name: 'public image, no logs', code: api('') },
    {
      name: 'CloudFormation role by GetAtt',
      code: `Resources:
  T:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      ExecutionRoleArn: !GetAtt ExecRole.Arn
      ContainerDefinitions:
        - Name: app
          Image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1
`,
    },
  ],
  invalid: [
    {
      name: 'awslogs on Fargate',
      code: api(awslogs),
      errors: [{ messageId: 'awslogs', line: 4, column: 103, endLine: 4, endColumn: 112, severity: 'error' }],
    },
    {
      name: 'secrets, on any launch type',
      code: api(', "secrets": [{ "name": "DB", "valueFrom": "arn:aws:ssm:us-east-1:123456789012:parameter/db" }]', '', 'EC2'),
      errors: [{ messageId: 'secrets', line: 4, column: 68, endLine: 4, endColumn: 77, severity: 'error' }],
    },
    {
      name: 'CloudFormation: private ECR on Fargate is a warning',
      code: `Resources:
  T:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      ContainerDefinitions:
        - Name: app
          Image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1
`,
      errors: [{ messageId: 'privateEcr', line: 8, column: 18, endLine: 8, endColumn: 68, severity: 'warning' }],
    },
  ],
});
