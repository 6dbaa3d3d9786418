import rule from '../../../../server/src/core/rules/ecs/no-privileged-container';
import { runRuleTests } from '../../../helpers/ruleTester';

const api = (privileged: string, compat = 'EC2') => `{
  "family": "web",
  "requiresCompatibilities": ["${compat}"],
  "containerDefinitions": [{ "name": "app", "image": "nginx:1.27", "privileged": ${privileged} }]
}`;

runRuleTests(rule, {
  valid: [
    { name: 'not privileged', code: api('false') },
    { name: 'Fargate is another rule', code: api('true', 'FARGATE') },
  ],
  invalid: [
    { name: 'EC2', code: api('true'), errors: [{ messageId: 'privileged', line: 4, column: 82, endLine: 4, endColumn: 86, severity: 'warning' }] },
    {
      name: 'CloudFormation',
      code: `Resources:
  T:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: app:1
          Privileged: true
`,
      errors: [{ messageId: 'privileged', line: 8, column: 23, endLine: 8, endColumn: 27 }],
    },
  ],
});
