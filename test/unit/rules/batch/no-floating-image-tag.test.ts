import rule from '../../../../server/src/core/rules/batch/no-floating-image-tag';
import { runRuleTests } from '../../../helpers/ruleTester';
import { api, cfn } from './shapes';

const withImage = (code: string, image: string) => code.replace('busybox:1.36', image);

runRuleTests(rule, {
  valid: [
    { name: 'version tag', code: api([], []), filename: 'job.json' },
    { name: 'digest', code: withImage(cfn([], []), 'busybox@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef') },
  ],
  invalid: [
    {
      name: 'API JSON :latest',
      code: withImage(api([], []), '123456789012.dkr.ecr.us-east-1.amazonaws.com/etl:latest'),
      filename: 'job.json',
      errors: [
        {
          messageId: 'latest',
          line: 6,
          column: 14,
          endLine: 6,
          endColumn: 71,
          severity: 'warning',
          message:
            'Image 123456789012.dkr.ecr.us-east-1.amazonaws.com/etl:latest uses the :latest tag, so each attempt may run different code and a retry may not reproduce a failure. Pin a version tag or a digest (@sha256:…).',
        },
      ],
    },
    {
      name: 'CloudFormation untagged',
      code: withImage(cfn([], []), 'busybox'),
      errors: [{ messageId: 'untagged', line: 7, column: 16, endLine: 7, endColumn: 23, message: /^Image busybox has no tag/ }],
    },
  ],
});
