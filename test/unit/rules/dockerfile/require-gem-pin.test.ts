import rule from '../../../../server/src/core/rules/dockerfile/require-gem-pin';
import { runRuleTests } from '../../../helpers/ruleTester';

const filename = 'Dockerfile';
const settings = { rules: { 'dockerfile/require-gem-pin': 'info' as const } };

runRuleTests(rule, {
  valid: [
    { name: 'off by default', filename, code: 'FROM ruby:3.3\nRUN gem install bundler\n' },
    { name: 'pinned', filename, settings, code: 'FROM ruby:3.3\nRUN gem install bundler:2.5.22 && gem install rails -v 7.1.3\n' },
  ],
  invalid: [
    {
      name: 'unpinned',
      filename,
      settings,
      code: 'FROM ruby:3.3\nRUN gem install --no-document bundler\n',
      errors: [{ messageId: 'unpinned', line: 2, column: 31, endLine: 2, endColumn: 38 }],
    },
  ],
});
