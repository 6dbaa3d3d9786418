import rule from '../../../../server/src/core/rules/batch/no-fargate-unsupported-settings';
import { runRuleTests } from '../../../helpers/ruleTester';
import { api, fargateApi, fargateCfn, req, fargateTf, reqHcl } from './shapes';

runRuleTests(rule, {
  valid: [
    { name: 'resourceRequirements on Fargate', code: fargateApi([req('1', '2048')]), filename: 'job.json' },
    { name: 'GPU on EC2', code: api([], ['"resourceRequirements": [{ "type": "GPU", "value": "1" }]', '"vcpus": 2']), filename: 'job.json' },
    { name: 'Terraform: resourceRequirements on Fargate', code: fargateTf([reqHcl('1', '2048')]), filename: 'main.tf' },
  ],
  invalid: [
    {
      name: 'API JSON: GPU',
      code: fargateApi(['"resourceRequirements": [{ "type": "GPU", "value": "1" }]']),
      filename: 'job.json',
      errors: [
        {
          messageId: 'gpu',
          line: 7,
          column: 40,
          endLine: 7,
          endColumn: 45,
          severity: 'error',
          message: 'Fargate has no GPUs, so a GPU resource requirement makes this job definition invalid on Fargate. Run GPU jobs on an EC2 compute environment (platformCapabilities EC2).',
        },
      ],
    },
    {
      name: 'API JSON: legacy fields',
      code: fargateApi(['"vcpus": 1', '"memory": 2048']),
      filename: 'job.json',
      errors: [
        { messageId: 'legacyField', line: 7, column: 5, endLine: 7, endColumn: 12, message: /^"?vcpus is not supported on Fargate/ },
        { messageId: 'legacyField', line: 8, column: 5, endLine: 8, endColumn: 13 },
      ],
    },
    {
      name: 'CloudFormation multinode',
      code: fargateCfn([]).replace('Type: container', 'Type: multinode'),
      errors: [
        {
          messageId: 'multinode',
          line: 5,
          column: 13,
          endLine: 5,
          endColumn: 22,
          message: 'Multi-node parallel jobs do not run on Fargate. Use platformCapabilities EC2 for type multinode, or make this a container job.',
        },
      ],
    },
    {
      name: 'Terraform: GPU on Fargate',
      code: fargateTf(['resourceRequirements = [{ type = "GPU", value = "1" }]']),
      filename: 'main.tf',
      errors: [{ messageId: 'gpu', line: 7, column: 38, endLine: 7, endColumn: 43 }],
    },
    {
      name: 'Terraform: multinode on Fargate',
      code: fargateTf([]).replace('type = "container"', 'type = "multinode"'),
      filename: 'main.tf',
      errors: [{ messageId: 'multinode', line: 3, column: 10, endLine: 3, endColumn: 21 }],
    },
    {
      name: 'Terraform: legacy vcpus inside jsonencode',
      code: fargateTf(['vcpus = 1']),
      filename: 'main.tf',
      errors: [{ messageId: 'legacyField', line: 7, column: 5, endLine: 7, endColumn: 10, message: /^vcpus is not supported on Fargate/ }],
    },
  ],
});
