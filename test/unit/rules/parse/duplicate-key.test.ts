import rule from '../../../../server/src/core/rules/parse/duplicate-key';
import { runRuleTests } from '../../../helpers/ruleTester';

runRuleTests(rule, {
  valid: [{ code: '{"family": "a", "containerDefinitions": [{"name": "a"}, {"name": "b"}]}' }],
  invalid: [
    {
      name: 'JSON',
      code: '{"family": "a", "containerDefinitions": [], "family": "b"}',
      errors: [
        {
          messageId: 'duplicate',
          line: 1,
          column: 45,
          endLine: 1,
          endColumn: 53,
          severity: 'warning',
          message: 'Duplicate key "family": only the last value counts, so the earlier one is silently ignored. Remove one of them.',
          related: [{ line: 1, column: 2 }],
        },
      ],
    },
    {
      name: 'YAML, nested',
      filename: 'template.yaml',
      code: 'Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Type: AWS::ECS::Service\n',
      errors: [{ messageId: 'duplicate', line: 4, column: 5, endLine: 4, endColumn: 9, related: [{ line: 3, column: 5 }] }],
    },
  ],
});
