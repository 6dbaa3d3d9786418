import rule from '../../../../server/src/core/rules/dockerfile/require-apt-lists-cleanup';
import { runRuleTests } from '../../../helpers/ruleTester';

const filename = 'Dockerfile';

runRuleTests(rule, {
  valid: [
    { name: 'removed in the same RUN', filename, code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n' },
    { name: 'cache mount', filename, code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n' },
    { name: 'build stage only', filename, code: 'FROM debian:12 AS b\nRUN apt-get update\nFROM debian:12\n' },
    { name: 'apt-get dist-clean removes the lists too (apt 2.7+)', filename, code: 'FROM debian:13\nRUN set -eux; apt-get update; apt-get install -y --no-install-recommends curl; apt-get dist-clean\n' },
  ],
  invalid: [
    {
      name: 'removed in a later RUN: too late; one finding per RUN',
      filename,
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\n',
      errors: [{ messageId: 'noCleanup', line: 2, column: 13, endLine: 2, endColumn: 19, severity: 'info', message: /runs apt-get update/ }],
    },
  ],
});
