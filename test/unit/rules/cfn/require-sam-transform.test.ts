import rule from '../../../../server/src/core/rules/cfn/require-sam-transform';
import { runRuleTests } from '../../../helpers/ruleTester';

const fn = `  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      CodeUri: src/
  Table:
    Type: AWS::Serverless::SimpleTable
`;
const yaml = (header: string) => `AWSTemplateFormatVersion: '2010-09-09'\n${header}Resources:\n${fn}`;

const json = (header: string) => `{
  "AWSTemplateFormatVersion": "2010-09-09",
${header}  "Resources": {
    "Fn": { "Type": "AWS::Serverless::Function", "Properties": { "Runtime": "python3.13", "Handler": "app.handler", "CodeUri": "src/" } }
  }
}
`;

runRuleTests(rule, {
  valid: [
    { name: 'the SAM transform', code: yaml('Transform: AWS::Serverless-2016-10-31\n') },
    { name: 'the SAM transform in a list', code: yaml('Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]\n') },
    { name: 'a transform from a parameter is unknown', code: yaml('Transform: !Ref TransformName\n') },
    { name: 'no AWS::Serverless resource', code: "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n" },
    { name: 'JSON with the transform', code: json('  "Transform": "AWS::Serverless-2016-10-31",\n'), filename: 'template.json' },
  ],
  invalid: [
    {
      name: 'no Transform: one finding on the first serverless type, with a fix',
      code: yaml(''),
      errors: [{ messageId: 'missingTransform', line: 4, column: 11, endLine: 4, endColumn: 36, severity: 'error', message: /^Fn has type AWS::Serverless::Function, which exists only under the SAM transform \(2 AWS::Serverless resource\(s\)/ }],
      output: yaml('Transform: AWS::Serverless-2016-10-31\n'),
    },
    {
      name: 'another transform only: reported, no fix (the order of macros matters)',
      code: yaml('Transform: AWS::LanguageExtensions\n'),
      errors: [{ messageId: 'missingTransform', line: 5, column: 11, endLine: 5, endColumn: 36 }],
    },
    {
      name: 'JSON, no Transform',
      filename: 'template.json',
      code: json(''),
      errors: [{ messageId: 'missingTransform', line: 4, column: 21, endLine: 4, endColumn: 48 }],
      output: json('  "Transform": "AWS::Serverless-2016-10-31",\n'),
    },
  ],
});
