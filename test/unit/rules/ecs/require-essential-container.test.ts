import rule from '../../../../server/src/core/rules/ecs/require-essential-container';
import { runRuleTests } from '../../../helpers/ruleTester';

runRuleTests(rule, {
  valid: [
    { name: 'essential omitted means true', code: '{"family": "a", "containerDefinitions": [{"name": "app", "image": "x:1"}]}' },
    { name: 'one essential among others', code: '{"family": "a", "containerDefinitions": [{"name": "app", "image": "x:1", "essential": false}, {"name": "b", "image": "y:1"}]}' },
    {
      name: 'CloudFormation intrinsic is not a known false',
      code: `Resources:
  T:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: x:1
          Essential: !Ref IsEssential
`,
    },
  ],
  invalid: [
    {
      name: 'API JSON',
      code: `{
  "family": "a",
  "containerDefinitions": [
    { "name": "app", "image": "x:1", "essential": false },
    { "name": "log", "image": "y:1", "essential": false }
  ]
}`,
      errors: [{ messageId: 'noEssential', line: 3, column: 3, endLine: 3, endColumn: 25, severity: 'error' }],
      output: `{
  "family": "a",
  "containerDefinitions": [
    { "name": "app", "image": "x:1", "essential": true },
    { "name": "log", "image": "y:1", "essential": false }
  ]
}`,
    },
    {
      name: 'CloudFormation',
      code: `Resources:
  T:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: x:1
          Essential: false
`,
      errors: [{ messageId: 'noEssential', line: 5, column: 7, endLine: 5, endColumn: 27 }],
      output: `Resources:
  T:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: x:1
          Essential: true
`,
    },
  ],
});
