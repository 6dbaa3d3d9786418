import rule from '../../../../server/src/core/rules/parse/syntax-error';
import { runRuleTests } from '../../../helpers/ruleTester';

runRuleTests(rule, {
  valid: [
    { name: 'valid JSON', code: '{"family": "a", "containerDefinitions": []}' },
    { name: 'broken JSON that is no AWS config gets nothing', filename: 'package.json', code: '{"name": "x" "version": "1"}' },
  ],
  invalid: [
    {
      name: 'missing comma in a task definition: one finding at the first error',
      code: '{\n  "family": "a"\n  "containerDefinitions": []\n}',
      errors: [
        {
          messageId: 'syntax',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 25,
          severity: 'error',
          message: 'Invalid JSON: expected "," between entries, found """. Fix this first: nothing else in the file is checked until it parses.',
        },
      ],
    },
    {
      name: 'bad YAML indentation in a template',
      filename: 'template.yaml',
      code: 'Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n   Properties: {}\n',
      errors: [{ messageId: 'syntax', line: 4, column: 4, endLine: 4, endColumn: 14, message: /^Invalid YAML: / }],
    },
  ],
});
