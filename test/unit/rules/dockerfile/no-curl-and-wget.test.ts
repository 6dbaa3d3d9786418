import rule from '../../../../server/src/core/rules/dockerfile/no-curl-and-wget';
import { runRuleTests } from '../../../helpers/ruleTester';

const filename = 'Dockerfile';

runRuleTests(rule, {
  valid: [
    { name: 'curl only', filename, code: 'FROM debian:12\nRUN curl -O a && curl -O b\n' },
    { name: 'wget in a build stage', filename, code: 'FROM debian:12 AS dl\nRUN wget a\nFROM debian:12\nRUN curl -O b\n' },
  ],
  invalid: [
    {
      name: 'both',
      filename,
      code: 'FROM debian:12\nRUN curl -fsSLO a\nRUN wget -q b && wget -q c\n',
      errors: [{ messageId: 'both', line: 3, column: 5, endLine: 3, endColumn: 9, severity: 'info', message: 'The final image uses both wget and curl; each is another package, with its own dependencies and security updates. Use one download tool, e.g. only curl.', related: [{ line: 2, column: 5 }] }],
    },
  ],
});
