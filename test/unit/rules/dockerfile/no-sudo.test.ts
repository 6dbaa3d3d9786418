import rule from '../../../../server/src/core/rules/dockerfile/no-sudo';
import { runRuleTests } from '../../../helpers/ruleTester';

const filename = 'Dockerfile';

runRuleTests(rule, {
  valid: [{ name: 'no sudo', filename, code: 'FROM debian:12\nRUN apt-get update\nRUN echo sudo\n' }],
  invalid: [
    {
      name: 'sudo',
      filename,
      code: 'FROM debian:12\nRUN echo hi && sudo -u app make\n',
      errors: [{ messageId: 'sudo', line: 2, column: 16, endLine: 2, endColumn: 20, severity: 'warning' }],
    },
  ],
});
