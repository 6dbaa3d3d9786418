import rule from '../../../../server/src/core/rules/lambda/valid-snapstart-runtime';
import { runRuleTests } from '../../../helpers/ruleTester';
import { api, cfn, sam, sls, tf } from './shapes';

runRuleTests(rule, {
  valid: [
    { name: 'API Java 21', code: api('"Runtime": "java21"', '"SnapStart": { "ApplyOn": "PublishedVersions" }'), filename: 'function.json' },
    { name: 'Python 3.12', code: cfn('Runtime: python3.12', 'SnapStart:', '  ApplyOn: PublishedVersions') },
    { name: '.NET 8', code: cfn('Runtime: dotnet8', 'SnapStart:', '  ApplyOn: PublishedVersions') },
    { name: 'SnapStart off', code: cfn('Runtime: nodejs22.x', 'SnapStart:', '  ApplyOn: None') },
    { name: 'unknown runtime', code: cfn('Runtime: !Ref Runtime', 'SnapStart:', '  ApplyOn: PublishedVersions') },
    { name: 'serverless snapStart false', code: sls(['runtime: nodejs22.x'], ['handler: a.b', 'snapStart: false']), filename: 'serverless.yml' },
    { name: 'Terraform: Java 21', code: tf('runtime = "java21"', 'handler = "a.B::h"', 'snap_start {', '  apply_on = "PublishedVersions"', '}'), filename: 'main.tf' },
  ],
  invalid: [
    {
      name: 'API JSON: Node.js',
      code: api('"Runtime": "nodejs22.x"', '"SnapStart": { "ApplyOn": "PublishedVersions" }'),
      filename: 'function.json',
      errors: [
        {
          messageId: 'unsupported',
          line: 5,
          column: 29,
          endLine: 5,
          endColumn: 48,
          severity: 'error',
          message:
            'SnapStart is on, but runtime nodejs22.x does not support it (SnapStart works with Java 11 and later, Python 3.12 and later, and .NET 8 and later), so Lambda rejects the function. Turn SnapStart off or move to a runtime that supports it.',
          related: [{ line: 4, column: 14 }],
        },
      ],
    },
    {
      name: 'CloudFormation: Python 3.11',
      code: cfn('Runtime: python3.11', 'SnapStart:', '  ApplyOn: PublishedVersions'),
      errors: [{ messageId: 'unsupported', line: 8, column: 18, endLine: 8, endColumn: 35, message: /runtime python3\.11 does not support it/ }],
    },
    {
      name: 'SAM: SnapStart in Globals, java8.al2 on the function',
      code: sam(['SnapStart:', '  ApplyOn: PublishedVersions'], ['Runtime: java8.al2', 'Handler: a.B::handle']),
      errors: [{ messageId: 'unsupported', line: 5, column: 16, endLine: 5, endColumn: 33, related: [{ line: 10, column: 16 }] }],
    },
    {
      name: 'serverless snapStart: true',
      code: sls(['runtime: nodejs22.x'], ['handler: a.b', 'snapStart: true']),
      filename: 'serverless.yml',
      errors: [{ messageId: 'unsupported', line: 8, column: 16, endLine: 8, endColumn: 20 }],
    },
    {
      name: 'Terraform: Python 3.11',
      code: tf('runtime = "python3.11"', 'handler = "app.handler"', 'snap_start {', '  apply_on = "PublishedVersions"', '}'),
      filename: 'main.tf',
      errors: [{ messageId: 'unsupported', line: 7, column: 16, endLine: 7, endColumn: 35, related: [{ line: 4, column: 13 }] }],
    },
  ],
});
