import rule from '../../../../server/src/core/rules/dockerfile/require-apk-pin';
import { runRuleTests } from '../../../helpers/ruleTester';

const filename = 'Dockerfile';
const settings = { rules: { 'dockerfile/require-apk-pin': 'info' as const } };

runRuleTests(rule, {
  valid: [
    { name: 'off by default', filename, code: 'FROM alpine:3\nRUN apk add curl\n' },
    { name: 'pinned, and the --virtual name', filename, settings, code: 'FROM alpine:3\nRUN apk add --no-cache --virtual .deps curl=8.9.1-r0 git~2.45\n' },
  ],
  invalid: [
    {
      name: 'unpinned',
      filename,
      settings,
      code: 'FROM alpine:3\nRUN apk add --no-cache curl\n',
      errors: [{ messageId: 'unpinned', line: 2, column: 24, endLine: 2, endColumn: 28, severity: 'info' }],
    },
  ],
});
