import rule from '../../../../server/src/core/rules/dockerfile/no-duplicate-stage-name';
import { runRuleTests } from '../../../helpers/ruleTester';

const filename = 'Dockerfile';

runRuleTests(rule, {
  valid: [{ name: 'distinct names', filename, code: 'FROM node:20 AS web\nFROM golang:1 AS api\n' }],
  invalid: [
    {
      name: 'same name, other case',
      filename,
      code: 'FROM node:20 AS build\nFROM golang:1 AS Build\n',
      errors: [{ messageId: 'duplicate', line: 2, column: 18, endLine: 2, endColumn: 23, severity: 'error', message: /^The stage name \w+ is already used by an earlier stage \(names are case-insensitive\)/, related: [{ line: 1, column: 17 }] }],
    },
  ],
});
