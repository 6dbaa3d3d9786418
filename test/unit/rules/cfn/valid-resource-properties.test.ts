import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

runRuleTests(rule, {
  valid: [
    { name: 'examples/cfn/static-site.yaml', code: example('cfn/static-site.yaml') },
    { name: 'examples/cfn/ecs-service-alb.yaml', code: example('cfn/ecs-service-alb.yaml') },
    { name: 'examples/cfn/sam-api.yaml', code: example('cfn/sam-api.yaml') },
    { name: 'examples/sam/template.yaml', code: example('sam/template.yaml') },
    { name: 'a complete function', code: fn('Runtime: python3.13', 'Handler: app.handler', 'MemorySize: 512', 'Timeout: "30"', 'Architectures: [arm64]', 'TracingConfig: { Mode: Active }') },
    { name: 'intrinsics anywhere', code: fn('MemorySize: !Ref Memory', 'Layers: !Split [",", !Ref Layers]', 'TracingConfig: !If [Prod, { Mode: Active }, !Ref AWS::NoValue]', 'Environment:', '  Variables: !Ref Vars') },
    { name: 'Properties given by an intrinsic', code: resource('AWS::SQS::Queue', []).replace('    Type: AWS::SQS::Queue\n', '    Type: AWS::SQS::Queue\n    Properties: !If [Fifo, { FifoQueue: true }, {}]\n') },
    { name: 'numbers as strings, booleans as strings', code: resource('AWS::SQS::Queue', ['VisibilityTimeout: "60"', 'FifoQueue: "true"']) },
    { name: 'Json-typed property (bucket policy document) is not checked', code: resource('AWS::S3::BucketPolicy', ['Bucket: b', 'PolicyDocument: { Anything: [1, 2] }']) },
    { name: 'tags', code: resource('AWS::SQS::Queue', ['Tags:', '  - Key: team', '    Value: orders']) },
    { name: 'custom resource', code: resource('Custom::Thing', ['Whatever: 1']) },
    { name: 'unknown third-party type', code: resource('Acme::Widget::Thing', ['Size: big']) },
    { name: 'SAM types are not in the data', code: `Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Whatever: 1\n` },
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
  ],
});
