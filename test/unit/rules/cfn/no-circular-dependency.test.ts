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
    {
      name: 'SAM: an Api whose definition calls the function whose Events name the Api (SAM splits both into several resources)',
      code: `Transform: AWS::Serverless-2016-10-31
Resources:
  MyApi:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      DefinitionBody:
        paths:
          /:
            get:
              x-amazon-apigateway-integration:
                type: aws_proxy
                httpMethod: POST
                uri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${MyFunction.Arn}/invocations
  MyFunction:
    Type: AWS::Serverless::Function
    Properties:
      Handler: a.b
      Runtime: python3.12
      CodeUri: .
      Events:
        Get:
          Type: Api
          Properties: { RestApiId: !Ref MyApi, Path: /, Method: get }
`,
    },
    {
      name: 'SAM: an S3 event on a bucket whose NotificationConfiguration calls the function',
      code: `Transform: AWS::Serverless-2016-10-31
Resources:
  Thumbnail:
    Type: AWS::Serverless::Function
    Properties:
      Handler: a.b
      Runtime: python3.12
      CodeUri: .
      Events:
        Upload:
          Type: S3
          Properties: { Bucket: !Ref Images, Events: s3:ObjectCreated:* }
  Images:
    Type: AWS::S3::Bucket
    Properties:
      NotificationConfiguration:
        LambdaConfigurations:
          - Event: s3:ObjectCreated:*
            Function: !GetAtt Thumbnail.Arn
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
    {
      name: 'SAM template: a circle between plain resources is still one, and so is a DependsOn from a SAM resource',
      code: `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    DependsOn: Queue
    Properties:
      Handler: a.b
      Runtime: python3.12
      CodeUri: .
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Ref Fn
  A:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !GetAtt B.QueueName
  B:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !GetAtt A.QueueName
`,
      errors: [
        { messageId: 'circular', line: 5, column: 16, endLine: 5, endColumn: 21, message: /^Circular dependency: Fn → Queue → Fn\./, related: [{ line: 13, column: 23 }] },
        { messageId: 'circular', line: 17, column: 26, endLine: 17, endColumn: 27, message: /^Circular dependency: A → B → A\./, related: [{ line: 21, column: 26 }] },
      ],
    },
  ],
});
