import rule from '../../../../server/src/core/rules/lambda/require-vpc-subnets-and-security-groups';
import { runRuleTests } from '../../../helpers/ruleTester';
import { api, cfn, sam, sls, tf } from './shapes';

runRuleTests(rule, {
  valid: [
    { name: 'both', code: api('"VpcConfig": { "SubnetIds": ["subnet-1"], "SecurityGroupIds": ["sg-1"] }'), filename: 'function.json' },
    { name: 'both empty detaches', code: api('"VpcConfig": { "SubnetIds": [], "SecurityGroupIds": [] }'), filename: 'function.json' },
    { name: 'intrinsic list', code: cfn('VpcConfig:', '  SubnetIds: !Ref Subnets') },
    { name: 'SAM: groups from Globals', code: sam(['VpcConfig:', '  SecurityGroupIds: [sg-1]'], ['Handler: a.b', 'VpcConfig:', '  SubnetIds: [subnet-1]']) },
    { name: 'Terraform: both', code: tf('vpc_config {', '  subnet_ids         = ["subnet-1"]', '  security_group_ids = [aws_security_group.fn.id]', '}'), filename: 'main.tf' },
    { name: 'Terraform: subnets unknown', code: tf('vpc_config {', '  subnet_ids         = var.subnets', '  security_group_ids = []', '}'), filename: 'main.tf' },
  ],
  invalid: [
    {
      name: 'API JSON: no security groups',
      code: api('"VpcConfig": { "SubnetIds": ["subnet-1"] }'),
      filename: 'function.json',
      errors: [
        {
          messageId: 'missing',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 14,
          severity: 'error',
          message: 'VpcConfig sets SubnetIds but no SecurityGroupIds; Lambda needs both to attach the function to a VPC and rejects the configuration. Add SecurityGroupIds (or remove both to run outside the VPC).',
        },
      ],
    },
    {
      name: 'CloudFormation: no subnets',
      code: cfn('VpcConfig:', '  SecurityGroupIds: [sg-1]'),
      errors: [{ messageId: 'missing', line: 6, column: 7, endLine: 6, endColumn: 16, message: /sets SecurityGroupIds but no SubnetIds/ }],
    },
    {
      name: 'SAM Globals',
      code: sam(['VpcConfig:', '  SubnetIds: [subnet-1]'], ['Handler: a.b']),
      errors: [{ messageId: 'missing', line: 4, column: 5, endLine: 4, endColumn: 14 }],
    },
    {
      name: 'serverless provider',
      code: sls(['vpc:', '  subnetIds: [subnet-1]'], ['handler: a.b']),
      filename: 'serverless.yml',
      errors: [{ messageId: 'missing', line: 4, column: 3, endLine: 4, endColumn: 6, message: /^vpc sets subnetIds but no securityGroupIds/ }],
    },
    {
      name: 'Terraform: no security groups',
      code: tf('vpc_config {', '  subnet_ids         = ["subnet-1"]', '  security_group_ids = []', '}'),
      filename: 'main.tf',
      errors: [
        {
          messageId: 'missing',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 13,
          message: 'vpc_config sets subnet_ids but no security_group_ids; Lambda needs both to attach the function to a VPC and rejects the configuration. Add security_group_ids (or remove both to run outside the VPC).',
        },
      ],
    },
  ],
});
