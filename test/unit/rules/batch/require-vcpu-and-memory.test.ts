import rule from '../../../../server/src/core/rules/batch/require-vcpu-and-memory';
import { runRuleTests } from '../../../helpers/ruleTester';
import { api, cfn, req, reqYaml, tf, reqHcl } from './shapes';

runRuleTests(rule, {
  valid: [
    { name: 'resourceRequirements', code: api([], [req('1', '2048')]), filename: 'job.json' },
    { name: 'legacy fields count', code: api([], ['"vcpus": 1', '"memory": 2048']), filename: 'job.json' },
    { name: 'CloudFormation', code: cfn([], reqYaml('1', '2048')) },
    { name: 'Terraform', code: tf([], [reqHcl('1', '2048')]), filename: 'main.tf' },
    { name: 'Terraform: container_properties unknown', code: 'resource "aws_batch_job_definition" "job" {\n  name = "etl"\n  type = "container"\n  container_properties = data.template_file.job.rendered\n}\n', filename: 'main.tf' },
  ],
  invalid: [
    {
      name: 'API JSON: neither',
      code: api([], []),
      filename: 'job.json',
      errors: [
        {
          messageId: 'missing',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 24,
          severity: 'warning',
          message:
            'This container sets no VCPU. AWS Batch needs VCPU for every job: unless every SubmitJob supplies it as an override, the job cannot be scheduled. Add a resourceRequirements entry with type VCPU.',
        },
        { messageId: 'missing', line: 5, column: 3, endLine: 5, endColumn: 24, message: /sets no MEMORY/ },
      ],
    },
    {
      name: 'CloudFormation: memory missing',
      code: cfn([], ['ResourceRequirements:', '  - { Type: VCPU, Value: "1" }']),
      errors: [{ messageId: 'missing', line: 6, column: 7, endLine: 6, endColumn: 26, message: /sets no MEMORY/ }],
    },
    {
      name: 'Terraform: neither VCPU nor MEMORY',
      code: tf([], []),
      filename: 'main.tf',
      errors: [
        { messageId: 'missing', line: 4, column: 3, endLine: 4, endColumn: 23, message: /sets no VCPU/ },
        { messageId: 'missing', line: 4, column: 3, endLine: 4, endColumn: 23, message: /sets no MEMORY/ },
      ],
    },
  ],
});
