import rule from '../../../../server/src/core/rules/dockerfile/no-apt';
import { runRuleTests } from '../../../helpers/ruleTester';

const filename = 'Dockerfile';

runRuleTests(rule, {
  valid: [{ name: 'apt-get', filename, code: 'FROM debian:12\nRUN apt-get update\n' }],
  invalid: [
    {
      name: 'apt install, fixed',
      filename,
      code: 'FROM debian:12\nRUN apt update && apt install -y curl\n',
      errors: [
        { messageId: 'useAptGet', line: 2, column: 5, endLine: 2, endColumn: 8, severity: 'warning' },
        { messageId: 'useAptGet', line: 2, column: 19, endLine: 2, endColumn: 22 },
      ],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
    },
    {
      name: 'apt list has no apt-get equivalent: no fix',
      filename,
      code: 'FROM debian:12\nRUN apt list --installed\n',
      errors: [{ messageId: 'useAptGet', line: 2, column: 5, endLine: 2, endColumn: 8 }],
    },
  ],
});
