import rule from '../../../../server/src/core/rules/ecs/prefer-readonly-root-filesystem';
import { runRuleTests } from '../../../helpers/ruleTester';

const api = (extra: string) => `{
  "family": "web",
  "containerDefinitions": [{ "name": "app", "image": "nginx:1.27"${extra} }]
}`;

runRuleTests(rule, {
  valid: [
    { name: 'read-only', code: api(', "readonlyRootFilesystem": true') },
    { name: 'Windows is out of scope', code: api('').replace('"family": "web",', '"family": "web",\n  "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" },') },
  ],
  invalid: [
    { name: 'omitted', code: api(''), errors: [{ messageId: 'notReadonly', line: 3, column: 30, endLine: 3, endColumn: 36, severity: 'info' }] },
    { name: 'false', code: api(', "readonlyRootFilesystem": false'), errors: [{ messageId: 'notReadonly', line: 3, column: 94, endLine: 3, endColumn: 99 }] },
    {
      name: 'CloudFormation',
      code: `Resources:
  T:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: app:1
`,
      errors: [{ messageId: 'notReadonly', line: 6, column: 11, endLine: 6, endColumn: 15 }],
    },
  ],
});
