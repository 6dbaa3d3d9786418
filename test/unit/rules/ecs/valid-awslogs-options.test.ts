import rule from '../../../../server/src/core/rules/ecs/valid-awslogs-options';
import { runRuleTests } from '../../../helpers/ruleTester';

const api = (options: string, compat = 'FARGATE') => `{
  "family": "web",
  "requiresCompatibilities": ["${compat}"],
  "containerDefinitions": [{
    "name": "app", "image": "nginx:1.27",
    "logConfiguration": { "logDriver": "awslogs", "options": { ${options} } }
  }]
}`;
const all = '"awslogs-group": "/ecs/web", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "web"';

runRuleTests(rule, {
  valid: [
    { name: 'all options', code: api(all) },
    { name: 'EC2 needs no stream prefix', code: api('"awslogs-group": "/ecs/web", "awslogs-region": "us-east-1"', 'EC2') },
    {
      name: 'CloudFormation options by intrinsic',
      code: `Resources:
  T:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: app:1
          LogConfiguration:
            LogDriver: awslogs
            Options: !If [Prod, { awslogs-group: a, awslogs-region: b }, { awslogs-group: c, awslogs-region: d }]
`,
    },
  ],
  invalid: [
    {
      name: 'no region, no prefix on Fargate',
      code: api('"awslogs-group": "/ecs/web"'),
      errors: [
        { messageId: 'missingOption', line: 6, column: 51, endLine: 6, endColumn: 60, severity: 'error', message: /has no awslogs-region option/ },
        { messageId: 'missingStreamPrefix', line: 6, column: 51, endLine: 6, endColumn: 60, severity: 'warning' },
      ],
    },
    {
      name: 'CloudFormation without Options',
      code: `Resources:
  T:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: app:1
          LogConfiguration:
            LogDriver: awslogs
`,
      errors: [
        { messageId: 'missingOption', line: 9, column: 13, endLine: 9, endColumn: 22, message: /no awslogs-group option/ },
        { messageId: 'missingOption', line: 9, column: 13, endLine: 9, endColumn: 22, message: /no awslogs-region option/ },
      ],
    },
  ],
});
