import rule from '../../../../server/src/core/rules/batch/fargate-valid-vcpu-memory';
import { runRuleTests } from '../../../helpers/ruleTester';
import { api, fargateApi, fargateCfn, req, reqYaml, fargateTf, reqHcl, tfHeredoc } from './shapes';

/** container_properties as JSON in a quoted HCL string, its quotes escaped. */
const quotedJson = (memory: string) => `resource "aws_batch_job_definition" "job" {
  name = "job"
  type = "container"
  platform_capabilities = ["FARGATE"]
  container_properties = "{\\"image\\":\\"busybox:1\\",\\"executionRoleArn\\":\\"x\\",\\"resourceRequirements\\":[{\\"type\\":\\"VCPU\\",\\"value\\":\\"0.25\\"},{\\"type\\":\\"MEMORY\\",\\"value\\":\\"${memory}\\"}]}"
}
`;

runRuleTests(rule, {
  valid: [
    { name: 'quarter vCPU', code: fargateApi([req('0.25', '512')]), filename: 'job.json' },
    { name: '16 vCPU, 120 GB', code: fargateApi([req('16', '122880')]), filename: 'job.json' },
    { name: '32 vCPU, 244 GB', code: fargateApi([req('32', '249856')]), filename: 'job.json' },
    { name: 'CloudFormation 32 vCPU, 60 GB', code: fargateCfn(reqYaml('32', '61440')) },
    { name: 'EC2 has no Fargate table', code: api(['"platformCapabilities": ["EC2"]'], [req('3', '5000')]), filename: 'job.json' },
    { name: 'CloudFormation', code: fargateCfn(reqYaml('2', '4096')) },
    { name: 'Terraform jsonencode', code: fargateTf([reqHcl('1', '2048')]), filename: 'main.tf' },
    {
      name: 'Terraform: a variable without a value is unknown',
      code: fargateTf(['resourceRequirements = [{ type = "VCPU", value = "0.25" }, { type = "MEMORY", value = var.memory }]']),
      filename: 'main.tf',
      workspace: [{ filename: 'variables.tf', code: 'variable "memory" {}\n' }],
    },
  ],
  invalid: [
    {
      name: 'API JSON: memory not offered',
      code: fargateApi([req('1', '1024')]),
      filename: 'job.json',
      errors: [
        {
          messageId: 'invalidCombination',
          line: 7,
          column: 93,
          endLine: 7,
          endColumn: 99,
          severity: 'error',
          message:
            'Fargate does not offer 1024 MiB of memory with 1 vCPU, so RegisterJobDefinition rejects this job definition. With 1 vCPU, MEMORY must be 2048–8192 MiB in steps of 1024; the nearest is 2048 MiB.',
        },
      ],
      output: fargateApi([req('1', '2048')]),
    },
    {
      name: 'API JSON: vCPU not offered',
      code: fargateApi([req('3', '8192')]),
      filename: 'job.json',
      errors: [{ messageId: 'invalidVcpu', line: 7, column: 57, endLine: 7, endColumn: 60, message: 'Fargate does not offer 3 vCPU, so RegisterJobDefinition rejects this job definition. Use one of 0.25, 0.5, 1, 2, 4, 8, 16, 32.' }],
    },
    {
      name: 'API JSON: 32 vCPU takes three memory sizes only',
      code: fargateApi([req('32', '131072')]),
      filename: 'job.json',
      errors: [{ messageId: 'invalidCombination', line: 7, column: 94, endLine: 7, endColumn: 102, message: /With 32 vCPU, MEMORY must be 61440, 122880, 249856 MiB; the nearest is 122880 MiB\./ }],
      output: fargateApi([req('32', '122880')]),
    },
    {
      name: 'CloudFormation: 32 vCPU with 64 GB',
      code: fargateCfn(reqYaml('32', '65536')),
      errors: [{ messageId: 'invalidCombination', line: 11, column: 36, endLine: 11, endColumn: 43 }],
      output: fargateCfn(reqYaml('32', '61440')),
    },
    {
      name: 'CloudFormation',
      code: fargateCfn(reqYaml('0.25', '4096')),
      errors: [{ messageId: 'invalidCombination', line: 11, column: 36, endLine: 11, endColumn: 42 }],
      output: fargateCfn(reqYaml('0.25', '2048')),
    },
    {
      name: 'Terraform jsonencode: memory not offered',
      code: fargateTf([reqHcl('0.25', '4096')]),
      filename: 'main.tf',
      errors: [{ messageId: 'invalidCombination', line: 7, column: 91, endLine: 7, endColumn: 97, message: /^Fargate does not offer 4096 MiB of memory with 0\.25 vCPU/ }],
      output: fargateTf([reqHcl('0.25', '2048')]),
    },
    {
      name: 'Terraform heredoc: memory not offered',
      code: tfHeredoc(['platform_capabilities = ["FARGATE"]'], [req('0.25', '4096')]),
      filename: 'main.tf',
      errors: [{ messageId: 'invalidCombination', line: 8, column: 96, endLine: 8, endColumn: 102 }],
      output: tfHeredoc(['platform_capabilities = ["FARGATE"]'], [req('0.25', '2048')]),
    },
    {
      name: 'Terraform: vCPU not offered',
      code: fargateTf([reqHcl('3', '8192')]),
      filename: 'main.tf',
      errors: [{ messageId: 'invalidVcpu', line: 7, column: 54, endLine: 7, endColumn: 57 }],
    },
    {
      name: 'Terraform: memory from a variable default is reported at its use, without a fix',
      code: fargateTf(['resourceRequirements = [{ type = "VCPU", value = "0.25" }, { type = "MEMORY", value = var.memory }]']),
      filename: 'main.tf',
      workspace: [{ filename: 'variables.tf', code: 'variable "memory" {\n  default = "4096"\n}\n' }],
      errors: [{ messageId: 'invalidCombination', line: 7, column: 91, endLine: 7, endColumn: 101, related: [{ line: 2, column: 13, filename: 'variables.tf' }] }],
      noFix: true,
    },
    {
      name: 'Terraform: JSON in a quoted string keeps its escaped quotes in the fix',
      code: quotedJson('4096'),
      filename: 'main.tf',
      errors: [{ messageId: 'invalidCombination', line: 5, column: 175, endLine: 5, endColumn: 183 }],
      output: quotedJson('2048'),
    },
  ],
});
