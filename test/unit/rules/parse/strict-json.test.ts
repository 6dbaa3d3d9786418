import rule from '../../../../server/src/core/rules/parse/strict-json';
import { runRuleTests } from '../../../helpers/ruleTester';

runRuleTests(rule, {
  valid: [
    { code: '{"family": "a", "containerDefinitions": []}' },
    { name: 'YAML comments are fine', filename: 'task.yaml', code: '# a comment\nfamily: a\ncontainerDefinitions: []\n' },
  ],
  invalid: [
    {
      name: 'line comment',
      code: '{\n  // the web task\n  "family": "a",\n  "containerDefinitions": []\n}',
      errors: [{ messageId: 'comment', line: 2, column: 3, endLine: 2, endColumn: 18, severity: 'error' }],
      output: '{\n  \n  "family": "a",\n  "containerDefinitions": []\n}',
    },
    {
      name: 'trailing comma',
      code: '{"family": "a", "containerDefinitions": [],}',
      errors: [{ messageId: 'trailingComma', line: 1, column: 43, endLine: 1, endColumn: 44 }],
      output: '{"family": "a", "containerDefinitions": []}',
    },
  ],
});
