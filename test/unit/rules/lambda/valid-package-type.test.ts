import rule from '../../../../server/src/core/rules/lambda/valid-package-type';
import { runRuleTests } from '../../../helpers/ruleTester';
import { api, cfn, sam, sls, tf } from './shapes';

const IMAGE = ['PackageType: Image', 'ImageUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1'];

runRuleTests(rule, {
  valid: [
    { name: 'API zip', code: api('"Runtime": "python3.13"', '"Handler": "app.handler"'), filename: 'function.json' },
    { name: 'update-function-configuration may omit both', code: '{ "FunctionName": "f", "MemorySize": 256 }', filename: 'function.json' },
    { name: 'CloudFormation image', code: cfn('PackageType: Image', 'Code:', '  ImageUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1') },
    { name: 'SAM inline Python', code: sam(['Runtime: python3.13'], ['Handler: index.handler', 'InlineCode: "def handler(e, c): return 1"']) },
    { name: 'serverless runtime defaults', code: sls([], ['handler: a.b']), filename: 'serverless.yml' },
    // SAM leaves out the Globals a resource's IgnoreGlobals names ('*': all of them).
    { name: "SAM image function with IgnoreGlobals '*'", code: sam(['Runtime: python3.13', 'Handler: app.handler'], IMAGE, ["IgnoreGlobals: '*'"]) },
    { name: 'SAM image function with IgnoreGlobals [Runtime, Handler]', code: sam(['Runtime: python3.13', 'Handler: app.handler'], IMAGE, ['IgnoreGlobals:', '- Runtime', '- Handler']) },
    { name: 'SAM image function ignoring the Globals Layers', code: sam(['Layers: [arn:aws:lambda:us-east-1:123456789012:layer:x:1]'], IMAGE, ['IgnoreGlobals: [Layers]']) },
    { name: 'Terraform: zip', code: tf('runtime = "python3.13"', 'handler = "app.handler"', 'filename = "fn.zip"'), filename: 'main.tf' },
    { name: 'Terraform: image', code: tf('package_type = "Image"', 'image_uri = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1"'), filename: 'main.tf' },
    { name: 'Terraform: package type unknown', code: tf('package_type = var.package_type', 'filename = "fn.zip"'), filename: 'main.tf' },
    {
      name: "Terraform: a finding about a function lands in its own file, not in the module's other files",
      code: 'resource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n}\n',
      filename: 'queues.tf',
      workspace: [{ filename: 'main.tf', code: tf('filename = "fn.zip"') }],
    },
  ],
  invalid: [
    {
      name: 'CloudFormation image with Runtime and Layers',
      code: cfn('PackageType: Image', 'Runtime: python3.13', 'Layers: [arn:aws:lambda:us-east-1:123456789012:layer:x:1]', 'Code:', '  ImageUri: app:1'),
      errors: [
        {
          messageId: 'imageWith',
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 14,
          severity: 'error',
          message:
            'Runtime cannot be set on a container-image function (PackageType Image): the image brings its own runtime, handler and dependencies, so Lambda rejects it. Remove Runtime (set CMD / ImageConfig.Command for the handler).',
        },
        { messageId: 'imageWith', line: 8, column: 7, endLine: 8, endColumn: 13 },
      ],
    },
    {
      name: 'API create-function without Handler',
      code: api('"Runtime": "python3.13"'),
      filename: 'function.json',
      errors: [
        {
          messageId: 'zipWithout',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 17,
          message: 'orders is a .zip function without Handler; Lambda needs both Runtime and Handler for .zip packages and rejects the function. Add Handler.',
        },
      ],
    },
    {
      name: 'SAM: Globals supply the Runtime, the Handler is missing',
      code: sam(['Runtime: python3.13'], ['CodeUri: src/']),
      errors: [{ messageId: 'zipWithout', line: 6, column: 3, endLine: 6, endColumn: 5, message: /^Fn is a \.zip function without Handler/ }],
    },
    {
      name: 'SAM image function: IgnoreGlobals drops Handler but not Runtime (reported once, in Globals)',
      code: sam(['Runtime: python3.13', 'Handler: app.handler'], IMAGE, ['IgnoreGlobals: [Handler]']),
      errors: [{ messageId: 'imageWith', line: 4, column: 5, endLine: 4, endColumn: 12, message: /^Runtime cannot be set/ }],
    },
    {
      name: 'SAM: IgnoreGlobals [Runtime] on a zip function leaves it without a runtime',
      code: sam(['Runtime: python3.13', 'Handler: app.handler'], ['CodeUri: src/'], ['IgnoreGlobals: [Runtime]']),
      errors: [{ messageId: 'zipWithout', line: 7, column: 3, endLine: 7, endColumn: 5, message: /^Fn is a \.zip function without Runtime/ }],
    },
    {
      name: 'CloudFormation inline code with Java',
      code: cfn('Runtime: java21', 'Handler: a.B::h', 'Code:', '  ZipFile: class B {}'),
      errors: [
        {
          messageId: 'inlineRuntime',
          line: 6,
          column: 16,
          endLine: 6,
          endColumn: 22,
          message: 'Inline code works only with Node.js and Python runtimes, and java21 is neither, so the deployment fails. Package the code (CodeUri / S3) or use a Node.js or Python runtime.',
        },
      ],
    },
    {
      name: 'serverless image function with a handler',
      code: sls([], ['image: app:1', 'handler: a.b']),
      filename: 'serverless.yml',
      errors: [{ messageId: 'imageWith', line: 8, column: 5, endLine: 8, endColumn: 12 }],
    },
    {
      name: 'serverless function without handler',
      code: sls([], ['memorySize: 256']),
      filename: 'serverless.yml',
      errors: [{ messageId: 'zipWithout', line: 6, column: 3, endLine: 6, endColumn: 6 }],
    },
    {
      name: 'Terraform: runtime and handler on an image function',
      code: tf('package_type = "Image"', 'image_uri = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1"', 'runtime = "python3.13"', 'handler = "app.handler"'),
      filename: 'main.tf',
      errors: [
        {
          messageId: 'imageWith',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 10,
          message:
            'runtime cannot be set on a container-image function (package_type Image): the image brings its own runtime, handler and dependencies, so Lambda rejects it. Remove runtime (set CMD / image_config.command for the handler).',
        },
        { messageId: 'imageWith', line: 7, column: 3, endLine: 7, endColumn: 10 },
      ],
    },
    {
      name: 'Terraform: a .zip function without runtime and handler',
      code: tf('filename = "fn.zip"'),
      filename: 'main.tf',
      errors: [
        {
          messageId: 'zipWithout',
          line: 1,
          column: 32,
          endLine: 1,
          endColumn: 36,
          message: 'aws_lambda_function.fn is a .zip function without runtime; Lambda needs both runtime and handler for .zip packages and rejects the function. Add runtime.',
        },
        { messageId: 'zipWithout', line: 1, column: 32, endLine: 1, endColumn: 36, message: /without handler/ },
      ],
    },
  ],
});
