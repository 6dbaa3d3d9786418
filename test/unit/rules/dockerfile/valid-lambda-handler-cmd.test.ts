import rule from '../../../../server/src/core/rules/dockerfile/valid-lambda-handler-cmd';
import { runRuleTests } from '../../../helpers/ruleTester';
import { samTemplate } from './fixtures';

const filename = 'hello/Dockerfile';

runRuleTests(rule, {
  valid: [
    { name: 'JSON handler', filename, code: 'FROM public.ecr.aws/lambda/python:3.12\nCMD ["app.handler"]\n' },
    { name: 'not a Lambda base image', filename, code: 'FROM python:3.12\nCMD python app.py\n' },
    { name: 'same handler as the function', filename, workspace: [samTemplate({ command: 'app.handler' })], code: 'FROM public.ecr.aws/lambda/python:3.12\nCMD ["app.handler"]\n' },
    { name: 'no CMD, the function gives it', filename, workspace: [samTemplate({ command: 'app.handler' })], code: 'FROM public.ecr.aws/lambda/python:3.12\n' },
    { name: 'no CMD and no link', filename, code: 'FROM public.ecr.aws/lambda/python:3.12\n' },
  ],
  invalid: [
    {
      name: 'shell form',
      filename,
      code: 'FROM public.ecr.aws/lambda/python:3.12\nCMD app.handler\n',
      errors: [{ messageId: 'shellForm', line: 2, column: 5, endLine: 2, endColumn: 16, severity: 'warning', message: /CMD \["app.handler"\]\.$/ }],
    },
    {
      name: 'starts an interpreter',
      filename,
      code: 'FROM public.ecr.aws/lambda/python:3.12\nCMD ["python", "app.py"]\n',
      errors: [{ messageId: 'notHandler', line: 2, column: 6, endLine: 2, endColumn: 14 }],
    },
    {
      name: 'no handler anywhere',
      filename,
      workspace: [samTemplate()],
      code: 'FROM public.ecr.aws/lambda/python:3.12\nCOPY app.py ./\n',
      errors: [{ messageId: 'missingCmd', line: 1, column: 6, endLine: 1, endColumn: 39, related: [{ line: 3, column: 3, filename: 'template.yaml' }] }],
    },
    {
      name: 'differs from ImageConfig.Command',
      filename,
      workspace: [samTemplate({ command: 'main.lambda_handler' })],
      code: 'FROM public.ecr.aws/lambda/python:3.12\nCMD ["app.handler"]\n',
      errors: [
        {
          messageId: 'handlerMismatch',
          line: 2,
          column: 6,
          endLine: 2,
          endColumn: 19,
          message: /sets main.lambda_handler \(ImageConfig.Command\)/,
          related: [{ line: 8, column: 19, filename: 'template.yaml' }],
        },
      ],
    },
    {
      name: 'differs from Handler',
      filename,
      workspace: [samTemplate({ handler: 'main.handler' })],
      code: 'FROM public.ecr.aws/lambda/python:3.12\nCMD ["app.handler"]\n',
      errors: [{ messageId: 'handlerMismatch', line: 2, column: 6, endLine: 2, endColumn: 19, message: /\(Handler\)/ }],
    },
  ],
});
