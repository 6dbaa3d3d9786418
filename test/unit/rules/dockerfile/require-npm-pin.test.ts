import rule from '../../../../server/src/core/rules/dockerfile/require-npm-pin';
import { runRuleTests } from '../../../helpers/ruleTester';

const filename = 'Dockerfile';
const settings = { rules: { 'dockerfile/require-npm-pin': 'info' as const } };

runRuleTests(rule, {
  valid: [
    { name: 'off by default', filename, code: 'FROM node:20\nRUN npm install -g typescript\n' },
    { name: 'lock file install, pins, scoped pins, paths', filename, settings, code: 'FROM node:20\nRUN npm ci && npm install && npm i -g typescript@5.6.3 @aws-sdk/client-s3@3.600.0 ./local\n' },
  ],
  invalid: [
    {
      name: 'unpinned and @latest',
      filename,
      settings,
      code: 'FROM node:20\nRUN npm install -g pm2 @scope/tool@latest\n',
      errors: [
        { messageId: 'unpinned', line: 2, column: 20, endLine: 2, endColumn: 23 },
        { messageId: 'unpinned', line: 2, column: 24, endLine: 2, endColumn: 42 },
      ],
    },
  ],
});
