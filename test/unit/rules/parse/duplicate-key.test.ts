import rule from '../../../../server/src/core/rules/parse/duplicate-key';
import { runRuleTests } from '../../../helpers/ruleTester';

runRuleTests(rule, {
  valid: [
    { code: '{"family": "a", "containerDefinitions": [{"name": "a"}, {"name": "b"}]}' },
    { name: 'Terraform: a block type may repeat', filename: 'main.tf', code: 'resource "aws_ecs_service" "s" {\n  load_balancer {\n    container_port = 80\n  }\n  load_balancer {\n    container_port = 81\n  }\n}\n' },
  ],
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
    {
      name: 'Terraform: an argument set twice is rejected',
      filename: 'main.tf',
      code: 'resource "aws_sqs_queue" "q" {\n  name = "a"\n  name = "b"\n}\n',
      errors: [
        {
          messageId: 'terraformDuplicate',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 7,
          severity: 'error',
          message: 'The argument "name" is set twice in this block: Terraform rejects it ("Attribute redefined"). Keep one.',
          related: [{ line: 2, column: 3 }],
        },
      ],
    },
    {
      name: 'Terraform: a key twice in one object',
      filename: 'main.tf',
      code: 'resource "aws_sqs_queue" "q" {\n  tags = { team = "a", team = "b" }\n}\n',
      errors: [{ messageId: 'terraformDuplicate', line: 2, column: 24, endLine: 2, endColumn: 28, severity: 'error', related: [{ line: 2, column: 12 }] }],
    },
  ],
});
