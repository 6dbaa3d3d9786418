import rule from '../../../../server/src/core/rules/lambda/valid-api-gateway-timeout';
import { runRuleTests } from '../../../helpers/ruleTester';
import { sls } from './shapes';

/** SAM: a function with Timeout and the given events (each `Name: Type` plus extra property lines). */
const samApi = (globals: string[], timeout: string | undefined, events: { name: string; type: string; props?: string[] }[]) => `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
${globals.map((g) => `    ${g}\n`).join('')}    Runtime: nodejs22.x
Resources:
  Api:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
${timeout ? `      Timeout: ${timeout}\n` : ''}      Events:
${events
  .map(
    (e) => `        ${e.name}:
          Type: ${e.type}
          Properties:
            Path: /orders
            Method: get
${(e.props ?? []).map((p) => `            ${p}\n`).join('')}`,
  )
  .join('')}`;

const restMethod = (timeout: string, integration: string[]) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      Role: arn:aws:iam::123456789012:role/fn
      Code: { S3Bucket: b, S3Key: k.zip }
      Timeout: ${timeout}
  GetOrders:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref RestApi
      ResourceId: !GetAtt RestApi.RootResourceId
      HttpMethod: GET
      AuthorizationType: NONE
      Integration:
${integration.map((l) => `        ${l}\n`).join('')}  RestApi:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: orders
`;

const lambdaUri = 'Uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations';

const v2 = (timeout: string, protocol: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      Role: arn:aws:iam::123456789012:role/fn
      Code: { S3Bucket: b, S3Key: k.zip }
      Timeout: ${timeout}
  Api:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Name: orders
      ProtocolType: ${protocol}
  Integration:
    Type: AWS::ApiGatewayV2::Integration
    Properties:
      ApiId: !Ref Api
      IntegrationType: AWS_PROXY
      IntegrationUri: !GetAtt Fn.Arn
`;

/** Terraform: the api function (timeout on line 6) in lambda.tf. */
const tfFunction = (timeout: string) => `resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::123456789012:role/api"
  runtime       = "nodejs22.x"
  handler       = "index.handler"
  timeout       = ${timeout}
  filename      = "api.zip"
}
`;

/** Terraform: a REST API Lambda proxy integration (api.tf), with extra argument lines. */
const tfRest = (...args: string[]) => `resource "aws_api_gateway_integration" "api" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.api.id
  http_method             = "ANY"
  integration_http_method = "POST"
  type                    = "AWS_PROXY"
  uri                     = aws_lambda_function.api.invoke_arn
${args.map((a) => `  ${a}\n`).join('')}}
`;

/** Terraform: an API Gateway v2 API of a protocol and its Lambda integration (the integration's name on line 6). */
const tfV2 = (protocol: string, uri = 'aws_lambda_function.api.invoke_arn', ...args: string[]) => `resource "aws_apigatewayv2_api" "api" {
  name          = "api"
  protocol_type = "${protocol}"
}

resource "aws_apigatewayv2_integration" "api" {
  api_id           = aws_apigatewayv2_api.api.id
  integration_type = "AWS_PROXY"
  integration_uri  = ${uri}
${args.map((a) => `  ${a}\n`).join('')}}
`;

const quickCreate = `resource "aws_apigatewayv2_api" "api" {
  name          = "api"
  protocol_type = "HTTP"
  target        = aws_lambda_function.api.arn
}
`;

runRuleTests(rule, {
  valid: [
    { name: 'SAM Api within 29 s', code: samApi([], '29', [{ name: 'Get', type: 'Api' }]) },
    { name: 'SAM HttpApi at 30 s', code: samApi([], '30', [{ name: 'Get', type: 'HttpApi' }]) },
    { name: 'SAM default timeout (3 s)', code: samApi([], undefined, [{ name: 'Get', type: 'Api' }]) },
    { name: 'SAM long function with a queue event only', code: samApi([], '300', [{ name: 'Jobs', type: 'SQS' }]) },
    { name: 'SAM TimeoutInMillis from a parameter', code: samApi([], '60', [{ name: 'Get', type: 'Api', props: ['TimeoutInMillis: !Ref Millis'] }]) },
    { name: 'REST method with an HTTP integration', code: restMethod('60', ['Type: HTTP_PROXY', 'IntegrationHttpMethod: GET', 'Uri: https://example.com/']) },
    { name: 'REST method with a raised TimeoutInMillis', code: restMethod('60', ['Type: AWS_PROXY', 'IntegrationHttpMethod: POST', lambdaUri, 'TimeoutInMillis: 90000']) },
    { name: 'HTTP API at 30 s', code: v2('30', 'HTTP') },
    { name: 'serverless httpApi at 30 s', code: sls(['runtime: nodejs22.x', 'timeout: 30'], ['handler: index.handler', 'events:', '  - httpApi: GET /orders']), filename: 'serverless.yml' },
    {
      name: 'serverless async http event',
      code: sls(['runtime: nodejs22.x', 'timeout: 60'], ['handler: index.handler', 'events:', '  - http:', '      path: orders', '      method: post', '      async: true']),
      filename: 'serverless.yml',
    },
    { name: 'Terraform: REST within 29 s', code: tfFunction('29'), filename: 'lambda.tf', workspace: [{ filename: 'api.tf', code: tfRest() }] },
    { name: 'Terraform: REST with a raised timeout_milliseconds', code: tfFunction('60'), filename: 'lambda.tf', workspace: [{ filename: 'api.tf', code: tfRest('timeout_milliseconds = 90000') }] },
    { name: 'Terraform: REST timeout_milliseconds unknown', code: tfFunction('60'), filename: 'lambda.tf', workspace: [{ filename: 'api.tf', code: tfRest('timeout_milliseconds = var.millis') }] },
    { name: 'Terraform: an HTTP_PROXY integration does not call the function', code: tfFunction('60'), filename: 'lambda.tf', workspace: [{ filename: 'api.tf', code: tfRest().replace('"AWS_PROXY"', '"HTTP_PROXY"') }] },
    { name: 'Terraform: HTTP API at 30 s', code: tfFunction('30'), filename: 'lambda.tf', workspace: [{ filename: 'api.tf', code: tfV2('HTTP') }] },
    { name: 'Terraform: function timeout unknown', code: tfFunction('var.timeout'), filename: 'lambda.tf', workspace: [{ filename: 'api.tf', code: tfRest() }] },
    { name: 'Terraform: the finding belongs to the function\'s file', code: tfRest(), filename: 'api.tf', workspace: [{ filename: 'lambda.tf', code: tfFunction('60') }] },
  ],
  invalid: [
    {
      name: 'SAM Api event, function Timeout 60',
      code: samApi([], '60', [{ name: 'Get', type: 'Api' }]),
      errors: [
        {
          messageId: 'overIntegration',
          line: 10,
          column: 16,
          endLine: 10,
          endColumn: 18,
          severity: 'warning',
          message:
            'Timeout 60 s of Api is longer than the 29 s after which its API Gateway integration (REST API) gives up: callers get a 504 while the function keeps running, and billing. Keep Timeout at 29 s or less, or make the long work asynchronous (queue it, answer 202 and let the client poll).',
          related: [{ line: 12, column: 9 }],
        },
      ],
    },
    {
      name: 'SAM: Timeout in Globals, REST and HTTP events: the tightest limit, both related',
      code: samApi(['Timeout: 31'], undefined, [
        { name: 'Get', type: 'Api' },
        { name: 'List', type: 'HttpApi' },
      ]),
      errors: [{ messageId: 'overIntegration', line: 4, column: 14, endLine: 4, endColumn: 16, message: /the 29 s after which its API Gateway integration \(REST API\)/, related: [{ line: 12, column: 9 }, { line: 17, column: 9 }] }],
    },
    {
      name: 'SAM: a shorter TimeoutInMillis on the event',
      code: samApi([], '15', [{ name: 'Get', type: 'Api', props: ['TimeoutInMillis: 10000'] }]),
      errors: [{ messageId: 'overIntegration', line: 10, column: 16, endLine: 10, endColumn: 18, message: /longer than the 10 s after which/ }],
    },
    {
      name: 'CloudFormation: AWS::ApiGateway::Method with a Lambda proxy integration',
      code: restMethod('45', ['Type: AWS_PROXY', 'IntegrationHttpMethod: POST', lambdaUri]),
      errors: [{ messageId: 'overIntegration', line: 10, column: 16, endLine: 10, endColumn: 18, message: /^Timeout 45 s of Fn is longer than the 29 s/, related: [{ line: 11, column: 3 }] }],
    },
    {
      name: 'CloudFormation: WebSocket API integration (29 s)',
      code: v2('30', 'WEBSOCKET'),
      errors: [{ messageId: 'overIntegration', line: 10, column: 16, endLine: 10, endColumn: 18, message: /\(WebSocket API\)/, related: [{ line: 16, column: 3 }] }],
    },
    {
      name: 'CloudFormation: HTTP API integration (30 s)',
      code: v2('31', 'HTTP'),
      errors: [{ messageId: 'overIntegration', line: 10, column: 16, endLine: 10, endColumn: 18, message: /the 30 s after which its API Gateway integration \(HTTP API\)/ }],
    },
    {
      name: 'serverless http event, provider timeout',
      code: sls(['runtime: nodejs22.x', 'timeout: 30'], ['handler: index.handler', 'events:', '  - http: GET orders']),
      filename: 'serverless.yml',
      errors: [{ messageId: 'overIntegration', line: 5, column: 12, endLine: 5, endColumn: 14, message: /^timeout 30 s of api is longer than the 29 s/, related: [{ line: 10, column: 9 }] }],
    },
    {
      name: 'Terraform: REST API Lambda proxy integration in another file',
      code: tfFunction('60'),
      filename: 'lambda.tf',
      workspace: [{ filename: 'api.tf', code: tfRest() }],
      errors: [
        {
          messageId: 'overIntegration',
          line: 6,
          column: 19,
          endLine: 6,
          endColumn: 21,
          message:
            'timeout 60 s of aws_lambda_function.api is longer than the 29 s after which its API Gateway integration (REST API) gives up: callers get a 504 while the function keeps running, and billing. Keep timeout at 29 s or less, or make the long work asynchronous (queue it, answer 202 and let the client poll).',
          related: [{ line: 1, column: 40, filename: 'api.tf' }],
        },
      ],
    },
    {
      name: 'Terraform: WebSocket API (29 s)',
      code: tfFunction('30'),
      filename: 'lambda.tf',
      workspace: [{ filename: 'api.tf', code: tfV2('WEBSOCKET') }],
      errors: [{ messageId: 'overIntegration', line: 6, column: 19, endLine: 6, endColumn: 21, message: /integration \(WebSocket API\)/, related: [{ line: 6, column: 41, filename: 'api.tf' }] }],
    },
    {
      name: 'Terraform: HTTP API, the function named inside the integration URI template, a shorter timeout_milliseconds',
      code: tfFunction('15'),
      filename: 'lambda.tf',
      workspace: [{ filename: 'api.tf', code: tfV2('HTTP', '"arn:aws:apigateway:${var.region}:lambda:path/2015-03-31/functions/${aws_lambda_function.api.arn}/invocations"', 'timeout_milliseconds = 10000') }],
      errors: [{ messageId: 'overIntegration', line: 6, column: 19, endLine: 6, endColumn: 21, message: /longer than the 10 s after which its API Gateway integration \(HTTP API\)/ }],
    },
    {
      name: 'Terraform: an HTTP API quick-created with target',
      code: tfFunction('60'),
      filename: 'lambda.tf',
      workspace: [{ filename: 'api.tf', code: quickCreate }],
      errors: [{ messageId: 'overIntegration', line: 6, column: 19, endLine: 6, endColumn: 21, message: /the 30 s after which its API Gateway integration \(HTTP API\)/, related: [{ line: 1, column: 33, filename: 'api.tf' }] }],
    },
    {
      name: 'Terraform: the timeout from a variable default',
      code: tfFunction('var.timeout'),
      filename: 'lambda.tf',
      workspace: [{ filename: 'api.tf', code: tfRest() }, { filename: 'variables.tf', code: 'variable "timeout" {\n  default = 60\n}\n' }],
      errors: [{ messageId: 'overIntegration', line: 6, column: 19, endLine: 6, endColumn: 30, related: [{ line: 2, column: 13, filename: 'variables.tf' }, { line: 1, column: 40, filename: 'api.tf' }] }],
    },
  ],
});
