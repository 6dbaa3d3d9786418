import rule from '../../../../server/src/core/rules/dockerfile/require-apt-pin';
import { runRuleTests } from '../../../helpers/ruleTester';

const filename = 'Dockerfile';
const settings = { rules: { 'dockerfile/require-apt-pin': 'warning' as const } };

runRuleTests(rule, {
  valid: [
    { name: 'off by default', filename, code: 'FROM debian:12\nRUN apt-get install -y curl\n' },
    { name: 'pinned, .deb, variable, target release', filename, settings, code: 'FROM debian:12\nRUN apt-get install -y curl=7.88.1 ./x.deb $PKGS && apt-get install -y -t bookworm-backports git\n' },
  ],
  invalid: [
    {
      name: 'unpinned, when enabled',
      filename,
      settings,
      code: 'FROM debian:12\nRUN apt-get install -y -o Dpkg::Options::=--force-confold curl git=1:2.39.5-0\n',
      errors: [{ messageId: 'unpinned', line: 2, column: 59, endLine: 2, endColumn: 63, severity: 'warning', message: /names curl without a version/ }],
    },
  ],
});
