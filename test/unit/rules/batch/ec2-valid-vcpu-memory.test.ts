import rule from '../../../../server/src/core/rules/batch/ec2-valid-vcpu-memory';
import { runRuleTests } from '../../../helpers/ruleTester';
import { api, cfn, fargateApi, req, reqHcl, reqYaml, tf } from './shapes';

const ec2Api = (container: string[]) => api(['"platformCapabilities": ["EC2"]'], container);

runRuleTests(rule, {
  valid: [
    { name: 'whole vCPUs on EC2', code: ec2Api([req('2', '4096')]), filename: 'job.json' },
    { name: 'no platformCapabilities: EC2, whole vCPUs', code: api([], [req('1', '4')]), filename: 'job.json' },
    { name: 'Fargate takes fractions (batch/fargate-valid-vcpu-memory judges them)', code: fargateApi([req('0.25', '512')]), filename: 'job.json' },
    { name: 'Managed Instances are not judged', code: api(['"platformCapabilities": ["MANAGED_INSTANCES"]'], [req('0.5', '2')]), filename: 'job.json' },
    { name: 'not a number: schema/valid-number-format reports it', code: ec2Api([req('two', '2048')]), filename: 'job.json' },
    {
      name: 'Terraform: platform from a variable is unknown',
      code: tf(['platform_capabilities = var.platforms'], [reqHcl('0.5', '2048')]),
      filename: 'main.tf',
      workspace: [{ filename: 'variables.tf', code: 'variable "platforms" {}\n' }],
    },
  ],
  invalid: [
    {
      name: 'API JSON: a fraction on EC2',
      code: ec2Api([req('0.5', '2048')]),
      filename: 'job.json',
      errors: [
        {
          messageId: 'invalidVcpu',
          line: 7,
          column: 57,
          endLine: 7,
          endColumn: 62,
          severity: 'error',
          message: 'A Batch job on EC2 reserves whole vCPUs, at least 1, so RegisterJobDefinition rejects VCPU "0.5". Write "1" (fractions such as 0.25 are for Fargate only).',
        },
      ],
      output: ec2Api([req('1', '2048')]),
    },
    {
      name: 'API JSON: "1.0" is rejected as written (kestra-io/plugin-aws#504); no platformCapabilities means EC2',
      code: api([], [req('1.0', '2048')]),
      filename: 'job.json',
      errors: [{ messageId: 'invalidVcpu', line: 7, column: 57, endLine: 7, endColumn: 62 }],
      output: api([], [req('1', '2048')]),
    },
    {
      name: 'API JSON: memory below 4 MiB',
      code: ec2Api([req('1', '2')]),
      filename: 'job.json',
      errors: [{ messageId: 'memoryTooSmall', line: 7, column: 93, endLine: 7, endColumn: 96, message: 'A Batch job needs at least 4 MiB of MEMORY, so RegisterJobDefinition rejects 2.' }],
    },
    {
      name: 'CloudFormation',
      code: cfn(['PlatformCapabilities: [EC2]'], reqYaml('2.5', '2048')),
      errors: [{ messageId: 'invalidVcpu', line: 10, column: 34, endLine: 10, endColumn: 39 }],
      output: cfn(['PlatformCapabilities: [EC2]'], reqYaml('3', '2048')),
    },
    {
      name: 'Terraform jsonencode',
      code: tf(['platform_capabilities = ["EC2"]'], [reqHcl('0.25', '2048')]),
      filename: 'main.tf',
      errors: [{ messageId: 'invalidVcpu', line: 7, column: 54, endLine: 7, endColumn: 60 }],
      output: tf(['platform_capabilities = ["EC2"]'], [reqHcl('1', '2048')]),
    },
  ],
});
