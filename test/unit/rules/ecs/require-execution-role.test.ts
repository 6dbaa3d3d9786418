import rule from '../../../../server/src/core/rules/ecs/require-execution-role';
import { runRuleTests } from '../../../helpers/ruleTester';
import { EXPRESS_CASES } from './expressShapes';
import { tfTask, tfTaskFile, tfTaskHeredoc } from './tfshapes';

const tfFargate = '  requires_compatibilities = ["FARGATE"]\n  network_mode             = "awsvpc"';
const secretsJson = '[{ "name": "app", "image": "x:1", "secrets": [{ "name": "DB", "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/db" }] }]';

const api = (container: string, extra = '', compat = 'FARGATE') => `{
  "family": "web",
  "requiresCompatibilities": ["${compat}"],${extra}
  "containerDefinitions": [{ "name": "app", "image": "nginx:1.27"${container} }]
}`;
const awslogs = ', "logConfiguration": { "logDriver": "awslogs" }';

runRuleTests(rule, {
  valid: [
    ...EXPRESS_CASES.executionRole.valid,
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
    { name: 'Terraform: secrets with an execution role', filename: 'main.tf', code: tfTask('  execution_role_arn = aws_iam_role.execution.arn', '[{ name = "app", image = "x:1", secrets = [{ name = "DB", valueFrom = aws_ssm_parameter.db.arn }] }]') },
    { name: 'Terraform: the role from a variable without a value', filename: 'main.tf', code: tfTask(`${tfFargate}\n  execution_role_arn = var.execution_role`, '[{ name = "app", image = "x:1", logConfiguration = { logDriver = "awslogs" } }]') },
    { name: 'Terraform: a container definitions file alone: the role is in the .tf', filename: 'containers.json', code: secretsJson },
  ],
  invalid: [
    ...EXPRESS_CASES.executionRole.invalid,
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
    {
      name: 'Terraform: jsonencode, secrets without the role',
      filename: 'main.tf',
      code: tfTask('', '[{ name = "app", image = "x:1", secrets = [{ name = "DB", valueFrom = aws_ssm_parameter.db.arn }] }]'),
      errors: [{ messageId: 'secrets', line: 4, column: 70, endLine: 4, endColumn: 77, message: /without an execution role\. Add execution_role_arn \(a role with/ }],
    },
    {
      name: 'Terraform: heredoc, awslogs on Fargate',
      filename: 'main.tf',
      code: tfTaskHeredoc(tfFargate, '[{"name": "app", "image": "x:1", "logConfiguration": {"logDriver": "awslogs"}}]'),
      errors: [{ messageId: 'awslogs', line: 6, column: 72, endLine: 6, endColumn: 81 }],
    },
    {
      name: 'Terraform: containers in a file: on the resource, pointing at the secrets',
      filename: 'main.tf',
      code: tfTaskFile(''),
      workspace: [{ filename: 'containers.json', code: secretsJson }],
      errors: [{ messageId: 'secrets', line: 1, column: 36, endLine: 1, endColumn: 41, related: [{ line: 1, column: 35, filename: 'containers.json' }] }],
    },
    {
      name: 'Terraform: a private ECR image on Fargate (a warning)',
      filename: 'main.tf',
      code: tfTask(tfFargate, '[{ name = "app", image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.0" }]'),
      errors: [{ messageId: 'privateEcr', line: 5, column: 63, endLine: 5, endColumn: 117, severity: 'warning', message: /without execution_role_arn the task fails to start/ }],
    },
  ],
});
