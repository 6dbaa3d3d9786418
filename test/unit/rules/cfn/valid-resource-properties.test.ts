import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SAM_VALIDATED_TYPES, samTypeSpec } from '../../../../server/src/core/facts/cfnResources';
import { SAM_GLOBALS } from '../../../../server/src/core/facts/samGlobals';
import rule from '../../../../server/src/core/rules/cfn/valid-resource-properties';
import { runRuleTests } from '../../../helpers/ruleTester';

const example = (path: string) => readFileSync(join(__dirname, '../../../../examples', path), 'utf8');

/** A Lambda function with the given property lines (6-space indent), next to a queue and a log group. */
const fn = (...props: string[]) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Role: arn:aws:iam::123456789012:role/fn
      Code:
        S3Bucket: artifacts
        S3Key: fn.zip
${props.map((p) => `      ${p}\n`).join('')}`;

const resource = (type: string, props: string[]) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  R:
    Type: ${type}
${props.length ? `    Properties:\n${props.map((p) => `      ${p}\n`).join('')}` : ''}`;

/**
 * A SAM template: the given Globals lines (2-space indent below `Globals:`, none when empty) and resources
 * (2-space indent below `Resources:`). Line 1 is the Transform.
 */
const sam = (globals: string[], resources: string[]) =>
  `Transform: AWS::Serverless-2016-10-31\n${globals.length ? `Globals:\n${globals.map((g) => `  ${g}\n`).join('')}` : ''}Resources:\n${resources.map((r) => `  ${r}\n`).join('')}`;

/** A SAM function `Fn` (line 5 is `Properties:`; the first property is on line 6, column 7) with the given property lines. */
const samFn = (...props: string[]) => sam([], ['Fn:', '  Type: AWS::Serverless::Function', '  Properties:', ...props.map((p) => `    ${p}`)]);

runRuleTests(rule, {
  valid: [
    { name: 'examples/cfn/static-site.yaml', code: example('cfn/static-site.yaml') },
    { name: 'examples/cfn/ecs-service-alb.yaml', code: example('cfn/ecs-service-alb.yaml') },
    { name: 'examples/cfn/sam-api.yaml', code: example('cfn/sam-api.yaml') },
    { name: 'examples/sam/template.yaml', code: example('sam/template.yaml') },
    {
      name: 'a local path for Code, which aws cloudformation package uploads and replaces',
      code: resource('AWS::Lambda::Function', ['Role: arn:aws:iam::123456789012:role/fn', 'Runtime: python3.13', 'Handler: app.handler', 'Code: ./src']),
    },
    {
      name: 'SAM Api EndpointConfiguration as a string (the form the translator still accepts)',
      code: sam([], ['Api:', '  Type: AWS::Serverless::Api', '  Properties:', '    StageName: prod', '    EndpointConfiguration: REGIONAL']),
    },
    { name: 'a complete function', code: fn('Runtime: python3.13', 'Handler: app.handler', 'MemorySize: 512', 'Timeout: "30"', 'Architectures: [arm64]', 'TracingConfig: { Mode: Active }') },
    { name: 'intrinsics anywhere', code: fn('MemorySize: !Ref Memory', 'Layers: !Split [",", !Ref Layers]', 'TracingConfig: !If [Prod, { Mode: Active }, !Ref AWS::NoValue]', 'Environment:', '  Variables: !Ref Vars') },
    { name: 'Properties given by an intrinsic', code: resource('AWS::SQS::Queue', []).replace('    Type: AWS::SQS::Queue\n', '    Type: AWS::SQS::Queue\n    Properties: !If [Fifo, { FifoQueue: true }, {}]\n') },
    { name: 'numbers as strings, booleans as strings', code: resource('AWS::SQS::Queue', ['VisibilityTimeout: "60"', 'FifoQueue: "true"']) },
    { name: 'Json-typed property (bucket policy document) is not checked', code: resource('AWS::S3::BucketPolicy', ['Bucket: b', 'PolicyDocument: { Anything: [1, 2] }']) },
    { name: 'tags', code: resource('AWS::SQS::Queue', ['Tags:', '  - Key: team', '    Value: orders']) },
    { name: 'custom resource', code: resource('Custom::Thing', ['Whatever: 1']) },
    { name: 'unknown third-party type', code: resource('Acme::Widget::Thing', ['Size: big']) },
    { name: 'SAM types other than Function/Api/HttpApi are not in the data', code: sam([], ['T:', '  Type: AWS::Serverless::SimpleTable', '  Properties:', '    Whatever: 1']) },
    { name: 'SAM types without the SAM transform are left alone', code: samFn('Whatever: 1').replace('Transform: AWS::Serverless-2016-10-31\n', '') },
    { name: 'examples/sam/queue-worker.yaml', code: example('sam/queue-worker.yaml') },
    {
      name: 'SAM function: polymorphic values (CodeUri, Policies, Role, Tracing, DeadLetterQueue, events)',
      code: samFn(
        'CodeUri: { Bucket: artifacts, Key: fn.zip }',
        'Handler: app.handler',
        'Runtime: python3.13',
        'Role: arn:aws:iam::123456789012:role/fn',
        'Tracing: Active',
        'AutoPublishAlias: live',
        'Policies:',
        '  - AWSLambdaBasicExecutionRole',
        '  - SQSPollerPolicy: { QueueName: q }',
        '  - Statement: [{ Effect: Allow, Action: s3:GetObject, Resource: "*" }]',
        'DeadLetterQueue: { Type: SQS, TargetArn: arn:aws:sqs:eu-west-1:123456789012:dlq }',
        'Architectures: [arm64]',
        'Environment: { Variables: { PORT: 8080 } }',
        'Events:',
        '  Queue: { Type: SQS, Properties: { Queue: arn:aws:sqs:eu-west-1:123456789012:q, BatchSize: 10 } }',
        '  Get: { Type: Api, Properties: { Path: /items, Method: get } }',
        '  Http: { Type: HttpApi }',
        '  Nightly: { Type: Schedule, Properties: { Schedule: rate(1 day) } }',
      ),
    },
    {
      // Properties the SAM translator accepts beyond sam.schema.json (TRANSLATOR_EXTRAS in scripts/generate-sam-schemas.mjs).
      name: 'SAM: EventBridgeRule State, stream DestinationConfig.OnFailure.Type, and the other properties the translator takes',
      code: samFn(
        'CodeUri: src/',
        'Events:',
        '  Rule: { Type: EventBridgeRule, Properties: { Pattern: { source: [aws.ec2] }, State: DISABLED } }',
        '  Old: { Type: CloudWatchEvent, Properties: { Pattern: { source: [aws.ec2] }, Enabled: false, RuleName: r, Target: { Id: t } } }',
        '  Stream:',
        '    Type: Kinesis',
        '    Properties:',
        '      Stream: arn:aws:kinesis:eu-west-1:123456789012:stream/s',
        '      StartingPosition: LATEST',
        '      DestinationConfig: { OnFailure: { Type: SQS, Destination: arn:aws:sqs:eu-west-1:123456789012:dlq } }',
        '  Table: { Type: DynamoDB, Properties: { Stream: s, StartingPosition: LATEST, DestinationConfig: { OnFailure: { Type: SNS, Destination: t } } } }',
        '  Kafka: { Type: SelfManagedKafka, Properties: { KafkaBootstrapServers: [b:9092], Topics: [t], SourceAccessConfigurations: [], MaximumBatchingWindowInSeconds: 1 } }',
        '  Nightly: { Type: Schedule, Properties: { Schedule: rate(1 day), RuleName: nightly } }',
        '  Topic: { Type: SNS, Properties: { Topic: t, RedrivePolicy: { deadLetterTargetArn: q } } }',
      ),
    },
    {
      // samtranslator/model/__init__.py Resource.from_dict reads Type, Properties and DependsOn of an event and ignores other keys.
      name: 'SAM: keys beside Type at event level are ignored by the translator',
      code: samFn(
        'CodeUri: src/',
        'Events:',
        '  Get:',
        '    Type: Api',
        '    Condition: IsProd',
        '    Description: public read endpoint',
        '    Properties: { Path: /items, Method: get }',
      ),
    },
    { name: 'SAM function: Policies as one string, CodeUri as a path, Role as an intrinsic', code: samFn('CodeUri: src/', 'Policies: AmazonS3ReadOnlyAccess', 'Role: !GetAtt MyRole.Arn') },
    { name: 'SAM function: Policies as one policy document', code: samFn('Policies: { Statement: [{ Effect: Allow, Action: "*", Resource: "*" }] }') },
    {
      name: 'SAM: intrinsics anywhere (a property, an event Type, an event, the Properties)',
      code: samFn(
        'MemorySize: !Ref Memory',
        'CodeUri: !Sub s3://${Bucket}/fn.zip',
        'Events:',
        '  A: { Type: !Ref EventType, Properties: { Anything: 1 } }',
        '  B: !If [Prod, { Type: SQS, Properties: { Queue: q } }, !Ref AWS::NoValue]',
        '  C: { Type: SQS, Properties: { Queue: !GetAtt Q.Arn, BatchSize: !Ref Batch } }',
      ),
    },
    { name: 'SAM: Properties given by an intrinsic', code: sam([], ['A:', '  Type: AWS::Serverless::Api', '  Properties: !If [Prod, { StageName: prod }, { StageName: dev }]']) },
    {
      name: 'SAM: required nested properties set in Globals count (Domain.CertificateArn, CodeUri.Bucket)',
      code: sam(
        ['Function:', '  CodeUri: { Bucket: artifacts }', 'Api:', '  Domain: { CertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/x }'],
        ['A:', '  Type: AWS::Serverless::Api', '  Properties:', '    StageName: prod', '    Domain: { DomainName: api.example.com }', 'Fn:', '  Type: AWS::Serverless::Function', '  Properties:', '    CodeUri: { Key: fn.zip }'],
      ),
    },
    {
      name: 'SAM: IgnoreGlobals naming another property keeps the rest of Globals',
      code: sam(['Api:', '  Domain: { CertificateArn: c }'], ['A:', '  Type: AWS::Serverless::Api', '  IgnoreGlobals: [Name]', '  Properties:', '    StageName: prod', '    Domain: { DomainName: d }']),
    },
    { name: 'SAM: Globals given by an intrinsic: nothing is known to be missing', code: sam(['Api: !If [Prod, { Domain: { CertificateArn: c } }, {}]'], ['A:', '  Type: AWS::Serverless::Api', '  Properties:', '    StageName: prod', '    Domain: { DomainName: d }']) },
    { name: 'SAM: a union of object shapes without a discriminator is not judged (HttpApi authorizers)', code: sam([], ['H:', '  Type: AWS::Serverless::HttpApi', '  Properties:', '    Auth:', '      Authorizers:', '        L: { FunctionArn: f }']) },
    { name: 'SAM API: Cors as a string, DefinitionUri as an object, EndpointConfiguration as a string-typed object', code: sam([], ['A:', '  Type: AWS::Serverless::Api', '  Properties:', '    StageName: prod', "    Cors: \"'*'\"", '    DefinitionUri: { Bucket: b, Key: api.yaml }', '    EndpointConfiguration: { Type: REGIONAL }', '    OpenApiVersion: 3.0.1']) },
    {
      name: 'SAM Globals: every section and property the SAM transform accepts (the properties sam.schema.json leaves out too)',
      code: sam(
        [
          'Function:',
          '  Handler: app.handler',
          '  Runtime: python3.13',
          '  CodeUri: src/',
          '  Layers: [!Ref Layer]',
          '  Environment: { Variables: { STAGE: prod } }',
          '  MemorySize: 512',
          '  Timeout: 30',
          '  Tracing: Active',
          '  Architectures: [arm64]',
          '  FileSystemConfigs: []',
          '  FunctionUrlConfig: { AuthType: AWS_IAM }',
          '  CodeSigningConfigArn: arn:aws:lambda:eu-west-1:123456789012:code-signing-config:csc-1',
          '  AutoPublishAliasAllProperties: true',
          'Api:',
          '  Cors: "\'*\'"',
          '  Auth: { ApiKeyRequired: true }',
          '  OpenApiVersion: 3.0.1',
          'HttpApi:',
          '  CorsConfiguration: true',
          '  StageVariables: { a: b }',
          'SimpleTable:',
          '  SSESpecification: { SSEEnabled: true }',
          'LayerVersion:',
          '  PublishLambdaVersion: true',
          'StateMachine:',
          '  PropagateTags: true',
          'CapacityProvider:',
          '  Tags: { team: a }',
          'WebSocketApi:',
          '  Tags: { team: a }',
        ],
        ['Q:', '  Type: AWS::SQS::Queue'],
      ),
    },
    { name: 'SAM Globals: a section given by an intrinsic function, or empty, is not judged', code: sam(['Function: !If [Prod, { Timeout: 3 }, { Whatever: 1 }]', 'Api:'], ['Q:', '  Type: AWS::SQS::Queue']) },
    { name: 'Globals without the SAM transform are not judged here', code: sam(['Functions:', '  Timout: 3'], ['Q:', '  Type: AWS::SQS::Queue']).replace('Transform: AWS::Serverless-2016-10-31\n', '') },
    { name: 'another macro may add properties', code: `Transform: Acme::Macro\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      Whatever: 1\n` },
    { name: 'AWS::Include may add required properties', code: resource('AWS::S3::BucketPolicy', ['Bucket: b', '"Fn::Transform": { Name: AWS::Include, Parameters: { Location: s3://b/k } }']) },
  ],
  invalid: [
    {
      name: 'unknown property with a suggestion',
      code: resource('AWS::SQS::Queue', ['VisibiltyTimeout: 60']),
      errors: [
        {
          messageId: 'unknownProperty',
          line: 6,
          column: 7,
          endLine: 6,
          endColumn: 23,
          severity: 'error',
          message: 'R (AWS::SQS::Queue) has no property VisibiltyTimeout, so CloudFormation rejects the template ("Encountered unsupported property VisibiltyTimeout"). Did you mean VisibilityTimeout?',
        },
      ],
    },
    {
      name: 'unknown nested property without a close match',
      code: fn('Runtime: python3.13', 'Handler: app.handler', 'Environment:', '  Vars: { A: b }'),
      errors: [{ messageId: 'unknownProperty', line: 13, column: 9, endLine: 13, endColumn: 13, message: 'Environment in Fn (AWS::Lambda::Function) has no property Vars, so CloudFormation rejects the template ("Encountered unsupported property Vars"). Remove it, or check the name in the AWS::Lambda::Function reference.' }],
    },
    {
      name: 'missing required property: on Properties',
      code: resource('AWS::S3::BucketPolicy', ['PolicyDocument: {}']),
      errors: [{ messageId: 'missingProperty', line: 5, column: 5, endLine: 5, endColumn: 15, message: 'R (AWS::S3::BucketPolicy) is missing the required property Bucket, so CloudFormation rejects the resource. Add Bucket.' }],
    },
    {
      name: 'missing required properties without Properties: on the resource',
      code: resource('AWS::S3::BucketPolicy', []),
      errors: [
        { messageId: 'missingProperty', line: 3, column: 3, endLine: 3, endColumn: 4, message: /required property Bucket\b/ },
        { messageId: 'missingProperty', line: 3, column: 3, endLine: 3, endColumn: 4, message: /required property PolicyDocument\b/ },
      ],
    },
    {
      name: 'missing required property in a list item: on the list key',
      code: resource('AWS::ECS::TaskDefinition', ['ContainerDefinitions:', '  - Image: nginx']),
      errors: [{ messageId: 'missingProperty', line: 6, column: 7, endLine: 6, endColumn: 27, message: 'ContainerDefinitions[0] in R (AWS::ECS::TaskDefinition) is missing the required property Name, so CloudFormation rejects the resource. Add Name.' }],
    },
    {
      name: 'wrong primitive types',
      code: fn('Runtime: python3.13', 'Handler: app.handler', 'MemorySize: lots', 'Layers: arn:aws:lambda:eu-west-1:123456789012:layer:x:1', 'Timeout: 2.5'),
      errors: [
        {
          messageId: 'wrongType',
          line: 12,
          column: 19,
          endLine: 12,
          endColumn: 23,
          message: 'MemorySize in Fn (AWS::Lambda::Function) must be a whole number, but it is the string "lots", so CloudFormation rejects the template. Write a whole number (or an intrinsic function that gives one).',
        },
        { messageId: 'wrongType', line: 13, column: 15, endLine: 13, endColumn: 62, message: /^Layers in Fn \(AWS::Lambda::Function\) must be a list, but it is the string "arn:aws:lambda:eu-west-1:123456789012:la…"/ },
        { messageId: 'wrongType', line: 14, column: 16, endLine: 14, endColumn: 19, message: /must be a whole number, but it is the number 2\.5/ },
      ],
    },
    {
      name: 'a local path is accepted only where packaging replaces it: Code.ZipFile must still be a string',
      code: resource('AWS::Lambda::Function', ['Role: arn:aws:iam::123456789012:role/fn', 'Runtime: python3.13', 'Handler: app.handler', 'Code:', '  ZipFile: [a]']),
      errors: [{ messageId: 'wrongType', line: 10, column: 18, endLine: 10, endColumn: 21, message: /^Code\.ZipFile in R \(AWS::Lambda::Function\) must be a string/ }],
    },
    {
      name: "boolean expected (the Json-typed RedrivePolicy is not checked)",
      code: resource('AWS::SQS::Queue', ['RedrivePolicy: x', 'FifoQueue: yes please']),
      errors: [{ messageId: 'wrongType', line: 7, column: 18, endLine: 7, endColumn: 28, message: /^FifoQueue in R \(AWS::SQS::Queue\) must be true or false, but it is the string "yes please"/ }],
    },
    {
      name: 'value not allowed, with a suggestion',
      code: fn('Runtime: python3.13', 'Handler: app.handler', 'TracingConfig:', '  Mode: active'),
      errors: [
        {
          messageId: 'notAllowed',
          line: 13,
          column: 15,
          endLine: 13,
          endColumn: 21,
          message: 'TracingConfig.Mode in Fn (AWS::Lambda::Function) is "active", which is not an allowed value, so CloudFormation rejects the template. Did you mean Active? Allowed: Active, PassThrough.',
        },
      ],
    },
    {
      name: 'numeric allowed values',
      code: resource('AWS::Logs::LogGroup', ['RetentionInDays: 10']),
      errors: [{ messageId: 'notAllowed', line: 6, column: 24, endLine: 6, endColumn: 26, message: /^RetentionInDays in R \(AWS::Logs::LogGroup\) is "10", which is not an allowed value, so CloudFormation rejects the template\. Allowed: 1, 3, 5, 7, 14, 30,/ }],
    },
    {
      name: 'SAM: unknown property with a suggestion',
      code: samFn('Handler: app.handler', 'Timout: 3'),
      errors: [
        {
          messageId: 'unknownProperty',
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 13,
          severity: 'error',
          message: 'Fn (AWS::Serverless::Function) has no property Timout, so the SAM transform rejects the template. Did you mean Timeout?',
        },
      ],
    },
    {
      name: 'SAM: wrong types, on a pass-through property (typed as the Lambda property) and on a SAM-only one',
      code: samFn('MemorySize: lots', 'PropagateTags: maybe', 'Tags: [a, b]'),
      errors: [
        {
          messageId: 'wrongType',
          line: 6,
          column: 19,
          endLine: 6,
          endColumn: 23,
          message: 'MemorySize in Fn (AWS::Serverless::Function) must be a whole number, but it is the string "lots", so the SAM transform rejects the template. Write a whole number (or an intrinsic function that gives one).',
        },
        { messageId: 'wrongType', line: 7, column: 22, endLine: 7, endColumn: 27, message: /^PropagateTags in Fn \(AWS::Serverless::Function\) must be true or false, but it is the string "maybe"/ },
        { messageId: 'wrongType', line: 8, column: 13, endLine: 8, endColumn: 19, message: /^Tags in Fn \(AWS::Serverless::Function\) must be an object \(a map of properties\), but it is a list/ },
      ],
    },
    {
      name: 'SAM: a polymorphic value of a kind no alternative has',
      code: samFn('CodeUri: [src/]'),
      errors: [{ messageId: 'wrongType', line: 6, column: 16, endLine: 6, endColumn: 22, message: 'CodeUri in Fn (AWS::Serverless::Function) must be a string or an object (a map of properties), but it is a list, so the SAM transform rejects the template. Write a string or an object (a map of properties) (or an intrinsic function that gives one).' }],
    },
    {
      name: 'SAM: a polymorphic object checked against its one object shape (CodeUri without Key)',
      code: samFn('CodeUri:', '  Bucket: artifacts'),
      errors: [{ messageId: 'missingProperty', line: 6, column: 7, endLine: 6, endColumn: 14, message: 'CodeUri in Fn (AWS::Serverless::Function) is missing the required property Key, so the SAM transform rejects the resource. Add Key.' }],
    },
    {
      name: 'SAM: bad allowed values (SAM enum in a union, Lambda enum through a pass-through property)',
      code: samFn('Tracing: active', 'PackageType: zip'),
      errors: [
        {
          messageId: 'notAllowed',
          line: 6,
          column: 16,
          endLine: 6,
          endColumn: 22,
          message: 'Tracing in Fn (AWS::Serverless::Function) is "active", which is not an allowed value, so the SAM transform rejects the template. Did you mean Active? Allowed: Active, PassThrough, Disabled.',
        },
        { messageId: 'notAllowed', line: 7, column: 20, endLine: 7, endColumn: 23, message: /^PackageType in Fn \(AWS::Serverless::Function\) is "zip", which is not an allowed value, so the SAM transform rejects the template\. Did you mean Zip\? Allowed: Image, Zip\.$/ },
      ],
    },
    {
      name: 'SAM events: an unknown Type, a missing Type, a Type whose required and unknown properties are checked',
      code: samFn(
        'Events:',
        '  Queue:',
        '    Type: Sqs',
        '    Properties: { Queue: q }',
        '  NoType:',
        '    Properties: { Queue: q }',
        '  Get:',
        '    Type: Api',
        '    Properties:',
        '      Path: /items',
        '      Methods: get',
      ),
      errors: [
        {
          messageId: 'notAllowed',
          line: 8,
          column: 17,
          endLine: 8,
          endColumn: 20,
          message:
            'Events.Queue.Type in Fn (AWS::Serverless::Function) is "Sqs", which is not an allowed value, so the SAM transform rejects the template. Did you mean SQS? Allowed: S3, SNS, Kinesis, DynamoDB, DocumentDB, SQS, Api, Schedule, ScheduleV2, CloudWatchEvent, EventBridgeRule, CloudWatchLogs, IoTRule, AlexaSkill, Cognito, HttpApi, MSK, MQ, SelfManagedKafka.',
        },
        { messageId: 'missingProperty', line: 10, column: 9, endLine: 10, endColumn: 15, message: 'Events.NoType in Fn (AWS::Serverless::Function) is missing the required property Type, so the SAM transform rejects the resource. Add Type.' },
        { messageId: 'missingProperty', line: 14, column: 11, endLine: 14, endColumn: 21, message: /^Events\.Get\.Properties in Fn \(AWS::Serverless::Function\) is missing the required property Method\b/ },
        { messageId: 'unknownProperty', line: 16, column: 13, endLine: 16, endColumn: 20, message: /^Events\.Get\.Properties in Fn \(AWS::Serverless::Function\) has no property Methods, so the SAM transform rejects the template\. Did you mean Method\?$/ },
      ],
    },
    {
      name: 'SAM: a wrong property next to the translator-only ones is still rejected (EventBridgeRule, OnFailure)',
      code: samFn(
        'CodeUri: src/',
        'Events:',
        '  Rule: { Type: EventBridgeRule, Properties: { Pattern: {}, State: DISABLED, Status: DISABLED } }',
        '  Stream:',
        '    Type: Kinesis',
        '    Properties:',
        '      Stream: s',
        '      StartingPosition: LATEST',
        '      DestinationConfig: { OnFailure: { Type: Sqs, Destination: d, Kind: SQS } }',
      ),
      errors: [
        {
          messageId: 'unknownProperty',
          line: 8,
          column: 84,
          endLine: 8,
          endColumn: 90,
          message: /^Events\.Rule\.Properties in Fn \(AWS::Serverless::Function\) has no property Status, so the SAM transform rejects the template\. Did you mean State\?$/,
        },
        {
          messageId: 'notAllowed',
          line: 14,
          column: 53,
          endLine: 14,
          endColumn: 56,
          message:
            'Events.Stream.Properties.DestinationConfig.OnFailure.Type in Fn (AWS::Serverless::Function) is "Sqs", which is not an allowed value, so the SAM transform rejects the template. Did you mean SQS? Allowed: SQS, SNS, S3, Kafka.',
        },
        { messageId: 'unknownProperty', line: 14, column: 74, endLine: 14, endColumn: 78, message: /^Events\.Stream\.Properties\.DestinationConfig\.OnFailure in Fn \(AWS::Serverless::Function\) has no property Kind\b/ },
      ],
    },
    {
      name: 'SAM: a missing required property (Api StageName), on the resource when it has no Properties',
      code: sam([], ['A:', '  Type: AWS::Serverless::Api', 'B:', '  Type: AWS::Serverless::Api', '  Properties:', '    Name: b']),
      errors: [
        { messageId: 'missingProperty', line: 3, column: 3, endLine: 3, endColumn: 4, message: 'A (AWS::Serverless::Api) is missing the required property StageName, so the SAM transform rejects the resource. Add StageName.' },
        { messageId: 'missingProperty', line: 7, column: 5, endLine: 7, endColumn: 15, message: /^B \(AWS::Serverless::Api\) is missing the required property StageName\b/ },
      ],
    },
    {
      name: 'SAM: Globals without the required nested property do not help; IgnoreGlobals "*" or naming it drops Globals',
      code: sam(
        ['Api:', '  Domain: { CertificateArn: c }', 'Function:', '  CodeUri: { Bucket: b }'],
        ['A:', '  Type: AWS::Serverless::Api', '  IgnoreGlobals: "*"', '  Properties:', '    StageName: prod', '    Domain: { DomainName: d }', 'Fn:', '  Type: AWS::Serverless::Function', '  IgnoreGlobals: [CodeUri]', '  Properties:', '    CodeUri:', '      Key: k'],
      ),
      errors: [
        { messageId: 'missingProperty', line: 13, column: 7, endLine: 13, endColumn: 13, message: 'Domain in A (AWS::Serverless::Api) is missing the required property CertificateArn, so the SAM transform rejects the resource. Add CertificateArn.' },
        { messageId: 'missingProperty', line: 18, column: 7, endLine: 18, endColumn: 14, message: /^CodeUri in Fn \(AWS::Serverless::Function\) is missing the required property Bucket\b/ },
      ],
    },
    {
      name: 'SAM Globals: unknown properties, properties SAM takes only per resource, unknown sections, a section that is not an object',
      code: sam(
        [
          'Function:',
          '  Timout: 3',
          '  Events: {}',
          '  runtime: python3.13',
          'Api:',
          '  StageName: prod',
          '  Bogus: 1',
          'HttpApi:',
          '  Cors: x',
          'Functions:',
          '  Runtime: x',
          'Table: {}',
          'SimpleTable: [a]',
        ],
        ['Q:', '  Type: AWS::SQS::Queue'],
      ),
      errors: [
        { messageId: 'notInGlobals', line: 4, column: 5, endLine: 4, endColumn: 11, severity: 'error', message: 'Globals.Function cannot set Timout, so the SAM transform rejects the template. Did you mean Timeout?' },
        {
          messageId: 'notInGlobals',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 11,
          message: 'Globals.Function cannot set Events, so the SAM transform rejects the template. SAM takes Events only from each resource: set it in the Properties of each AWS::Serverless::Function.',
        },
        { messageId: 'notInGlobals', line: 6, column: 5, endLine: 6, endColumn: 12, message: 'Globals.Function cannot set runtime, so the SAM transform rejects the template. Did you mean Runtime?' },
        { messageId: 'notInGlobals', line: 8, column: 5, endLine: 8, endColumn: 14, message: /^Globals\.Api cannot set StageName, so the SAM transform rejects the template\. SAM takes StageName only from each resource: set it in the Properties of each AWS::Serverless::Api\.$/ },
        { messageId: 'notInGlobals', line: 9, column: 5, endLine: 9, endColumn: 10, message: 'Globals.Api cannot set Bogus, so the SAM transform rejects the template. Remove it, or check the name in the AWS::Serverless::Api reference.' },
        { messageId: 'notInGlobals', line: 11, column: 5, endLine: 11, endColumn: 9, message: /^Globals\.HttpApi cannot set Cors, so the SAM transform rejects the template\. Remove it/ },
        { messageId: 'unknownGlobalsSection', line: 12, column: 3, endLine: 12, endColumn: 12, message: 'Globals has no section Functions, so the SAM transform rejects the template. Did you mean Function?' },
        {
          messageId: 'unknownGlobalsSection',
          line: 14,
          column: 3,
          endLine: 14,
          endColumn: 8,
          message: /^Globals has no section Table, so the SAM transform rejects the template\. Sections SAM knows: Function, Api, HttpApi, SimpleTable, StateMachine, LayerVersion, CapacityProvider, WebSocketApi, /,
        },
        { messageId: 'wrongType', line: 15, column: 16, endLine: 15, endColumn: 19, message: 'Globals.SimpleTable must be an object (a map of properties), but it is a list, so the SAM transform rejects the template. Write an object (a map of properties) (or an intrinsic function that gives one).' },
      ],
    },
  ],
});

/**
 * The committed schemas/cfn/sam.json matches what the generator makes from SAM's schema. The source is not in
 * the repository: set BERTH_SAM_SCHEMA to a copy of schema_source/sam.schema.json at the commit that
 * schemas/cfn/README.md names to run it.
 */
test('schemas/cfn/sam.json is up to date with scripts/generate-sam-schemas.mjs', { skip: !process.env.BERTH_SAM_SCHEMA || !existsSync(process.env.BERTH_SAM_SCHEMA) }, () => {
  const root = join(__dirname, '../../../..');
  execFileSync(process.execPath, [join(root, 'scripts/generate-sam-schemas.mjs'), process.env.BERTH_SAM_SCHEMA!, '--check'], { stdio: 'pipe' });
});

test("the Globals table (SAM's transform) accepts every property sam.json's Globals lists, and only properties the type has", () => {
  for (const type of SAM_VALIDATED_TYPES) {
    const spec = samTypeSpec(type)!;
    const listed = SAM_GLOBALS[spec.globals];
    assert.ok(listed, `${spec.globals} is a known section`);
    for (const name of spec.globalProperties) assert.ok(listed.includes(name), `${spec.globals}.${name}`);
    for (const name of listed) assert.ok(Object.prototype.hasOwnProperty.call(spec.properties, name), `${type} has ${name}`);
  }
});
