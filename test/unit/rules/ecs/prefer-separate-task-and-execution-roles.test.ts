import rule from '../../../../server/src/core/rules/ecs/prefer-separate-task-and-execution-roles';
import { runRuleTests } from '../../../helpers/ruleTester';
import { EXPRESS_CASES } from './expressShapes';
import { tfTask } from './tfshapes';

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
    ...EXPRESS_CASES.separateRoles.valid,
    { name: 'separate roles', code: api(`${role}app`, `${role}exec`) },
    { name: 'CloudFormation separate roles', code: cfn('!GetAtt AppRole.Arn', '!GetAtt ExecRole.Arn') },
    { name: 'Terraform: two roles', filename: 'main.tf', code: tfTask('  task_role_arn      = aws_iam_role.task.arn\n  execution_role_arn = aws_iam_role.execution.arn', '[]') },
    { name: 'Terraform: an attribute and another', filename: 'main.tf', code: tfTask('  task_role_arn      = aws_iam_role.app.arn\n  execution_role_arn = aws_iam_role.app.id', '[]') },
    { name: 'Terraform: variables without values', filename: 'main.tf', code: tfTask('  task_role_arn      = var.task_role\n  execution_role_arn = var.execution_role', '[]') },
  ],
  invalid: [
    ...EXPRESS_CASES.separateRoles.invalid,
    { name: 'one role for both', code: api(`${role}exec`, `${role}exec`), errors: [{ messageId: 'sameRole', line: 3, column: 18, endLine: 3, endColumn: 55, severity: 'info' }] },
    { name: 'CloudFormation: the same GetAtt', code: cfn('!GetAtt ExecRole.Arn', '!GetAtt ExecRole.Arn'), errors: [{ messageId: 'sameRole', line: 5, column: 20, endLine: 5, endColumn: 40 }] },
    {
      name: 'Terraform: one role for both',
      filename: 'main.tf',
      code: tfTask('  task_role_arn      = aws_iam_role.ecs.arn\n  execution_role_arn = aws_iam_role.ecs.arn', '[]'),
      errors: [{ messageId: 'sameRole', line: 3, column: 24, endLine: 3, endColumn: 44, severity: 'info', message: /^task_role_arn and execution_role_arn are the same role\./ }],
    },
    {
      name: 'Terraform: the same ARN from a variable default',
      filename: 'main.tf',
      code: tfTask('  task_role_arn      = var.role\n  execution_role_arn = var.role', '[]') + 'variable "role" {\n  default = "arn:aws:iam::123456789012:role/ecs"\n}\n',
      errors: [{ messageId: 'sameRole', line: 3, column: 24, endLine: 3, endColumn: 32, related: [{ line: 8, column: 13 }] }],
    },
  ],
});
