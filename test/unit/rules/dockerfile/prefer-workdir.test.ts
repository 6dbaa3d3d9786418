import rule from '../../../../server/src/core/rules/dockerfile/prefer-workdir';
import { runRuleTests } from '../../../helpers/ruleTester';

const filename = 'Dockerfile';

runRuleTests(rule, {
  valid: [
    { name: 'WORKDIR', filename, code: 'FROM node:20\nWORKDIR /app\nRUN npm ci\n' },
    { name: 'subshell', filename, code: 'FROM node:20\nRUN (cd /tmp && make)\n' },
  ],
  invalid: [
    {
      name: 'cd',
      filename,
      code: 'FROM node:20\nRUN cd /app && npm ci\n',
      errors: [{ messageId: 'cd', line: 2, column: 5, endLine: 2, endColumn: 7, severity: 'info', message: /Use WORKDIR \/app before this RUN\./ }],
    },
  ],
});
