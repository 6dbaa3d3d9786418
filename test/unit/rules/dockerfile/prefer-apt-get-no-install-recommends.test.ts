import rule from '../../../../server/src/core/rules/dockerfile/prefer-apt-get-no-install-recommends';
import { runRuleTests } from '../../../helpers/ruleTester';

const filename = 'Dockerfile';

runRuleTests(rule, {
  valid: [
    { name: 'flag given', filename, code: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n' },
    { name: 'APT option', filename, code: 'FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=false curl\n' },
    { name: 'build stage only', filename, code: 'FROM debian:12 AS b\nRUN apt-get install -y gcc\nFROM debian:12\n' },
  ],
  invalid: [
    {
      name: 'missing',
      filename,
      code: 'FROM debian:12\nRUN apt-get install -y curl\n',
      errors: [{ messageId: 'recommends', line: 2, column: 13, endLine: 2, endColumn: 20, severity: 'info' }],
    },
  ],
});
