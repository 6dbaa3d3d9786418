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

const samProps = (outputs: string, autoPublish = '      AutoPublishAlias: live\n') => `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: a.b
      Runtime: python3.12
      CodeUri: .
${autoPublish}      EventInvokeConfig:
        DestinationConfig:
          OnSuccess: { Type: SNS }
          OnFailure: { Type: SQS }
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
  Http:
    Type: AWS::Serverless::HttpApi
  Ws:
    Type: AWS::Serverless::WebSocketApi
  Bucket:
    Type: AWS::S3::Bucket
Outputs:
${outputs}`;

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
    {
      name: 'SAM referenceable properties in Ref, GetAtt and Sub',
      code: samProps(`  A: { Value: !Ref Fn.Alias }
  B: { Value: !GetAtt Fn.Alias.Name }
  C: { Value: !GetAtt [Fn.Version, Version] }
  D: { Value: !Sub '\${Fn.Alias}:\${Fn.Version.Version}' }
  E: { Value: !Ref Fn.DestinationTopic }
  F: { Value: !Ref Fn.DestinationQueue }
  G: { Value: !Ref Api.Stage }
  H: { Value: !Ref Api.Deployment }
  I: { Value: !Ref Api.DomainName }
  J: { Value: !Ref Api.DomainNameV2 }
  K: { Value: !Ref Api.UsagePlan }
  L: { Value: !Ref Api.UsagePlanKey }
  M: { Value: !Ref Api.ApiKey }
  N: { Value: !Ref Http.Stage }
  O: { Value: !Ref Http.DomainName }
  P: { Value: !Ref Ws.Stage }
  Q: { Value: !Ref ServerlessRestApi.Stage }
`),
    },
    {
      name: 'SAM: the resources of embedded connectors',
      code: `Transform: AWS::Serverless-2016-10-31
Resources:
  MyQueue:
    Type: AWS::SQS::Queue
    Connectors:
      MyConnector:
        Properties:
          Destination: { Id: Fn }
          Permissions: [Write]
  Fn:
    Type: AWS::Serverless::Function
    Properties: { Handler: a.b, Runtime: python3.12, CodeUri: . }
  Mapping:
    Type: AWS::Lambda::EventSourceMapping
    DependsOn: [MyQueueMyConnector, MyQueueMyConnectorPolicy]
    Properties:
      FunctionName: !Ref Fn
      EventSourceArn: !GetAtt MyQueue.Arn
`,
    },
    {
      name: 'SAM types without a Transform line: SAM names still apply',
      code: `Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties: { StageName: prod }
Outputs:
  Stage: { Value: !Ref Api.Stage }
  Deployment: { Value: !Ref ServerlessRestApi.Deployment }
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
      name: 'SAM: a property SAM cannot reference, and Ref with an attribute',
      code: samProps(`  A: { Value: !Ref Api.Stag }
  B: { Value: !Ref Http.UsagePlan }
  C: { Value: !GetAtt [Api.Nope, Arn] }
  D: { Value: !Ref Bucket.Arn }
  E: { Value: !Ref Nowhere.Stage }
`),
      errors: [
        { messageId: 'unknownSamProperty', line: 25, column: 20, endLine: 25, endColumn: 28, message: /^Api\.Stag: Api is an AWS::Serverless::Api, and SAM resolves only these of its properties: Stage, Deployment, DomainName, DomainNameV2, UsagePlan, UsagePlanKey, ApiKey\..* Did you mean Api\.Stage\?/ },
        { messageId: 'unknownSamProperty', line: 26, column: 20, endLine: 26, endColumn: 34, message: /properties: Stage, DomainName\./ },
        { messageId: 'unknownSamProperty', line: 27, column: 24, endLine: 27, endColumn: 32 },
        { messageId: 'missingRef', line: 28, column: 20, endLine: 28, endColumn: 30, message: /Ref takes a logical id alone; to read an attribute use Fn::GetAtt Bucket\.Arn\./ },
        { messageId: 'missingRef', line: 29, column: 20, endLine: 29, endColumn: 33 },
      ],
    },
    {
      name: 'SAM: Alias and Version exist only with AutoPublishAlias',
      code: samProps(`  A: { Value: !Ref Fn.Alias }
  B: { Value: !Sub '\${Fn.Version.Version}' }
`, ''),
      errors: [
        { messageId: 'samPropertyNotGenerated', line: 24, column: 20, endLine: 24, endColumn: 22, message: /^Fn\.Alias names the AWS::Lambda::Alias SAM creates for Fn only when AutoPublishAlias is set/ },
        { messageId: 'samPropertyNotGenerated', line: 25, column: 23, endLine: 25, endColumn: 25, message: /^Fn\.Version names the AWS::Lambda::Version/ },
      ],
    },
    {
      name: 'SAM: DependsOn a connector that is not declared',
      code: `Transform: AWS::Serverless-2016-10-31
Resources:
  MyQueue:
    Type: AWS::SQS::Queue
    Connectors:
      MyConnector:
        Properties:
          Destination: { Id: Topic }
          Permissions: [Write]
  Topic:
    Type: AWS::SNS::Topic
    DependsOn: MyQueueMyConnecter
`,
      errors: [{ messageId: 'missingDependsOn', line: 12, column: 16, endLine: 12, endColumn: 34 }],
    },
    {
      name: 'JSON: span inside the quotes',
      filename: 'template.json',
      code: `{"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": {"Ref": "AWS::Regoin"}}}}}`,
      errors: [{ messageId: 'missingRef', line: 1, column: 86, endLine: 1, endColumn: 97, message: /Did you mean AWS::Region\?/ }],
    },
  ],
});
