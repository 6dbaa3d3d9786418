import rule from '../../../../server/src/core/rules/lambda/valid-package-size';
import { runRuleTests } from '../../../helpers/ruleTester';

const MB = 1024 * 1024;
const sam = (codeUri: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      CodeUri: ${codeUri}
`;
const serverless = `service: worker
provider:
  name: aws
  runtime: nodejs22.x
functions:
  work:
    handler: index.handler
    package:
      artifact: dist/work.zip
`;

const tf = (filename: string) => `resource "aws_lambda_function" "work" {
  function_name = "work"
  runtime       = "python3.13"
  handler       = "app.handler"
  filename      = ${filename}
}
`;

runRuleTests(rule, {
  valid: [
    { name: 'a small folder', code: sam('src/'), localPaths: { src: { kind: 'folder', bytes: 12 * MB } } },
    { name: 'an S3 location is not local', code: sam('s3://bucket/key.zip') },
    { name: 'not measured: silent', code: sam('src/') },
    {
      name: 'SAM InlineCode is source, not a path',
      code: sam('src/').replace('CodeUri: src/', 'InlineCode: handler.py'),
      localPaths: { 'handler.py': { kind: 'missing', bytes: 0 } },
    },
    {
      name: 'SAM InlineCode beside a Globals CodeUri',
      code: `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    CodeUri: src/
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: index.handler
      InlineCode: |
        def handler(event, context):
            return event
`,
      localPaths: { src: { kind: 'missing', bytes: 0 } },
    },
    { name: 'a zip under the limit', filename: 'serverless.yml', code: serverless, localPaths: { 'dist/work.zip': { kind: 'file', bytes: 80 * MB, unzippedBytes: 200 * MB } } },
    { name: 'Terraform: a small zip', code: tf('"build/work.zip"'), filename: 'main.tf', localPaths: { 'build/work.zip': { kind: 'file', bytes: 5 * MB, unzippedBytes: 20 * MB } } },
    { name: 'Terraform: a path Berth cannot know (archive_file output)', code: tf('data.archive_file.work.output_path'), filename: 'main.tf' },
  ],
  invalid: [
    {
      name: 'SAM CodeUri folder over 250 MB (measurement stopped early)',
      code: sam('build/'),
      localPaths: { build: { kind: 'folder', bytes: 301 * MB, partial: true } },
      errors: [
        {
          messageId: 'folderTooLarge',
          line: 8,
          column: 16,
          endLine: 8,
          endColumn: 22,
          severity: 'warning',
          message:
            'The code folder build/ holds more than 301 MB, over the 250 MB Lambda allows for an unzipped deployment package (layers included), so the deployment is likely to be rejected. Leave out what the function does not need (tests, dev dependencies), move libraries into layers, or ship a container image (up to 10 GB).',
        },
      ],
    },
    {
      name: 'serverless.yml artifact that unzips over 250 MB',
      filename: 'serverless.yml',
      code: serverless,
      localPaths: { 'dist/work.zip': { kind: 'file', bytes: 90 * MB, unzippedBytes: 260 * MB } },
      errors: [{ messageId: 'zipTooLarge', line: 9, column: 17, endLine: 9, endColumn: 30, message: /^The package dist\/work\.zip unzips to 260 MB/ }],
    },
    {
      name: 'a path that does not exist',
      code: sam('./missing'),
      localPaths: { missing: { kind: 'missing', bytes: 0 } },
      errors: [{ messageId: 'missing', line: 8, column: 16, endLine: 8, endColumn: 25, severity: 'info' }],
    },
    {
      name: 'Terraform: filename unzips over the limit',
      code: tf('"build/work.zip"'),
      filename: 'main.tf',
      localPaths: { 'build/work.zip': { kind: 'file', bytes: 60 * MB, unzippedBytes: 300 * MB } },
      errors: [{ messageId: 'zipTooLarge', line: 5, column: 19, endLine: 5, endColumn: 35, message: /^The package build\/work\.zip unzips to 300 MB/ }],
    },
  ],
});
