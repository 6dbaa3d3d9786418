import rule from '../../../../server/src/core/rules/cfn/no-circular-dependency';
import { runRuleTests } from '../../../helpers/ruleTester';

runRuleTests(rule, {
  valid: [
    {
      name: 'a chain is not a circle',
      code: `Resources:
  A:
    Type: AWS::SQS::Queue
    DependsOn: B
  B:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !GetAtt C.QueueName
  C:
    Type: AWS::SQS::Queue
`,
    },
    {
      name: 'references under Fn::If are conditional and skipped',
      code: `Conditions:
  X: !Equals [a, b]
Resources:
  A:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !If [X, !Ref B, a]
  B:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Ref A
`,
    },
  ],
  invalid: [
    {
      name: 'DependsOn both ways; the finding is on the first DependsOn',
      code: `Resources:
  A:
    Type: AWS::SQS::Queue
    DependsOn: B
  B:
    Type: AWS::SQS::Queue
    DependsOn: [A]
`,
      errors: [{ messageId: 'circular', line: 4, column: 16, endLine: 4, endColumn: 17, message: /^Circular dependency: A → B → A\./, related: [{ line: 7, column: 17 }] }],
    },
    {
      name: 'through Ref, GetAtt and Sub, with a DependsOn closing the circle',
      code: `Resources:
  A:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Sub "\${B.QueueName}-x"
  B:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !GetAtt C.QueueName
  C:
    Type: AWS::SQS::Queue
    DependsOn: A
  D:
    Type: AWS::SQS::Queue
    DependsOn: D
`,
      errors: [
        { messageId: 'circular', line: 12, column: 16, endLine: 12, endColumn: 17, message: /A → B → C → A/, related: [{ line: 5, column: 26 }, { line: 9, column: 26 }] },
        { messageId: 'circular', line: 15, column: 16, endLine: 15, endColumn: 17, message: /D → D/ },
      ],
    },
  ],
});
