import rule from '../../../../server/src/core/rules/cfn/valid-references';
import { runRuleTests } from '../../../helpers/ruleTester';

const base = (props: string, extra = '') => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Env:
    Type: String
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Queue:
    Type: AWS::SQS::Queue
    Properties:
${props}
${extra}`;

runRuleTests(rule, {
  valid: [
    { name: 'resource, parameter and pseudo-parameter', code: base('      QueueName: !Sub "${Env}-${AWS::Region}-${Bucket}-${Bucket.Arn}"\n      Tags:\n        - Key: b\n          Value: !Ref Bucket') },
    { name: 'Sub variable map and ${!Literal}', code: base('      QueueName: !Sub\n        - "${Local}-${!NotAVariable}"\n        - Local: !GetAtt Bucket.Arn') },
    { name: 'conditions and DependsOn that exist', code: base('      QueueName: !If [IsProd, a, !Ref AWS::NoValue]').replace('    Properties:', '    Condition: IsProd\n    DependsOn: [Bucket]\n    Properties:') },
    {
      name: 'SAM implicit resources',
      code: `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: a.b
      Runtime: python3.12
      CodeUri: .
      AutoPublishAlias: live
      Events:
        Api:
          Type: Api
          Properties: { Path: /, Method: get }
Outputs:
  RoleArn:
    Value: !GetAtt FnRole.Arn
  Url:
    Value: !Sub "https://\${ServerlessRestApi}.execute-api.\${AWS::Region}.amazonaws.com/Prod/"
  Alias:
    Value: !Ref Fn.Alias
`,
    },
    { name: 'another macro may define names: silent', code: `Transform: MyMacro\nResources:\n  A:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Ref Generated\n` },
    { name: 'JSON long form', code: `{"Resources": {"B": {"Type": "AWS::S3::Bucket"}, "Q": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": {"Ref": "B"}}}}}`, filename: 'template.json' },
  ],
  invalid: [
    {
      name: 'Ref to a missing name, with a suggestion',
      code: base('      QueueName: !Ref Buckett'),
      errors: [{ messageId: 'missingRef', line: 13, column: 23, endLine: 13, endColumn: 30, message: /Ref Buckett names no resource.*Did you mean Bucket\?/ }],
    },
    {
      name: 'GetAtt short and list forms',
      code: base('      QueueName: !GetAtt Nope.Arn\n      Tags:\n        - Key: a\n          Value: !GetAtt [Other, Arn]'),
      errors: [
        { messageId: 'missingGetAtt', line: 13, column: 26, endLine: 13, endColumn: 30 },
        { messageId: 'missingGetAtt', line: 16, column: 27, endLine: 16, endColumn: 32 },
      ],
    },
    {
      name: 'Sub variable, span inside the string',
      code: base('      QueueName: !Sub "${Env}-${Stage}-${Missing.Arn}"'),
      errors: [
        { messageId: 'missingSub', line: 13, column: 33, endLine: 13, endColumn: 38, message: /variable Stage names no resource/ },
        { messageId: 'missingSub', line: 13, column: 42, endLine: 13, endColumn: 49 },
      ],
    },
    {
      name: 'DependsOn and Condition',
      code: base('      QueueName: !If [IsProdd, a, b]').replace('    Properties:', '    Condition: IsStaging\n    DependsOn: [Bucket, Ghost]\n    Properties:'),
      errors: [
        { messageId: 'missingCondition', line: 12, column: 16, endLine: 12, endColumn: 25 },
        { messageId: 'missingDependsOn', line: 13, column: 25, endLine: 13, endColumn: 30 },
        { messageId: 'missingCondition', line: 15, column: 23, endLine: 15, endColumn: 30, message: /Did you mean IsProd\?/ },
      ],
    },
    {
      name: 'JSON: span inside the quotes',
      filename: 'template.json',
      code: `{"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": {"Ref": "AWS::Regoin"}}}}}`,
      errors: [{ messageId: 'missingRef', line: 1, column: 86, endLine: 1, endColumn: 97, message: /Did you mean AWS::Region\?/ }],
    },
  ],
});
