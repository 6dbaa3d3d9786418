import rule from '../../../../server/src/core/rules/dockerfile/prefer-exec-form';
import { runRuleTests } from '../../../helpers/ruleTester';
import { taskDefinition } from './fixtures';

const filename = 'Dockerfile';

runRuleTests(rule, {
  valid: [
    { name: 'JSON form', filename, code: 'FROM node:20\nENTRYPOINT ["tini", "--"]\nCMD ["node", "server.js"]\n' },
    { name: 'exec in shell form', filename, code: 'FROM node:20\nCMD exec node server.js\n' },
    { name: 'overridden CMD in shell form is another rule\'s business', filename, code: 'FROM node:20\nCMD node a.js\nCMD ["node", "b.js"]\n' },
    { name: 'Lambda base image CMD', filename, code: 'FROM public.ecr.aws/lambda/nodejs:20\nCMD app.handler\n' },
    { name: 'build stage', filename, code: 'FROM node:20 AS b\nCMD node x.js\nFROM node:20\nCMD ["node", "y.js"]\n' },
  ],
  invalid: [
    {
      name: 'simple CMD, fixed',
      filename,
      code: 'FROM node:20\nCMD node server.js --port 80\n',
      errors: [{ messageId: 'shellForm', line: 2, column: 5, endLine: 2, endColumn: 29, severity: 'warning', message: /^CMD in shell form runs under \/bin\/sh -c/ }],
      output: 'FROM node:20\nCMD ["node", "server.js", "--port", "80"]\n',
    },
    {
      name: 'ENTRYPOINT with shell features: no fix',
      filename,
      code: 'FROM node:20\nENTRYPOINT node server.js --port $PORT\n',
      errors: [{ messageId: 'shellForm', line: 2, column: 12, endLine: 2, endColumn: 39, message: /^ENTRYPOINT in shell form/ }],
    },
    {
      name: 'linked to ECS: names the container and stopTimeout',
      filename,
      workspace: [taskDefinition({ stopTimeout: 90 })],
      code: 'FROM node:20\nCMD npm start && echo done\n',
      errors: [{ messageId: 'shellFormEcs', line: 2, column: 5, endLine: 2, endColumn: 27, message: /container web .* stopTimeout \(90 s\)/, related: [{ line: 7, column: 22, filename: 'task.json' }] }],
    },
    {
      name: 'linked to ECS with the default stopTimeout',
      filename,
      workspace: [taskDefinition({})],
      code: 'FROM node:20\nCMD npm start\n',
      errors: [{ messageId: 'shellFormEcs', line: 2, column: 5, endLine: 2, endColumn: 14, message: /stopTimeout \(30 s\)/ }],
      output: 'FROM node:20\nCMD ["npm", "start"]\n',
    },
  ],
});
