import rule from '../../../../server/src/core/rules/batch/no-legacy-vcpus-memory';
import { runRuleTests } from '../../../helpers/ruleTester';
import { api, cfn, fargateApi, req, tf, tfHeredoc, reqHcl } from './shapes';

runRuleTests(rule, {
  valid: [
    { name: 'resourceRequirements', code: api([], [req('2', '4096')]), filename: 'job.json' },
    { name: 'Fargate is left to no-fargate-unsupported-settings', code: fargateApi(['"vcpus": 1']), filename: 'job.json' },
    { name: 'Terraform: resourceRequirements', code: tf([], [reqHcl('2', '4096')]), filename: 'main.tf' },
  ],
  invalid: [
    {
      name: 'API JSON: both fields become resourceRequirements',
      code: api([], ['"vcpus": 2', '"memory": 4096', '"command": ["run"]']),
      filename: 'job.json',
      errors: [
        {
          messageId: 'deprecated',
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 12,
          severity: 'warning',
          message: 'vcpus is deprecated in AWS Batch job definitions. It still works on EC2, but new features read resourceRequirements; set VCPU there instead.',
        },
        { messageId: 'deprecated', line: 8, column: 5, endLine: 8, endColumn: 13 },
      ],
      output: api([], ['"resourceRequirements": [{ "type": "VCPU", "value": "2" }, { "type": "MEMORY", "value": "4096" }]', '"command": ["run"]']),
    },
    {
      name: 'CloudFormation block YAML',
      code: cfn([], ['Memory: 4096', 'Vcpus: 2', 'Command: [run]']),
      errors: [
        { messageId: 'deprecated', line: 8, column: 9, endLine: 8, endColumn: 15, message: /^Memory is deprecated/ },
        { messageId: 'deprecated', line: 9, column: 9, endLine: 9, endColumn: 14 },
      ],
      output: cfn([], ['ResourceRequirements:', '  - Type: VCPU', '    Value: "2"', '  - Type: MEMORY', '    Value: "4096"', 'Command: [run]']),
    },
    {
      name: 'no fix when resourceRequirements already exists',
      code: api([], ['"vcpus": 2', '"resourceRequirements": [{ "type": "MEMORY", "value": "4096" }]']),
      filename: 'job.json',
      errors: [{ messageId: 'deprecated', line: 7, column: 5, endLine: 7, endColumn: 12 }],
    },
    {
      name: 'Terraform jsonencode: the fix writes HCL',
      code: tf([], ['vcpus = 2', 'memory = 4096', 'command = ["run"]']),
      filename: 'main.tf',
      errors: [
        { messageId: 'deprecated', line: 6, column: 5, endLine: 6, endColumn: 10 },
        { messageId: 'deprecated', line: 7, column: 5, endLine: 7, endColumn: 11 },
      ],
      output: tf([], ['resourceRequirements = [{ type = "VCPU", value = "2" }, { type = "MEMORY", value = "4096" }]', 'command = ["run"]']),
    },
    {
      name: 'Terraform heredoc: the fix writes JSON',
      code: tfHeredoc([], ['"vcpus": 2', '"memory": 4096']),
      filename: 'main.tf',
      errors: [
        { messageId: 'deprecated', line: 7, column: 5, endLine: 7, endColumn: 12 },
        { messageId: 'deprecated', line: 8, column: 5, endLine: 8, endColumn: 13 },
      ],
      output: tfHeredoc([], ['"resourceRequirements": [{ "type": "VCPU", "value": "2" }, { "type": "MEMORY", "value": "4096" }]']),
    },
    {
      name: 'Terraform: JSON in a quoted string gets no fix (its quotes are escaped)',
      code: 'resource "aws_batch_job_definition" "job" {\n  name = "etl"\n  type = "container"\n  container_properties = "{\\"image\\": \\"busybox:1.36\\", \\"vcpus\\": 2}"\n}\n',
      filename: 'main.tf',
      errors: [{ messageId: 'deprecated', line: 4, column: 57, endLine: 4, endColumn: 66 }],
      noFix: true,
    },
    {
      name: 'Terraform: a value from a variable default gets no fix',
      code: tf([], ['vcpus = var.vcpus']),
      filename: 'main.tf',
      workspace: [{ filename: 'variables.tf', code: 'variable "vcpus" {\n  default = 2\n}\n' }],
      errors: [{ messageId: 'deprecated', line: 6, column: 5, endLine: 6, endColumn: 10 }],
      noFix: true,
    },
  ],
});
