import rule from '../../../../server/src/core/rules/dockerfile/prefer-apk-no-cache';
import { runRuleTests } from '../../../helpers/ruleTester';

const filename = 'Dockerfile';

runRuleTests(rule, {
  valid: [
    { name: 'flag', filename, code: 'FROM alpine:3\nRUN apk add --no-cache curl\n' },
    { name: 'cache removed', filename, code: 'FROM alpine:3\nRUN apk update && apk add curl && rm -rf /var/cache/apk/*\n' },
  ],
  invalid: [
    {
      name: 'missing, fixed',
      filename,
      code: 'FROM alpine:3\nRUN apk add --virtual .deps gcc\n',
      errors: [{ messageId: 'noCache', line: 2, column: 9, endLine: 2, endColumn: 12, severity: 'info' }],
      output: 'FROM alpine:3\nRUN apk add --no-cache --virtual .deps gcc\n',
    },
  ],
});
