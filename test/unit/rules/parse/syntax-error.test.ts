import rule from '../../../../server/src/core/rules/parse/syntax-error';
import { runRuleTests } from '../../../helpers/ruleTester';

runRuleTests(rule, {
  valid: [
    { name: 'valid JSON', code: '{"family": "a", "containerDefinitions": []}' },
    { name: 'broken JSON that is no AWS config gets nothing', filename: 'package.json', code: '{"name": "x" "version": "1"}' },
    { name: 'valid Terraform', filename: 'main.tf', code: 'resource "aws_sqs_queue" "q" {\n  name = "q"\n}\n' },
  ],
  invalid: [
    {
      name: 'missing comma in a task definition: one finding, at the first error',
      code: '{\n  "family": "a"\n  "containerDefinitions": []\n}',
      errors: [
        {
          messageId: 'syntax',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 25,
          severity: 'error',
          message: 'Invalid JSON: expected "," between entries, found """. The file is rejected until this is fixed; Berth still checks the parts around it that parse.',
        },
      ],
    },
    {
      name: 'bad YAML indentation in a template',
      filename: 'template.yaml',
      code: 'Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n   Properties: {}\n',
      errors: [{ messageId: 'syntax', line: 4, column: 4, endLine: 4, endColumn: 14, message: /^Invalid YAML: / }],
    },
    {
      name: 'Terraform: each broken region is reported, the blocks between them still read',
      filename: 'main.tf',
      code: 'resource "aws_ecs_service" "web" {\n  desired_count =\n}\n\nresource "aws_sqs_queue" "q" {\n  name = "q"\n}\n\noutput "x" {\n  value = [1,\n}\n',
      errors: [
        {
          messageId: 'terraformRegion',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 18,
          message: '"desired_count =" has no value after "=": Terraform cannot parse it. Give it a value. Terraform rejects the file until this is fixed; Berth still checks the blocks around it.',
        },
        { messageId: 'terraformRegion', line: 10, column: 3, endLine: 10, endColumn: 14, message: /^Terraform cannot parse "value = \[1," here/ },
      ],
    },
    {
      name: 'Terraform: broken JSON in a heredoc is reported where it is in the .tf file',
      filename: 'main.tf',
      code: 'resource "aws_ecs_task_definition" "a" {\n  container_definitions = <<EOF\n[{"name": "web" "image": "nginx"}]\nEOF\n}\n',
      errors: [{ messageId: 'terraformRegion', line: 3, column: 17, endLine: 3, endColumn: 24, message: /^Invalid JSON: expected "," between entries/ }],
    },
  ],
});
