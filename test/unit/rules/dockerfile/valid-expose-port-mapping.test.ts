import rule from '../../../../server/src/core/rules/dockerfile/valid-expose-port-mapping';
import { runRuleTests } from '../../../helpers/ruleTester';
import { taskDefinition } from './fixtures';

const filename = 'Dockerfile';

runRuleTests(rule, {
  valid: [
    { name: 'no link', filename, code: 'FROM node:20\nEXPOSE 3000\n' },
    { name: 'matching', filename, workspace: [taskDefinition({ portMappings: [{ containerPort: 8080 }] })], code: 'FROM node:20\nEXPOSE 8080/tcp\n' },
    { name: 'no EXPOSE at all', filename, workspace: [taskDefinition({ portMappings: [{ containerPort: 8080 }] })], code: 'FROM node:20\n' },
    { name: 'port from a variable', filename, workspace: [taskDefinition({ portMappings: [{ containerPort: 8080 }] })], code: 'FROM node:20\nARG PORT=3000\nEXPOSE $PORT\n' },
    { name: 'EXPOSE in a build stage only', filename, workspace: [taskDefinition({ portMappings: [{ containerPort: 8080 }] })], code: 'FROM node:20 AS b\nEXPOSE 3000\nFROM node:20\nEXPOSE 8080\n' },
  ],
  invalid: [
    {
      name: 'exposed, not mapped; mapped, not exposed',
      filename,
      workspace: [taskDefinition({ portMappings: [{ containerPort: 8080 }] })],
      code: 'FROM node:20\nEXPOSE 3000\n',
      errors: [
        { messageId: 'mappedNotExposed', line: 2, column: 1, endLine: 2, endColumn: 7, message: /maps containerPort 8080/, related: [{ line: 9, column: 28, filename: 'task.json' }] },
        { messageId: 'exposedNotMapped', line: 2, column: 8, endLine: 2, endColumn: 12, severity: 'warning', message: /maps no containerPort 3000/, related: [{ line: 5, column: 15, filename: 'task.json' }] },
      ],
    },
  ],
});
