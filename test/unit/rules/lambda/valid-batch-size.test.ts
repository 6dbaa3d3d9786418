import rule from '../../../../server/src/core/rules/lambda/valid-batch-size';
import { runRuleTests } from '../../../helpers/ruleTester';
import { sls, tfMapping, tfQueue, tfWorker } from './shapes';

/** SAM: an SQS event on Jobs with the given event property lines and queue property lines. */
const samSqs = (eventProps: string[], queueProps: string[] = []) => `Transform: AWS::Serverless-2016-10-31
Resources:
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      Events:
        Jobs:
          Type: SQS
          Properties:
            Queue: !GetAtt Jobs.Arn
${eventProps.map((p) => `            ${p}\n`).join('')}  Jobs:
    Type: AWS::SQS::Queue
${queueProps.length ? `    Properties:\n${queueProps.map((p) => `      ${p}\n`).join('')}` : ''}`;

/** CloudFormation: an event source mapping with the given property lines, next to a DynamoDB table. */
const mapping = (props: string[]) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Orders:
    Type: AWS::DynamoDB::Table
  Mapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      FunctionName: orders-stream
${props.map((p) => `      ${p}\n`).join('')}`;

/** Terraform: the worker (lambda.tf) and the jobs queue (queues.tf) beside the mapping under test. */
const tfModule = (...queue: string[]) => [
  { filename: 'lambda.tf', code: tfWorker() },
  { filename: 'queues.tf', code: tfQueue(...queue) },
];

runRuleTests(rule, {
  valid: [
    { name: 'SAM SQS default batch size', code: samSqs([]) },
    { name: 'SAM SQS 10 without a window', code: samSqs(['BatchSize: 10']) },
    { name: 'SAM SQS 10,000 with a window', code: samSqs(['BatchSize: 10000', 'MaximumBatchingWindowInSeconds: 5']) },
    { name: 'SAM FIFO queue at 10', code: samSqs(['BatchSize: 10'], ['FifoQueue: true']) },
    { name: 'SAM FifoQueue unknown: no limit assumed', code: samSqs(['BatchSize: 11', 'MaximumBatchingWindowInSeconds: 1'], ['FifoQueue: !Ref Fifo']) },
    { name: 'batch size from a parameter', code: samSqs(['BatchSize: !Ref Size']) },
    { name: 'window from a parameter', code: samSqs(['BatchSize: 100', 'MaximumBatchingWindowInSeconds: !Ref Window']) },
    { name: 'Kinesis 10,000', code: mapping(['EventSourceArn: arn:aws:kinesis:eu-west-1:123456789012:stream/orders', 'BatchSize: 10000', 'StartingPosition: LATEST']) },
    { name: 'unknown source', code: mapping(['EventSourceArn: !ImportValue OrdersStream', 'BatchSize: 50000']) },
    { name: 'serverless SQS with a window', code: sls([], ['handler: a.b', 'events:', '  - sqs:', '      arn: arn:aws:sqs:eu-west-1:123456789012:jobs', '      batchSize: 100', '      maximumBatchingWindow: 10']), filename: 'serverless.yml' },
    { name: 'Terraform: SQS 10 without a window', code: tfMapping('batch_size = 10'), filename: 'main.tf', workspace: tfModule() },
    { name: 'Terraform: SQS 100 with a window', code: tfMapping('batch_size = 100', 'maximum_batching_window_in_seconds = 5'), filename: 'main.tf', workspace: tfModule() },
    { name: 'Terraform: fifo_queue unknown, no limit assumed', code: tfMapping('batch_size = 11', 'maximum_batching_window_in_seconds = 1'), filename: 'main.tf', workspace: tfModule('fifo_queue = var.fifo') },
    { name: 'Terraform: batch size unknown', code: tfMapping('batch_size = var.size'), filename: 'main.tf', workspace: tfModule() },
    { name: 'Terraform: a window Berth cannot know', code: tfMapping('batch_size = 100', 'maximum_batching_window_in_seconds = var.window'), filename: 'main.tf', workspace: tfModule() },
    {
      name: 'Terraform: Kinesis by literal ARN at 10,000',
      code: tfMapping('batch_size = 10000', 'starting_position = "LATEST"').replace('aws_sqs_queue.jobs.arn', '"arn:aws:kinesis:eu-west-1:123456789012:stream/orders"'),
      filename: 'main.tf',
      workspace: [{ filename: 'lambda.tf', code: tfWorker() }],
    },
  ],
  invalid: [
    {
      name: 'SAM SQS over 10,000',
      code: samSqs(['BatchSize: 20000', 'MaximumBatchingWindowInSeconds: 5']),
      errors: [
        {
          messageId: 'overMax',
          line: 13,
          column: 24,
          endLine: 13,
          endColumn: 29,
          severity: 'error',
          message: 'BatchSize 20000 is over the maximum of 10000 for an SQS standard queue, so Lambda rejects the event source mapping. Use 10000 or less.',
        },
      ],
      output: samSqs(['BatchSize: 10000', 'MaximumBatchingWindowInSeconds: 5']),
    },
    {
      name: 'SAM FIFO queue over 10',
      code: samSqs(['BatchSize: 11'], ['FifoQueue: true']),
      errors: [{ messageId: 'overMax', line: 13, column: 24, endLine: 13, endColumn: 26, message: /maximum of 10 for an SQS FIFO queue/ }],
      output: samSqs(['BatchSize: 10'], ['FifoQueue: true']),
    },
    {
      name: 'SAM SQS over 10 without a batching window',
      code: samSqs(['BatchSize: 100']),
      errors: [
        {
          messageId: 'windowRequired',
          line: 13,
          column: 24,
          endLine: 13,
          endColumn: 27,
          message:
            'BatchSize 100 is over 10, and for an SQS queue Lambda then requires a batching window: without MaximumBatchingWindowInSeconds of at least 1 s the event source mapping is rejected. Set MaximumBatchingWindowInSeconds (1–300 s), or use a BatchSize of 10 or less.',
        },
      ],
    },
    {
      name: 'SAM SQS over 10 with a zero window',
      code: samSqs(['BatchSize: 11', 'MaximumBatchingWindowInSeconds: 0']),
      errors: [{ messageId: 'windowRequired', line: 13, column: 24, endLine: 13, endColumn: 26 }],
    },
    {
      name: 'CloudFormation: DynamoDB stream through GetAtt, over 10,000',
      code: mapping(['EventSourceArn: !GetAtt Orders.StreamArn', 'BatchSize: 10001', 'StartingPosition: LATEST']),
      errors: [{ messageId: 'overMax', line: 10, column: 18, endLine: 10, endColumn: 23, message: /for a DynamoDB stream/ }],
      output: mapping(['EventSourceArn: !GetAtt Orders.StreamArn', 'BatchSize: 10000', 'StartingPosition: LATEST']),
    },
    {
      name: 'CloudFormation: zero',
      code: mapping(['EventSourceArn: arn:aws:kinesis:eu-west-1:123456789012:stream/orders', 'BatchSize: 0']),
      errors: [{ messageId: 'belowMin', line: 10, column: 18, endLine: 10, endColumn: 19, message: 'BatchSize 0 is below 1, so Lambda rejects the event source mapping. Use a batch size of 1 or more.' }],
    },
    {
      name: 'serverless SQS over 10 without maximumBatchingWindow',
      code: sls([], ['handler: a.b', 'events:', '  - sqs:', '      arn: arn:aws:sqs:eu-west-1:123456789012:jobs', '      batchSize: 50']),
      filename: 'serverless.yml',
      errors: [{ messageId: 'windowRequired', line: 11, column: 22, endLine: 11, endColumn: 24, message: /^batchSize 50 is over 10, .* without maximumBatchingWindow of at least 1 s/ }],
    },
    {
      name: 'serverless FIFO queue by ARN',
      code: sls([], ['handler: a.b', 'events:', '  - sqs:', '      arn: arn:aws:sqs:eu-west-1:123456789012:jobs.fifo', '      batchSize: 20']),
      filename: 'serverless.yml',
      errors: [{ messageId: 'overMax', line: 11, column: 22, endLine: 11, endColumn: 24, message: /^batchSize 20 is over the maximum of 10 for an SQS FIFO queue/ }],
      output: sls([], ['handler: a.b', 'events:', '  - sqs:', '      arn: arn:aws:sqs:eu-west-1:123456789012:jobs.fifo', '      batchSize: 10']),
    },
    {
      name: 'Terraform: SQS over 10 without maximum_batching_window_in_seconds',
      code: tfMapping('batch_size = 100'),
      filename: 'main.tf',
      workspace: tfModule(),
      errors: [
        {
          messageId: 'windowRequired',
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 19,
          message:
            'batch_size 100 is over 10, and for an SQS queue Lambda then requires a batching window: without maximum_batching_window_in_seconds of at least 1 s the event source mapping is rejected. Set maximum_batching_window_in_seconds (1–300 s), or use a batch_size of 10 or less.',
        },
      ],
    },
    {
      name: 'Terraform: FIFO queue over 10',
      code: tfMapping('batch_size = 20'),
      filename: 'main.tf',
      workspace: tfModule('fifo_queue = true'),
      errors: [{ messageId: 'overMax', line: 4, column: 16, endLine: 4, endColumn: 18, message: /^batch_size 20 is over the maximum of 10 for an SQS FIFO queue/ }],
      output: tfMapping('batch_size = 10'),
    },
    {
      name: 'Terraform: zero',
      code: tfMapping('batch_size = 0'),
      filename: 'main.tf',
      workspace: tfModule(),
      errors: [{ messageId: 'belowMin', line: 4, column: 16, endLine: 4, endColumn: 17 }],
    },
    {
      name: 'Terraform: a DynamoDB stream of the module, over 10,000',
      code: tfMapping('batch_size = 20000', 'starting_position = "LATEST"').replace('aws_sqs_queue.jobs.arn', 'aws_dynamodb_table.orders.stream_arn'),
      filename: 'main.tf',
      workspace: [{ filename: 'lambda.tf', code: tfWorker() }],
      errors: [{ messageId: 'overMax', line: 4, column: 16, endLine: 4, endColumn: 21, message: /for a DynamoDB stream/ }],
      output: tfMapping('batch_size = 10000', 'starting_position = "LATEST"').replace('aws_sqs_queue.jobs.arn', 'aws_dynamodb_table.orders.stream_arn'),
    },
    {
      name: 'Terraform: self-managed Kafka over 10,000',
      code: tfMapping('batch_size = 20000', 'self_managed_event_source {', '  endpoints = { KAFKA_BOOTSTRAP_SERVERS = "kafka:9092" }', '}', 'topics = ["orders"]').replace('  event_source_arn = aws_sqs_queue.jobs.arn\n', ''),
      filename: 'main.tf',
      errors: [{ messageId: 'overMax', line: 3, column: 16, endLine: 3, endColumn: 21, message: /for a Kafka topic/ }],
      output: tfMapping('batch_size = 10000', 'self_managed_event_source {', '  endpoints = { KAFKA_BOOTSTRAP_SERVERS = "kafka:9092" }', '}', 'topics = ["orders"]').replace('  event_source_arn = aws_sqs_queue.jobs.arn\n', ''),
    },
    {
      name: 'Terraform: the batch size from a variable default, reported at its use without a fix',
      code: tfMapping('batch_size = var.size'),
      filename: 'main.tf',
      workspace: [...tfModule('fifo_queue = true'), { filename: 'variables.tf', code: 'variable "size" {\n  default = 50\n}\n' }],
      errors: [{ messageId: 'overMax', line: 4, column: 16, endLine: 4, endColumn: 24, related: [{ line: 2, column: 13, filename: 'variables.tf' }] }],
      noFix: true,
    },
  ],
});
