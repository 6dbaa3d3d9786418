import rule from '../../../../server/src/core/rules/lambda/valid-memory-size';
import { runRuleTests } from '../../../helpers/ruleTester';
import { api, cfn, sam, sls, tf, tfVariable } from './shapes';

const CP = 'arn:aws:lambda:eu-west-1:123456789012:capacity-provider:main';
const apiLmi = (memory: string) => api(`"MemorySize": ${memory}`, `"CapacityProviderConfig": { "LambdaManagedInstancesCapacityProviderConfig": { "CapacityProviderArn": "${CP}" } }`);
const cfnLmi = (memory: string) => cfn(`MemorySize: ${memory}`, 'CapacityProviderConfig:', '  LambdaManagedInstancesCapacityProviderConfig:', `    CapacityProviderArn: ${CP}`);

runRuleTests(rule, {
  valid: [
    { name: 'API bounds', code: api('"MemorySize": 128'), filename: 'function.json' },
    { name: 'CloudFormation max', code: cfn('Runtime: python3.13', 'MemorySize: 10240') },
    { name: 'intrinsic is skipped', code: cfn('MemorySize: !Ref Memory') },
    { name: 'serverless', code: sls(['memorySize: 1024'], ['handler: a.b']), filename: 'serverless.yml' },
    { name: 'Lambda Managed Instances: 32 GB (API JSON)', code: apiLmi('32768'), filename: 'function.json' },
    { name: 'Lambda Managed Instances: 16 GB (CloudFormation)', code: cfnLmi('16384') },
    { name: 'Lambda Managed Instances: SAM Globals give the capacity provider', code: sam([`CapacityProviderConfig: { Arn: ${CP} }`], ['MemorySize: 20480']) },
    { name: 'compute type unknown (intrinsic): 20 GB may be right', code: cfn('MemorySize: 20480', 'CapacityProviderConfig: !If [UseLmi, { LambdaManagedInstancesCapacityProviderConfig: { CapacityProviderArn: x } }, !Ref AWS::NoValue]') },
    { name: 'Terraform', code: tf('memory_size = 1024'), filename: 'main.tf' },
    { name: 'Terraform: Lambda Managed Instances, 32 GB', code: tf('memory_size = 32768', 'capacity_provider_config {', '  lambda_managed_instances_capacity_provider_config {', `    capacity_provider_arn = "${CP}"`, '  }', '}'), filename: 'main.tf' },
    { name: 'Terraform: a dynamic capacity_provider_config makes the compute type unknown', code: tf('memory_size = 20480', 'dynamic "capacity_provider_config" {', '  for_each = var.use_lmi ? [1] : []', '  content {', '    lambda_managed_instances_capacity_provider_config {', '      capacity_provider_arn = var.cp', '    }', '  }', '}'), filename: 'main.tf' },
    { name: 'Terraform: a variable without a value', code: tf('memory_size = var.memory'), filename: 'main.tf', workspace: [{ filename: 'variables.tf', code: 'variable "memory" {\n  type = number\n}\n' }] },
  ],
  invalid: [
    {
      name: 'API JSON above the maximum',
      code: api('"MemorySize": 20000'),
      filename: 'function.json',
      errors: [
        {
          messageId: 'outOfRange',
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 22,
          severity: 'error',
          message: 'MemorySize 20000 MB is outside what Lambda allows (128–10240 MB), so the deployment is rejected. Use a value from 128 to 10240; the nearest is 10240.',
        },
      ],
      output: api('"MemorySize": 10240'),
    },
    {
      name: 'CloudFormation below the minimum',
      code: cfn('MemorySize: 64'),
      errors: [{ messageId: 'outOfRange', line: 6, column: 19, endLine: 6, endColumn: 21 }],
      output: cfn('MemorySize: 128'),
    },
    {
      name: 'SAM: the finding lands in Globals',
      code: sam(['MemorySize: 64'], ['Handler: app.handler']),
      errors: [{ messageId: 'outOfRange', line: 4, column: 17, endLine: 4, endColumn: 19 }],
      output: sam(['MemorySize: 128'], ['Handler: app.handler']),
    },
    {
      name: 'Lambda Managed Instances: below the 2 GB minimum (API JSON)',
      code: apiLmi('1024'),
      filename: 'function.json',
      errors: [
        {
          messageId: 'outOfRange',
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 21,
          message: 'MemorySize 1024 MB is outside what Lambda Managed Instances allows (2048–32768 MB), so the deployment is rejected. Use a value from 2048 to 32768; the nearest is 2048.',
        },
      ],
      output: apiLmi('2048'),
    },
    {
      name: 'Lambda Managed Instances: above 32 GB (CloudFormation)',
      code: cfnLmi('40000'),
      errors: [{ messageId: 'outOfRange', line: 6, column: 19, endLine: 6, endColumn: 24, message: /outside what Lambda Managed Instances allows \(2048–32768 MB\)/ }],
      output: cfnLmi('32768'),
    },
    {
      name: 'compute type unknown: over every limit',
      code: cfn('MemorySize: 40000', 'CapacityProviderConfig: !Ref Cp'),
      errors: [{ messageId: 'outOfRange', line: 6, column: 19, endLine: 6, endColumn: 24, message: /outside what Lambda allows \(128–32768 MB\)/ }],
      output: cfn('MemorySize: 32768', 'CapacityProviderConfig: !Ref Cp'),
    },
    {
      name: 'serverless provider default',
      code: sls(['memorySize: 16384'], ['handler: a.b']),
      filename: 'serverless.yml',
      errors: [{ messageId: 'outOfRange', line: 4, column: 15, endLine: 4, endColumn: 20, message: /^memorySize 16384 MB/ }],
      output: sls(['memorySize: 10240'], ['handler: a.b']),
    },
    {
      name: 'Terraform: above the maximum',
      code: tf('memory_size = 20000'),
      filename: 'main.tf',
      errors: [
        {
          messageId: 'outOfRange',
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 22,
          message: 'memory_size 20000 MB is outside what Lambda allows (128–10240 MB), so the deployment is rejected. Use a value from 128 to 10240; the nearest is 10240.',
        },
      ],
      output: tf('memory_size = 10240'),
    },
    {
      name: 'Terraform: Lambda Managed Instances below 2 GB',
      code: tf('memory_size = 1024', 'capacity_provider_config {', '  lambda_managed_instances_capacity_provider_config {', `    capacity_provider_arn = "${CP}"`, '  }', '}'),
      filename: 'main.tf',
      errors: [{ messageId: 'outOfRange', line: 4, column: 17, endLine: 4, endColumn: 21, message: /outside what Lambda Managed Instances allows \(2048–32768 MB\)/ }],
      output: tf('memory_size = 2048', 'capacity_provider_config {', '  lambda_managed_instances_capacity_provider_config {', `    capacity_provider_arn = "${CP}"`, '  }', '}'),
    },
    {
      name: 'Terraform: set in terraform.tfvars, reported at its use without a fix',
      code: tf('memory_size = var.memory'),
      filename: 'main.tf',
      workspace: [
        { filename: 'variables.tf', code: tfVariable('memory', '1024') },
        { filename: 'terraform.tfvars', code: 'memory = 20000\n' },
      ],
      errors: [{ messageId: 'outOfRange', line: 4, column: 17, endLine: 4, endColumn: 27, related: [{ line: 1, column: 10, filename: 'terraform.tfvars' }] }],
      noFix: true,
    },
  ],
});
