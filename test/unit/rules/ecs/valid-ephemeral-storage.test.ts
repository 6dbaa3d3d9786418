import rule from '../../../../server/src/core/rules/ecs/valid-ephemeral-storage';
import { runRuleTests } from '../../../helpers/ruleTester';

const api = (size: string) => `{
  "family": "web",
  "ephemeralStorage": { "sizeInGiB": ${size} },
  "containerDefinitions": [{ "name": "app", "image": "nginx:1.27" }]
}`;

const cfn = (size: string) => `Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      EphemeralStorage:
        SizeInGiB: ${size}
      ContainerDefinitions:
        - Name: app
          Image: nginx:1.27
`;

runRuleTests(rule, {
  valid: [
    { name: 'lower bound', code: api('21') },
    { name: 'upper bound', code: api('200') },
    { name: 'CloudFormation', code: cfn('100') },
    { name: 'CloudFormation parameter', code: cfn('!Ref Size') },
  ],
  invalid: [
    {
      name: 'the default 20 cannot be written',
      code: api('20'),
      errors: [{ messageId: 'outOfRange', line: 3, column: 38, endLine: 3, endColumn: 40, severity: 'error', message: /between 21 and 200 GiB; RegisterTaskDefinition rejects 20/ }],
    },
    {
      name: 'CloudFormation above 200',
      code: cfn('500'),
      errors: [{ messageId: 'outOfRange', line: 6, column: 20, endLine: 6, endColumn: 23 }],
    },
  ],
});
