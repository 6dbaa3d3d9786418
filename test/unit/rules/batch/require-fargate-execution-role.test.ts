import rule from '../../../../server/src/core/rules/batch/require-fargate-execution-role';
import { runRuleTests } from '../../../helpers/ruleTester';
import { api, fargateApi, fargateCfn, fargateTf, reqHcl } from './shapes';

runRuleTests(rule, {
  valid: [
    { name: 'with role', code: fargateApi(['"executionRoleArn": "arn:aws:iam::123456789012:role/exec"']), filename: 'job.json' },
    { name: 'EC2 needs none', code: api([], []), filename: 'job.json' },
    { name: 'CloudFormation with intrinsic role', code: fargateCfn(['ExecutionRoleArn: !GetAtt Role.Arn']) },
    { name: 'Terraform: role from a resource attribute', code: fargateTf([reqHcl('1', '2048'), 'executionRoleArn = aws_iam_role.exec.arn']), filename: 'main.tf' },
  ],
  invalid: [
    {
      name: 'API JSON',
      code: fargateApi([]),
      filename: 'job.json',
      errors: [
        {
          messageId: 'missing',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 24,
          severity: 'error',
          message:
            'This Fargate job has no executionRoleArn, and AWS Batch requires one on Fargate: it is the role that pulls the image and writes logs. Add executionRoleArn (a role trusting ecs-tasks.amazonaws.com with AmazonECSTaskExecutionRolePolicy).',
        },
      ],
    },
    {
      name: 'CloudFormation',
      code: fargateCfn([]),
      errors: [{ messageId: 'missing', line: 7, column: 7, endLine: 7, endColumn: 26 }],
    },
    {
      name: 'Terraform jsonencode: no executionRoleArn',
      code: fargateTf([reqHcl('1', '2048')]),
      filename: 'main.tf',
      errors: [{ messageId: 'missing', line: 5, column: 3, endLine: 5, endColumn: 23 }],
    },
  ],
});
