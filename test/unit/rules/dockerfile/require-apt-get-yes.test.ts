import rule from '../../../../server/src/core/rules/dockerfile/require-apt-get-yes';
import { runRuleTests } from '../../../helpers/ruleTester';

const filename = 'Dockerfile';

runRuleTests(rule, {
  valid: [
    { name: '-y', filename, code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n' },
    { name: 'bundled and long forms', filename, code: 'FROM debian:12\nRUN apt-get -qy install a && apt-get install --yes b && apt-get install --assume-yes c\n' },
    { name: '-qq implies -y', filename, code: 'FROM debian:12\nRUN apt-get install -qq curl\n' },
    { name: 'Assume-Yes option', filename, code: 'FROM debian:12\nRUN apt-get -o APT::Get::Assume-Yes=true install curl\n' },
    { name: 'update needs no -y', filename, code: 'FROM debian:12\nRUN apt-get update\n' },
    { name: 'exec form is not split', filename, code: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\n' },
  ],
  invalid: [
    {
      name: 'install without -y, fixed',
      filename,
      code: 'FROM debian:12\nRUN apt-get update && \\\n    DEBIAN_FRONTEND=noninteractive apt-get install --no-install-recommends curl\n',
      errors: [{ messageId: 'missingYes', line: 3, column: 44, endLine: 3, endColumn: 51, severity: 'error', message: /^apt-get install asks/ }],
      output: 'FROM debian:12\nRUN apt-get update && \\\n    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl\n',
    },
    {
      name: 'autoremove asks only when something is removable: a warning',
      filename,
      code: 'FROM debian:12\nRUN apt-get install -y curl && apt-get autoremove && rm -rf /var/lib/apt/lists/*\n',
      errors: [{ messageId: 'missingYesSometimes', line: 2, column: 40, endLine: 2, endColumn: 50, severity: 'warning', message: /^apt-get autoremove asks .* whenever there is something to remove/ }],
      output: 'FROM debian:12\nRUN apt-get install -y curl && apt-get autoremove -y && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'behind sudo, and apt',
      filename,
      code: 'FROM debian:12\nRUN sudo apt-get remove x; apt upgrade\n',
      errors: [
        { messageId: 'missingYes', line: 2, column: 18, endLine: 2, endColumn: 24 },
        { messageId: 'missingYes', line: 2, column: 32, endLine: 2, endColumn: 39, message: /^apt upgrade/ },
      ],
      output: 'FROM debian:12\nRUN sudo apt-get remove -y x; apt upgrade -y\n',
    },
  ],
});
