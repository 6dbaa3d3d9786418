import rule from '../../../../server/src/core/rules/batch/no-legacy-vcpus-memory';
import { runRuleTests } from '../../../helpers/ruleTester';
import { api, cfn, fargateApi, req } from './shapes';

runRuleTests(rule, {
  valid: [
    { name: 'resourceRequirements', code: api([], [req('2', '4096')]), filename: 'job.json' },
    { name: 'Fargate is left to no-fargate-unsupported-settings', code: fargateApi(['"vcpus": 1']), filename: 'job.json' },
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
  ],
});
