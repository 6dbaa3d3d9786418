import rule from '../../../../server/src/core/rules/lambda/valid-memory-size';
import { runRuleTests } from '../../../helpers/ruleTester';
import { api, cfn, sam, sls } from './shapes';

runRuleTests(rule, {
  valid: [
    { name: 'API bounds', code: api('"MemorySize": 128'), filename: 'function.json' },
    { name: 'CloudFormation max', code: cfn('Runtime: python3.13', 'MemorySize: 10240') },
    { name: 'intrinsic is skipped', code: cfn('MemorySize: !Ref Memory') },
    { name: 'serverless', code: sls(['memorySize: 1024'], ['handler: a.b']), filename: 'serverless.yml' },
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
      name: 'serverless provider default',
      code: sls(['memorySize: 16384'], ['handler: a.b']),
      filename: 'serverless.yml',
      errors: [{ messageId: 'outOfRange', line: 4, column: 15, endLine: 4, endColumn: 20, message: /^memorySize 16384 MB/ }],
      output: sls(['memorySize: 10240'], ['handler: a.b']),
    },
  ],
});
