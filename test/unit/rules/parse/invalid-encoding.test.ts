import rule from '../../../../server/src/core/rules/parse/invalid-encoding';
import { runRuleTests } from '../../../helpers/ruleTester';

runRuleTests(rule, {
  valid: [{ filename: 'Dockerfile', code: 'FROM alpine:3.20\n' }],
  invalid: [
    {
      name: 'NUL bytes in a task definition',
      code: '{"containerDefinitions": []}\u0000\u0001',
      errors: [{ messageId: 'binary', line: 1, column: 29, endLine: 1, endColumn: 30, severity: 'error', message: /binary data/ }],
    },
    {
      name: 'an empty Dockerfile',
      filename: 'Dockerfile',
      code: '',
      errors: [{ messageId: 'empty', line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'info' }],
    },
  ],
});
