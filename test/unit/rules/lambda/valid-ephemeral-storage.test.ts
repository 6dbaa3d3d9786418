import rule from '../../../../server/src/core/rules/lambda/valid-ephemeral-storage';
import { runRuleTests } from '../../../helpers/ruleTester';
import { api, cfn, sam, sls, tf } from './shapes';

runRuleTests(rule, {
  valid: [
    { name: 'API default size', code: api('"EphemeralStorage": { "Size": 512 }'), filename: 'function.json' },
    { name: 'CloudFormation max', code: cfn('EphemeralStorage:', '  Size: 10240') },
    { name: 'serverless', code: sls([], ['handler: a.b', 'ephemeralStorageSize: 2048']), filename: 'serverless.yml' },
    { name: 'Terraform', code: tf('ephemeral_storage {', '  size = 10240', '}'), filename: 'main.tf' },
  ],
  invalid: [
    {
      name: 'API JSON below the minimum',
      code: api('"EphemeralStorage": { "Size": 256 }'),
      filename: 'function.json',
      errors: [
        {
          messageId: 'outOfRange',
          line: 4,
          column: 33,
          endLine: 4,
          endColumn: 36,
          severity: 'error',
          message: 'Size 256 MB of /tmp is outside what Lambda allows (512–10240 MB), so the deployment is rejected. Use a value from 512 to 10240; the nearest is 512.',
        },
      ],
      output: api('"EphemeralStorage": { "Size": 512 }'),
    },
    {
      name: 'CloudFormation above the maximum',
      code: cfn('EphemeralStorage:', '  Size: 20480'),
      errors: [{ messageId: 'outOfRange', line: 7, column: 15, endLine: 7, endColumn: 20 }],
      output: cfn('EphemeralStorage:', '  Size: 10240'),
    },
    {
      name: 'SAM Globals',
      code: sam(['EphemeralStorage: { Size: 100 }'], ['Handler: app.handler']),
      errors: [{ messageId: 'outOfRange', line: 4, column: 31, endLine: 4, endColumn: 34 }],
      output: sam(['EphemeralStorage: { Size: 512 }'], ['Handler: app.handler']),
    },
    {
      name: 'serverless',
      code: sls([], ['handler: a.b', 'ephemeralStorageSize: 20000']),
      filename: 'serverless.yml',
      errors: [{ messageId: 'outOfRange', line: 8, column: 27, endLine: 8, endColumn: 32, message: /^ephemeralStorageSize 20000 MB/ }],
      output: sls([], ['handler: a.b', 'ephemeralStorageSize: 10240']),
    },
    {
      name: 'Terraform: the message names size',
      code: tf('ephemeral_storage {', '  size = 20480', '}'),
      filename: 'main.tf',
      errors: [{ messageId: 'outOfRange', line: 5, column: 12, endLine: 5, endColumn: 17, message: /^size 20480 MB of \/tmp is outside what Lambda allows/ }],
      output: tf('ephemeral_storage {', '  size = 10240', '}'),
    },
  ],
});
