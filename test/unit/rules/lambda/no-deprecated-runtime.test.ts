import rule from '../../../../server/src/core/rules/lambda/no-deprecated-runtime';
import { runRuleTests } from '../../../helpers/ruleTester';
import { api, cfn, sam, sls, tf, tfVariable } from './shapes';

const now = new Date('2026-11-23T12:00:00Z');
// update-function-configuration input: no Code.
const update = (runtime: string) => `{
  "FunctionName": "orders",
  "Runtime": "${runtime}",
  "Handler": "index.handler"
}`;

runRuleTests(rule, {
  valid: [
    { name: 'a runtime in the Lambda model with no deprecation announced', code: cfn('Runtime: nodejs26.x'), now },
    { name: 'current runtime', code: api('"Runtime": "nodejs22.x"', '"Handler": "index.handler"'), filename: 'function.json', now },
    { name: 'deprecation more than 90 days away', code: cfn('Runtime: python3.13'), now },
    { name: 'image functions have no runtime', code: cfn('PackageType: Image', 'Code:', '  ImageUri: x'), now },
    { name: 'intrinsic', code: cfn('Runtime: !Ref Runtime'), now },
    { name: 'a runtime of the wrong type is the schema rule\'s', code: update('x').replace('"x"', '3'), filename: 'function.json', now },
    { name: 'not yet deprecated on the day before', code: cfn('Runtime: python3.11'), now: new Date('2027-03-31T00:00:00Z') },
    { name: 'Terraform: current runtime', code: tf('runtime = "python3.13"', 'handler = "app.handler"'), filename: 'main.tf', now },
    { name: 'Terraform: a variable without a value', code: tf('runtime = var.runtime'), filename: 'main.tf', workspace: [{ filename: 'variables.tf', code: 'variable "runtime" {}\n' }], now },
    { name: 'Terraform: an image function', code: tf('package_type = "Image"', 'image_uri = "x"', 'runtime = "python3.6"'), filename: 'main.tf', now },
  ],
  invalid: [
    {
      name: 'past the update block',
      code: cfn('Runtime: python3.6'),
      now,
      errors: [
        {
          messageId: 'updateBlocked',
          line: 6,
          column: 16,
          endLine: 6,
          endColumn: 25,
          severity: 'error',
          message: 'Runtime python3.6 has been blocked for function updates since 2022-08-29: Lambda rejects creating or updating a function with it. Move to python3.14.',
        },
      ],
      output: cfn('Runtime: python3.14'),
    },
    {
      name: 'past the create block, create-function input: error',
      code: api('"Runtime": "nodejs14.x"', '"Handler": "index.handler"'),
      filename: 'function.json',
      now,
      errors: [
        {
          messageId: 'createBlocked',
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 26,
          severity: 'error',
          message: 'Runtime nodejs14.x has been blocked for new functions since 2024-01-09, and this create-function input creates one, so Lambda rejects it. Updates of existing functions stop on 2027-03-03. Move to nodejs24.x.',
        },
      ],
      output: api('"Runtime": "nodejs24.x"', '"Handler": "index.handler"'),
    },
    {
      name: 'past the create block, update input: warning',
      code: update('go1.x'),
      filename: 'function.json',
      now,
      errors: [
        {
          messageId: 'createBlockedUpdate',
          line: 3,
          column: 14,
          endLine: 3,
          endColumn: 21,
          severity: 'warning',
          message: /^Runtime go1\.x has been blocked for new functions since 2024-02-08; this input updates an existing function, which Lambda allows until \d{4}-\d{2}-\d{2}\. Move to provided\.al2023\.$/,
        },
      ],
      output: update('provided.al2023'),
    },
    {
      name: 'past the create block, template (creates or updates): warning',
      code: cfn('Runtime: nodejs14.x'),
      now,
      errors: [{ messageId: 'createBlockedMayCreate', line: 6, column: 16, endLine: 6, endColumn: 26, severity: 'warning', message: /^Runtime nodejs14\.x has been blocked for new functions since 2024-01-09: where this deploy creates the function \(a new stack, stage or environment\), Lambda rejects it;/ }],
      output: cfn('Runtime: nodejs24.x'),
    },
    {
      name: 'past the create block, serverless.yml provider runtime: warning',
      filename: 'serverless.yml',
      code: sls(['runtime: nodejs14.x'], ['handler: index.handler']),
      now,
      errors: [{ messageId: 'createBlockedMayCreate', line: 4, column: 12, endLine: 4, endColumn: 22, severity: 'warning' }],
      output: sls(['runtime: nodejs24.x'], ['handler: index.handler']),
    },
    {
      name: 'deprecated (SAM Globals)',
      code: sam(['Runtime: nodejs20.x'], ['Handler: index.handler']),
      now,
      errors: [
        {
          messageId: 'deprecated',
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 24,
          severity: 'warning',
          message: 'Runtime nodejs20.x has been deprecated since 2026-04-30: it no longer gets security patches, and new functions are blocked from 2027-02-01. Move to nodejs24.x.',
        },
      ],
      output: sam(['Runtime: nodejs24.x'], ['Handler: index.handler']),
    },
    {
      name: 'deprecation within 90 days (serverless)',
      code: sls(['runtime: python3.11'], ['handler: a.b']),
      filename: 'serverless.yml',
      now: new Date('2027-05-01T00:00:00Z'),
      errors: [
        {
          messageId: 'deprecationSoon',
          line: 4,
          column: 12,
          endLine: 4,
          endColumn: 22,
          severity: 'info',
          message: 'Runtime python3.11 will be deprecated on 2027-06-30 (60 days from now). Plan the move to python3.14.',
        },
      ],
      output: sls(['runtime: python3.14'], ['handler: a.b']),
    },
    {
      name: 'the date decides: the same runtime a year later is blocked',
      code: cfn('Runtime: python3.11'),
      now: new Date('2027-09-01T00:00:00Z'),
      errors: [{ messageId: 'updateBlocked', line: 6, column: 16, endLine: 6, endColumn: 26, severity: 'error' }],
      output: cfn('Runtime: python3.14'),
    },
    {
      name: 'unknown runtime is info, never an error',
      code: cfn('Runtime: nodejs99.x'),
      now,
      errors: [
        {
          messageId: 'unknownRuntime',
          line: 6,
          column: 16,
          endLine: 6,
          endColumn: 26,
          severity: 'info',
          message: 'Berth does not know runtime nodejs99.x, so it cannot check its lifecycle. If it is a new runtime, update Berth; otherwise check the name against the Lambda runtimes page.',
        },
      ],
    },
    {
      name: 'Terraform: past the update block',
      code: tf('runtime = "python3.6"'),
      filename: 'main.tf',
      now,
      errors: [{ messageId: 'updateBlocked', line: 4, column: 13, endLine: 4, endColumn: 24, severity: 'error', message: /^Runtime python3\.6 has been blocked/ }],
      output: tf('runtime = "python3.14"'),
    },
    {
      name: 'Terraform: the runtime from a variable default is reported at its use, without a fix',
      code: tf('runtime = var.runtime'),
      filename: 'main.tf',
      workspace: [{ filename: 'variables.tf', code: tfVariable('runtime', '"python3.6"') }],
      now,
      errors: [{ messageId: 'updateBlocked', line: 4, column: 13, endLine: 4, endColumn: 24, related: [{ line: 2, column: 13, filename: 'variables.tf' }] }],
      noFix: true,
    },
  ],
});
