import rule from '../../../../server/src/core/rules/batch/no-privileged-container';
import { runRuleTests } from '../../../helpers/ruleTester';
import { api, cfn } from './shapes';

runRuleTests(rule, {
  valid: [
    { name: 'not privileged', code: api([], ['"privileged": false']), filename: 'job.json' },
    { name: 'CloudFormation intrinsic', code: cfn([], ['Privileged: !Ref P']) },
  ],
  invalid: [
    {
      name: 'API JSON',
      code: api([], ['"privileged": true']),
      filename: 'job.json',
      errors: [
        {
          messageId: 'privileged',
          line: 7,
          column: 19,
          endLine: 7,
          endColumn: 23,
          severity: 'warning',
          message:
            'privileged: true gives this container root access to the host instance, so a compromised job can take over the instance and other jobs on it. Remove it, and grant only the Linux capabilities the job needs (linuxParameters).',
        },
      ],
      output: api([], ['"privileged": false']),
    },
    {
      name: 'CloudFormation',
      code: cfn([], ['Privileged: true']),
      errors: [{ messageId: 'privileged', line: 8, column: 21, endLine: 8, endColumn: 25 }],
      output: cfn([], ['Privileged: false']),
    },
  ],
});
