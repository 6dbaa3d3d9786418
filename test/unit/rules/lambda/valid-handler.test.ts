import rule from '../../../../server/src/core/rules/lambda/valid-handler';
import { runRuleTests } from '../../../helpers/ruleTester';
import { api, cfn, sam, sls, tf } from './shapes';

runRuleTests(rule, {
  valid: [
    { name: 'API Node.js in a folder', code: api('"Runtime": "nodejs22.x"', '"Handler": "dist/handlers/orders.handler"'), filename: 'function.json' },
    { name: 'CloudFormation Python package path', code: cfn('Runtime: python3.13', 'Handler: orders.api.lambda_handler') },
    { name: 'Python file with a hyphen', code: cfn('Runtime: python3.13', 'Handler: src/get-orders.handler') },
    { name: 'Java with a method', code: cfn('Runtime: java21', 'Handler: com.example.orders.Handler::handleRequest') },
    { name: 'Java RequestHandler class', code: cfn('Runtime: java21', 'Handler: com.example.orders.Handler') },
    { name: '.NET class library', code: cfn('Runtime: dotnet8', 'Handler: Orders::Orders.Function::FunctionHandler') },
    { name: '.NET executable assembly', code: cfn('Runtime: dotnet8', 'Handler: Orders') },
    { name: 'provided runtime: the bootstrap reads the handler', code: cfn('Runtime: provided.al2023', 'Handler: bootstrap') },
    { name: 'unchecked family (Ruby)', code: cfn('Runtime: ruby3.4', 'Handler: function.Orders::Handler.process') },
    { name: 'image function', code: cfn('PackageType: Image', 'Handler: handler') },
    { name: 'unknown runtime', code: cfn('Runtime: !Ref Runtime', 'Handler: handler') },
    { name: 'intrinsic handler', code: cfn('Runtime: python3.13', 'Handler: !Sub "${Module}.handler"') },
    { name: 'SAM Globals runtime', code: sam(['Runtime: nodejs22.x'], ['Handler: app.handler']) },
    { name: 'serverless', code: sls(['runtime: python3.13'], ['handler: handler.hello']), filename: 'serverless.yml' },
    { name: 'Terraform', code: tf('runtime = "python3.13"', 'handler = "app.lambda_handler"'), filename: 'main.tf' },
    { name: 'Terraform: handler from a resource attribute', code: tf('runtime = "python3.13"', 'handler = local.handler'), filename: 'main.tf' },
  ],
  invalid: [
    {
      name: 'API JSON: Node.js handler without an export',
      code: api('"Runtime": "nodejs22.x"', '"Handler": "index"'),
      filename: 'function.json',
      errors: [
        {
          messageId: 'format',
          line: 5,
          column: 14,
          endLine: 5,
          endColumn: 21,
          severity: 'warning',
          message:
            'Handler "index" is not a Node.js handler, which is written file.export (the file name without .js/.mjs, then the exported function), for example index.handler. Lambda accepts the function, but every invocation fails because the runtime cannot find the handler. Write it as index.handler shows.',
        },
      ],
    },
    {
      name: 'CloudFormation: Java-style handler on Python',
      code: cfn('Runtime: python3.13', 'Handler: app::handler'),
      errors: [{ messageId: 'format', line: 7, column: 16, endLine: 7, endColumn: 28, message: /^Handler "app::handler" is not a Python handler, which is written module\.function/ }],
    },
    {
      name: 'CloudFormation: Java handler with a dot before the method',
      code: cfn('Runtime: java21', 'Handler: com.example.Handler:handleRequest'),
      errors: [{ messageId: 'format', line: 7, column: 16, endLine: 7, endColumn: 49, message: /is not a Java handler, which is written package\.Class::method/ }],
    },
    {
      name: 'CloudFormation: .NET handler without the assembly',
      code: cfn('Runtime: dotnet8', 'Handler: Orders.Function::FunctionHandler'),
      errors: [{ messageId: 'format', line: 7, column: 16, endLine: 7, endColumn: 48, message: /for example MyAssembly::MyNamespace\.Function::FunctionHandler/ }],
    },
    {
      name: 'SAM: runtime from Globals, handler on the function',
      code: sam(['Runtime: python3.12'], ['Handler: lambda_handler']),
      errors: [{ messageId: 'format', line: 9, column: 16, endLine: 9, endColumn: 30 }],
    },
    {
      name: 'serverless: provider runtime',
      code: sls(['runtime: nodejs22.x'], ['handler: handler']),
      filename: 'serverless.yml',
      errors: [{ messageId: 'format', line: 7, column: 14, endLine: 7, endColumn: 21, message: /^handler "handler" is not a Node\.js handler/ }],
    },
    {
      name: 'Terraform: Node.js handler without an export',
      code: tf('runtime = "nodejs22.x"', 'handler = "index"'),
      filename: 'main.tf',
      errors: [{ messageId: 'format', line: 5, column: 13, endLine: 5, endColumn: 20, message: /^handler "index" is not a Node\.js handler/ }],
    },
  ],
});
