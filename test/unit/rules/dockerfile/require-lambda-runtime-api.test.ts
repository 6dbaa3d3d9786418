import rule from '../../../../server/src/core/rules/dockerfile/require-lambda-runtime-api';
import { runRuleTests } from '../../../helpers/ruleTester';
import { samTemplate } from './fixtures';

const filename = 'hello/Dockerfile';
const workspace = [samTemplate()];

runRuleTests(rule, {
  valid: [
    { name: 'no link: silent', filename, code: 'FROM python:3.12\nCMD ["python", "app.py"]\n' },
    { name: 'Lambda base image', filename, workspace, code: 'FROM public.ecr.aws/lambda/python:3.12\nCMD ["app.handler"]\n' },
    { name: 'Docker Hub Lambda image', filename, workspace, code: 'FROM amazon/aws-lambda-nodejs:20\nCMD ["app.handler"]\n' },
    {
      name: 'runtime interface client as entrypoint',
      filename,
      workspace,
      code: 'FROM python:3.12-slim\nRUN pip install awslambdaric\nENTRYPOINT ["/usr/local/bin/python", "-m", "awslambdaric"]\nCMD ["app.handler"]\n',
    },
    { name: 'a compiled binary is not judged', filename, workspace, code: 'FROM golang:1.22 AS build\nRUN go build -o /main\nFROM alpine:3.20\nCOPY --from=build /main /main\nENTRYPOINT ["/main"]\n' },
    { name: 'Lambda base image through a stage', filename, workspace, code: 'FROM public.ecr.aws/lambda/nodejs:20 AS base\nFROM base\nCMD ["app.handler"]\n' },
    { name: 'ImageConfig.EntryPoint overrides', filename, workspace: [samTemplate({ entryPoint: '/entry.sh' })], code: 'FROM python:3.12\nCMD ["python", "app.py"]\n' },
    {
      name: 'Lambda Web Adapter copied into /opt/extensions speaks the Runtime API for the app',
      filename,
      workspace,
      code: 'FROM node:20-slim\nCOPY --from=public.ecr.aws/awsguru/aws-lambda-adapter:0.8.4 /lambda-adapter /opt/extensions/lambda-adapter\nCOPY . /app\nCMD ["node", "/app/index.js"]\n',
    },
    {
      name: 'Lambda Web Adapter from an earlier stage, exec form',
      filename,
      workspace,
      code: 'FROM public.ecr.aws/awsguru/aws-lambda-adapter:0.9.1 AS adapter\nFROM python:3.12-slim\nCOPY ["--from=adapter", "/lambda-adapter", "/opt/extensions/lambda-adapter"]\nCMD ["python", "app.py"]\n',
    },
    { name: 'other Dockerfile in the folder is not linked', filename: 'hello/worker.Dockerfile', workspace, code: 'FROM python:3.12\nCMD ["python", "app.py"]\n' },
  ],
  invalid: [
    {
      name: 'interpreter without a client',
      filename,
      workspace,
      code: 'FROM python:3.12-slim\nCOPY app.py /app/\nCMD ["python3", "/app/app.py"]\n',
      errors: [
        {
          messageId: 'noRuntimeClient',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 31,
          severity: 'error',
          message: /^Lambda function HelloFunction runs this image, but it starts python3 \/app\/app.py \(CMD\)/,
          related: [{ line: 3, column: 3, filename: 'template.yaml' }],
        },
      ],
    },
    {
      name: 'client installed but not started',
      filename,
      workspace,
      code: 'FROM node:20\nRUN npm install aws-lambda-ric\nENTRYPOINT node index.js\n',
      errors: [{ messageId: 'clientNotStarted', line: 3, column: 12, endLine: 3, endColumn: 25 }],
    },
    {
      name: 'another extension in /opt/extensions does not answer for the app',
      filename,
      workspace,
      code: 'FROM python:3.12-slim\nCOPY --from=public.ecr.aws/datadog/lambda-extension:60 /opt/. /opt/\nCOPY otel /opt/extensions/otel\nCMD ["python", "app.py"]\n',
      errors: [{ messageId: 'noRuntimeClient', line: 4, column: 5, endLine: 4, endColumn: 25 }],
    },
    {
      name: 'default command of a language image',
      filename,
      workspace,
      code: 'FROM node:20\nCOPY . /app\n',
      errors: [{ messageId: 'noRuntimeClient', line: 1, column: 6, endLine: 1, endColumn: 13, message: /the default command of node:20/ }],
    },
  ],
});
