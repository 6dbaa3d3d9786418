import rule from '../../../../server/src/core/rules/dockerfile/valid-expose-port';
import { runRuleTests } from '../../../helpers/ruleTester';

const filename = 'Dockerfile';

runRuleTests(rule, {
  valid: [{ name: 'ports, protocols, ranges, variables', filename, code: 'FROM alpine:3\nEXPOSE 80 53/udp 8000-8010 65535 ${PORT}\n' }],
  invalid: [
    {
      name: 'port too large',
      filename,
      code: 'FROM alpine:3\nEXPOSE 80 80800/tcp\n',
      errors: [{ messageId: 'outOfRange', line: 2, column: 11, endLine: 2, endColumn: 16, severity: 'error', message: /^Port 80800 is outside 0–65535/ }],
    },
    {
      name: 'end of a range',
      filename,
      code: 'FROM alpine:3\nEXPOSE 65000-70000\n',
      errors: [{ messageId: 'outOfRange', line: 2, column: 14, endLine: 2, endColumn: 19 }],
    },
  ],
});
