import rule from '../../../../server/src/core/rules/lambda/valid-sqs-visibility-timeout';
import { runRuleTests } from '../../../helpers/ruleTester';
import { tfMapping, tfQueue, tfWorker } from './shapes';

/** SAM: a worker with an SQS event on JobQueue. */
const samWorker = (timeout: string | undefined, queueProps: string[]) => `Transform: AWS::Serverless-2016-10-31
Parameters:
  Visibility:
    Type: Number
    Default: 30
Resources:
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
${timeout ? `      Timeout: ${timeout}\n` : ''}      Events:
        Jobs:
          Type: SQS
          Properties:
            Queue: !GetAtt JobQueue.Arn
  JobQueue:
    Type: AWS::SQS::Queue
${queueProps.length ? `    Properties:\n${queueProps.map((p) => `      ${p}\n`).join('')}` : ''}`;

/** CloudFormation: AWS::Lambda::Function + AWS::Lambda::EventSourceMapping. */
const cfnWorker = (timeout: string, queueProps: string[], functionName = '!Ref Worker') => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Worker:
    Type: AWS::Lambda::Function
    Properties:
      FunctionName: worker
      Runtime: python3.13
      Handler: app.handler
      Role: arn:aws:iam::123456789012:role/worker
      Code: { S3Bucket: b, S3Key: k.zip }
      Timeout: ${timeout}
  JobQueue:
    Type: AWS::SQS::Queue
${queueProps.length ? `    Properties:\n${queueProps.map((p) => `      ${p}\n`).join('')}` : ''}  Mapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      FunctionName: ${functionName}
      EventSourceArn: !GetAtt JobQueue.Arn
`;

/** Terraform: the worker (lambda.tf) and the mapping (main.tf) beside the queue under test. */
const tfModule = (timeout: string | undefined) => [
  { filename: 'lambda.tf', code: tfWorker(timeout) },
  { filename: 'main.tf', code: tfMapping() },
];

runRuleTests(rule, {
  valid: [
    { name: 'SAM: six times the timeout', code: samWorker('60', ['VisibilityTimeout: 360']) },
    { name: 'SAM: defaults (3 s function, 30 s queue)', code: samWorker(undefined, []) },
    { name: 'SAM: visibility from a parameter default is not certain', code: samWorker('60', ['VisibilityTimeout: !Ref Visibility']) },
    { name: 'SAM: function timeout from a parameter', code: samWorker('!Ref Timeout', ['VisibilityTimeout: 10']) },
    { name: 'CloudFormation: above the recommendation', code: cfnWorker('20', ['VisibilityTimeout: 150']) },
    { name: 'CloudFormation: mapping to a function outside the template', code: cfnWorker('300', [], 'other-function') },
    { name: 'Terraform: six times the timeout', code: tfQueue('visibility_timeout_seconds = 720'), filename: 'queues.tf', workspace: tfModule('120') },
    { name: 'Terraform: the function timeout is unknown', code: tfQueue('visibility_timeout_seconds = 10'), filename: 'queues.tf', workspace: tfModule('var.timeout') },
    { name: 'Terraform: the visibility is unknown', code: tfQueue('visibility_timeout_seconds = var.visibility'), filename: 'queues.tf', workspace: tfModule('120') },
    { name: 'Terraform: defaults (3 s function, 30 s queue)', code: tfQueue(), filename: 'queues.tf', workspace: tfModule(undefined) },
    { name: 'Terraform: the finding belongs to the queue\'s file, not the mapping\'s', code: tfMapping(), filename: 'main.tf', workspace: [{ filename: 'lambda.tf', code: tfWorker('120') }, { filename: 'queues.tf', code: tfQueue('visibility_timeout_seconds = 60') }] },
    {
      name: 'Terraform: a queue read with a data source is not judged',
      code: tfMapping().replace('aws_sqs_queue.jobs.arn', 'data.aws_sqs_queue.jobs.arn'),
      filename: 'main.tf',
      workspace: [{ filename: 'lambda.tf', code: tfWorker('120') }],
    },
  ],
  invalid: [
    {
      name: 'SAM: queue visibility below the function timeout',
      code: samWorker('60', ['VisibilityTimeout: 30']),
      errors: [
        {
          messageId: 'belowTimeout',
          line: 21,
          column: 26,
          endLine: 21,
          endColumn: 28,
          severity: 'error',
          message:
            'Queue JobQueue has a visibility timeout of 30 s, shorter than the 60 s timeout of Worker, which it triggers. Lambda rejects the event source mapping: a message would become visible to other pollers while the function is still working on it. Set VisibilityTimeout to at least 60 s; AWS recommends 360 s, six times the function timeout.',
          related: [
            { line: 12, column: 16 },
            { line: 14, column: 9 },
          ],
        },
      ],
      output: samWorker('60', ['VisibilityTimeout: 360']),
    },
    {
      name: 'SAM: default queue visibility below the function timeout',
      code: samWorker('45', []),
      errors: [{ messageId: 'belowTimeout', line: 18, column: 3, endLine: 18, endColumn: 11, severity: 'error', message: /^Queue JobQueue has a visibility timeout of 30 s \(the default: VisibilityTimeout is not set\), shorter than the 45 s timeout/ }],
    },
    {
      name: 'CloudFormation: event source mapping, default visibility below six times',
      code: cfnWorker('20', []),
      errors: [
        {
          messageId: 'belowRecommended',
          line: 12,
          column: 3,
          endLine: 12,
          endColumn: 11,
          severity: 'info',
          message:
            'Queue JobQueue has a visibility timeout of 30 s (the default: VisibilityTimeout is not set), less than six times the 20 s timeout of Worker (120 s), which AWS recommends for a Lambda event source: when the function is throttled or retried, messages reappear and are received again (or reach the dead-letter queue) before they are processed. Set VisibilityTimeout to 120.',
          related: [
            { line: 11, column: 16 },
            { line: 14, column: 3 },
          ],
        },
      ],
    },
    {
      name: 'CloudFormation: mapping by literal FunctionName, visibility set',
      code: cfnWorker('20', ['VisibilityTimeout: 60'], 'worker'),
      errors: [{ messageId: 'belowRecommended', line: 15, column: 26, endLine: 15, endColumn: 28, severity: 'info' }],
      output: cfnWorker('20', ['VisibilityTimeout: 120'], 'worker'),
    },
    {
      name: 'Terraform: the queue, the function and the mapping in three files',
      code: tfQueue('visibility_timeout_seconds = 60'),
      filename: 'queues.tf',
      workspace: tfModule('120'),
      errors: [
        {
          messageId: 'belowTimeout',
          line: 3,
          column: 32,
          endLine: 3,
          endColumn: 34,
          severity: 'error',
          message:
            'Queue aws_sqs_queue.jobs has a visibility timeout of 60 s, shorter than the 120 s timeout of aws_lambda_function.worker, which it triggers. Lambda rejects the event source mapping: a message would become visible to other pollers while the function is still working on it. Set visibility_timeout_seconds to at least 120 s; AWS recommends 720 s, six times the function timeout.',
          related: [
            { line: 6, column: 19, filename: 'lambda.tf' },
            { line: 1, column: 44, filename: 'main.tf' },
          ],
        },
      ],
      output: tfQueue('visibility_timeout_seconds = 720'),
    },
    {
      name: 'Terraform: the default visibility, reported on the queue\'s name',
      code: tfQueue(),
      filename: 'queues.tf',
      workspace: tfModule('120'),
      errors: [{ messageId: 'belowTimeout', line: 1, column: 26, endLine: 1, endColumn: 32, message: /of 30 s \(the default: visibility_timeout_seconds is not set\)/ }],
    },
    {
      name: 'Terraform: below six times the timeout',
      code: tfQueue('visibility_timeout_seconds = 60'),
      filename: 'queues.tf',
      workspace: tfModule('20'),
      errors: [{ messageId: 'belowRecommended', line: 3, column: 32, endLine: 3, endColumn: 34, severity: 'info', message: /Set visibility_timeout_seconds to 120\.$/ }],
      output: tfQueue('visibility_timeout_seconds = 120'),
    },
    {
      name: 'Terraform: the visibility from terraform.tfvars is reported at its use, without a fix',
      code: tfQueue('visibility_timeout_seconds = var.visibility'),
      filename: 'queues.tf',
      workspace: [
        ...tfModule('120'),
        { filename: 'variables.tf', code: 'variable "visibility" {\n  default = 900\n}\n' },
        { filename: 'terraform.tfvars', code: 'visibility = 60\n' },
      ],
      errors: [
        {
          messageId: 'belowTimeout',
          line: 3,
          column: 32,
          endLine: 3,
          endColumn: 46,
          related: [
            { line: 1, column: 14, filename: 'terraform.tfvars' },
            { line: 6, column: 19, filename: 'lambda.tf' },
            { line: 1, column: 44, filename: 'main.tf' },
          ],
        },
      ],
      noFix: true,
    },
  ],
});
