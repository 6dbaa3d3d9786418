import rule from '../../../../server/src/core/rules/ecs/prefer-separate-task-and-execution-roles';
import { runRuleTests } from '../../../helpers/ruleTester';

const api = (task: string, exec: string) => `{
  "family": "web",
  "taskRoleArn": "${task}",
  "executionRoleArn": "${exec}",
  "containerDefinitions": [{ "name": "app", "image": "nginx:1.27" }]
}`;
const cfn = (task: string, exec: string) => `Resources:
  T:
    Type: AWS::ECS::TaskDefinition
    Properties:
      TaskRoleArn: ${task}
      ExecutionRoleArn: ${exec}
      ContainerDefinitions:
        - Name: app
          Image: app:1
`;
const role = 'arn:aws:iam::123456789012:role/';

runRuleTests(rule, {
  valid: [
    { name: 'separate roles', code: api(`${role}app`, `${role}exec`) },
    { name: 'CloudFormation separate roles', code: cfn('!GetAtt AppRole.Arn', '!GetAtt ExecRole.Arn') },
  ],
  invalid: [
    { name: 'one role for both', code: api(`${role}exec`, `${role}exec`), errors: [{ messageId: 'sameRole', line: 3, column: 18, endLine: 3, endColumn: 55, severity: 'info' }] },
    { name: 'CloudFormation: the same GetAtt', code: cfn('!GetAtt ExecRole.Arn', '!GetAtt ExecRole.Arn'), errors: [{ messageId: 'sameRole', line: 5, column: 20, endLine: 5, endColumn: 40 }] },
  ],
});
