import rule from '../../../../server/src/core/rules/cfn/valid-getatt-attribute';
import { runRuleTests } from '../../../helpers/ruleTester';

const tpl = (value: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Custom:
    Type: Custom::Thing
    Properties:
      ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:x
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: ${value}
`;

const sam = (outputs: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: a.b
      Runtime: python3.12
      CodeUri: .
      AutoPublishAlias: live
      EventInvokeConfig:
        DestinationConfig:
          OnFailure: { Type: SQS }
Outputs:
${outputs}`;

runRuleTests(rule, {
  valid: [
    { name: 'a real attribute', code: tpl('!GetAtt Bucket.RegionalDomainName') },
    { name: 'list form', code: tpl('!GetAtt [Bucket, Arn]') },
    { name: 'in a Sub', code: tpl('!Sub "${Bucket.WebsiteURL}"') },
    { name: 'custom resources have any attribute', code: tpl('!GetAtt Custom.Whatever') },
    { name: 'attribute given by an intrinsic is unknown', code: tpl('!GetAtt [Bucket, !Ref Attr]') },
    {
      name: 'SAM function: attributes of the Lambda function it becomes',
      code: `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties: { Handler: a.b, Runtime: python3.12, CodeUri: . }
Outputs:
  Arn:
    Value: !GetAtt Fn.Arn
`,
    },
    {
      name: 'SAM referenceable properties: no attribute of the SAM type is asked for',
      code: sam(`  A: { Value: !GetAtt Fn.Alias.Name }
  B: { Value: !GetAtt [Fn.Version, Version] }
  C: { Value: !Sub '\${Fn.Alias}-\${Fn.Alias.Name}' }
  D: { Value: !GetAtt Fn.DestinationQueue.Arn }
  E: { Value: !GetAtt [Fn, DestinationQueue.QueueName] }
`),
    },
  ],
  invalid: [
    {
      name: 'short form: span on the attribute',
      code: tpl('!GetAtt Bucket.DomainNam'),
      errors: [
        {
          messageId: 'unknownAttribute',
          line: 12,
          column: 33,
          endLine: 12,
          endColumn: 42,
          message: /^AWS::S3::Bucket has no attribute DomainNam, so CloudFormation rejects Fn::GetAtt Bucket.DomainNam. Did you mean DomainName\? Its attributes are: Arn, DomainName,/,
        },
      ],
    },
    {
      name: 'list form and Sub',
      code: tpl('!Sub "${Bucket.Name}"') + `  Topic:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !GetAtt [Queue, Url]
`,
      errors: [
        { messageId: 'unknownAttribute', line: 12, column: 33, endLine: 12, endColumn: 37 },
        { messageId: 'unknownAttribute', line: 16, column: 34, endLine: 16, endColumn: 37 },
      ],
    },
    {
      name: 'SAM: the attribute of the resource SAM generates for a referenceable property',
      code: sam(`  A: { Value: !GetAtt Fn.DestinationQueue.Url }
  B: { Value: !GetAtt [Fn.DestinationQueue, Arnn] }
  C: { Value: !Sub '\${Fn.DestinationQueue.Name}' }
`),
      errors: [
        { messageId: 'unknownAttribute', line: 14, column: 43, endLine: 14, endColumn: 46, message: /^AWS::SQS::Queue has no attribute Url, so CloudFormation rejects Fn::GetAtt Fn\.DestinationQueue\.Url\. Its attributes are: Arn, QueueName, QueueUrl\.$/ },
        { messageId: 'unknownAttribute', line: 15, column: 45, endLine: 15, endColumn: 49, message: /Did you mean Arn\?/ },
        { messageId: 'unknownAttribute', line: 16, column: 43, endLine: 16, endColumn: 47 },
      ],
    },
    {
      name: 'JSON long form',
      filename: 'template.json',
      code: `{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}, "O": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": {"Fn::GetAtt": ["Q", "ARN"]}}}}}`,
      errors: [{ messageId: 'unknownAttribute', line: 1, column: 133, endLine: 1, endColumn: 136, message: /Did you mean Arn\?/ }],
    },
  ],
});
