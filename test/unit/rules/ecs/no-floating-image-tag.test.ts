import rule from '../../../../server/src/core/rules/ecs/no-floating-image-tag';
import { runRuleTests } from '../../../helpers/ruleTester';

const api = (image: string) => `{
  "family": "web",
  "containerDefinitions": [{ "name": "app", "image": "${image}" }]
}`;
const cfn = (image: string) => `Resources:
  T:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: ${image}
`;

runRuleTests(rule, {
  valid: [
    { name: 'version tag', code: api('nginx:1.27') },
    { name: 'digest', code: api('nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef') },
    { name: 'registry host:port is not a tag', code: api('registry.local:5000/team/app:2.1') },
    { name: 'CloudFormation Sub', code: cfn("!Sub '${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/app:latest'") },
  ],
  invalid: [
    {
      name: ':latest',
      code: api('123456789012.dkr.ecr.us-east-1.amazonaws.com/app:latest'),
      errors: [{ messageId: 'latest', line: 3, column: 54, endLine: 3, endColumn: 111, severity: 'warning', message: /Container app uses image .* with the :latest tag/ }],
    },
    {
      name: 'no tag behind a registry port',
      code: api('localhost:5000/app'),
      errors: [{ messageId: 'untagged', line: 3, column: 54, endLine: 3, endColumn: 74 }],
    },
    { name: 'CloudFormation untagged', code: cfn('nginx'), errors: [{ messageId: 'untagged', line: 7, column: 18, endLine: 7, endColumn: 23 }] },
  ],
});
