/** Minimal Lambda documents in each shape, for the Lambda rule tests. */

/** create-function JSON with extra properties (each a `"Key": value` line). */
export const api = (...props: string[]) => `{
  "FunctionName": "orders",
  "Role": "arn:aws:iam::123456789012:role/fn",
${props.map((p) => `  ${p},`).join('\n')}
  "Code": { "S3Bucket": "b", "S3Key": "k.zip" }
}`;

/** AWS::Lambda::Function with property lines at 6-space indent. */
export const cfn = (...props: string[]) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
${props.map((p) => `      ${p}`).join('\n')}
`;

/**
 * SAM template: Globals.Function lines (4-space), the function's property lines (6-space), and resource attribute
 * lines (4-space, such as IgnoreGlobals) between Type and Properties, which add no line when there are none.
 */
export const sam = (globals: string[], props: string[], attributes: string[] = []) => `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
${globals.map((p) => `    ${p}`).join('\n')}
Resources:
  Fn:
    Type: AWS::Serverless::Function
${attributes.map((p) => `    ${p}\n`).join('')}    Properties:
${props.map((p) => `      ${p}`).join('\n')}
`;

/** serverless.yml: provider lines (2-space) and function lines (4-space). */
export const sls = (provider: string[], fn: string[]) => `service: orders
provider:
  name: aws
${provider.map((p) => `  ${p}`).join('\n')}
functions:
  api:
${fn.map((p) => `    ${p}`).join('\n')}
`;

/** aws_lambda_function in Terraform: argument lines (2-space, a block's inner lines indented further) from line 4. */
export const tf = (...args: string[]) => `resource "aws_lambda_function" "fn" {
  function_name = "orders"
  role          = "arn:aws:iam::123456789012:role/fn"
${args.map((a) => `  ${a}`).join('\n')}
}
`;

/** A Terraform variable block with a default. */
export const tfVariable = (name: string, value: string) => `variable "${name}" {\n  default = ${value}\n}\n`;

/** Terraform: a worker function in lambda.tf with its timeout line (line 6), for the event source rules. */
export const tfWorker = (timeout?: string) => `resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = "arn:aws:iam::123456789012:role/worker"
  runtime       = "python3.13"
  handler       = "app.handler"
${timeout ? `  timeout       = ${timeout}\n` : ''}  filename      = "worker.zip"
}
`;

/** Terraform: an SQS queue with its argument lines (2-space) from line 3. */
export const tfQueue = (...args: string[]) => `resource "aws_sqs_queue" "jobs" {
  name = "jobs"
${args.map((a) => `  ${a}\n`).join('')}}
`;

/** Terraform: an event source mapping from the jobs queue to the worker, with extra argument lines from line 4. */
export const tfMapping = (...args: string[]) => `resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
${args.map((a) => `  ${a}\n`).join('')}}
`;
