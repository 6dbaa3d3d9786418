import rule from '../../../../server/src/core/rules/lambda/no-public-function-url';
import { runRuleTests } from '../../../helpers/ruleTester';
import { cfn, sam, sls, tf } from './shapes';

const urlResource = (auth: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
  FnUrl:
    Type: AWS::Lambda::Url
    Properties:
      TargetFunctionArn: !GetAtt Fn.Arn
      AuthType: ${auth}
`;

/** Terraform: aws_lambda_function_url (its authorization_type on line 3). */
const tfUrl = (auth: string, functionName = 'aws_lambda_function.fn.function_name') => `resource "aws_lambda_function_url" "fn" {
  function_name      = ${functionName}
  authorization_type = ${auth}
}
`;

runRuleTests(rule, {
  valid: [
    { name: 'AWS::Lambda::Url with AWS_IAM', code: urlResource('AWS_IAM') },
    { name: 'AWS::Lambda::Url with a parameter', code: urlResource('!Ref Auth') },
    { name: 'SAM AWS_IAM', code: sam([], ['Handler: a.b', 'FunctionUrlConfig:', '  AuthType: AWS_IAM']) },
    { name: 'serverless url with the IAM authorizer', code: sls([], ['handler: a.b', 'url:', '  authorizer: aws_iam']), filename: 'serverless.yml' },
    { name: 'serverless url: false', code: sls([], ['handler: a.b', 'url: false']), filename: 'serverless.yml' },
    { name: 'no URL', code: cfn('Runtime: python3.13', 'Handler: app.handler') },
    { name: 'Terraform: AWS_IAM', code: tfUrl('"AWS_IAM"'), filename: 'url.tf', workspace: [{ filename: 'lambda.tf', code: tf() }] },
    { name: 'Terraform: authorization_type unknown', code: tfUrl('var.auth'), filename: 'url.tf', workspace: [{ filename: 'lambda.tf', code: tf() }] },
    { name: "Terraform: the finding belongs to the URL's file", code: tf(), filename: 'lambda.tf', workspace: [{ filename: 'url.tf', code: tfUrl('"NONE"') }] },
  ],
  invalid: [
    {
      name: 'AWS::Lambda::Url AuthType NONE',
      code: urlResource('NONE'),
      errors: [
        {
          messageId: 'public',
          line: 12,
          column: 17,
          endLine: 12,
          endColumn: 21,
          severity: 'warning',
          message:
            'The function URL of Fn has AuthType NONE: anyone on the internet who finds the URL can invoke the function, and you pay for every call. Use AWS_IAM (callers sign requests with SigV4, or put CloudFront with origin access control in front), or, if it must be public, check the caller inside the function and set reserved concurrency to cap the cost.',
        },
      ],
    },
    {
      name: 'SAM FunctionUrlConfig, from Globals',
      code: sam(['FunctionUrlConfig:', '  AuthType: NONE'], ['Handler: a.b']),
      errors: [{ messageId: 'public', line: 5, column: 17, endLine: 5, endColumn: 21, message: /^The function URL of Fn has AuthType NONE/ }],
    },
    {
      name: 'serverless url: true',
      code: sls([], ['handler: a.b', 'url: true']),
      filename: 'serverless.yml',
      errors: [{ messageId: 'public', line: 8, column: 10, endLine: 8, endColumn: 14, message: /^The function URL of api has/ }],
    },
    {
      name: 'serverless url map without an authorizer: on the key',
      code: sls([], ['handler: a.b', 'url:', '  cors: true']),
      filename: 'serverless.yml',
      errors: [{ messageId: 'public', line: 8, column: 5, endLine: 8, endColumn: 8 }],
    },
    {
      name: 'Terraform: aws_lambda_function_url with authorization_type NONE',
      code: tfUrl('"NONE"'),
      filename: 'url.tf',
      workspace: [{ filename: 'lambda.tf', code: tf() }],
      errors: [{ messageId: 'public', line: 3, column: 24, endLine: 3, endColumn: 30, message: /^The function URL of aws_lambda_function\.fn has authorization_type NONE: anyone/ }],
    },
    {
      name: 'Terraform: a function named by a literal outside the module',
      code: tfUrl('"NONE"', '"billing-webhook"'),
      filename: 'url.tf',
      errors: [{ messageId: 'public', line: 3, column: 24, endLine: 3, endColumn: 30, message: /^The function URL of billing-webhook has authorization_type NONE/ }],
    },
  ],
});
