import rule from '../../../../server/src/core/rules/dockerfile/no-ignored-healthcheck';
import { runRuleTests } from '../../../helpers/ruleTester';
import { samTemplate, taskDefinition } from './fixtures';

const code = 'FROM node:20\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1\n';

runRuleTests(rule, {
  valid: [
    { name: 'no link', filename: 'Dockerfile', code },
    { name: 'task has a healthCheck', filename: 'Dockerfile', workspace: [taskDefinition({ healthCheck: { command: ['CMD-SHELL', 'true'] } })], code },
    { name: 'HEALTHCHECK NONE', filename: 'Dockerfile', workspace: [taskDefinition({})], code: 'FROM node:20\nHEALTHCHECK NONE\n' },
    { name: 'task check without Dockerfile check is fine', filename: 'Dockerfile', workspace: [taskDefinition({ healthCheck: { command: ['CMD-SHELL', 'true'] } })], code: 'FROM node:20\n' },
  ],
  invalid: [
    {
      name: 'ECS container without healthCheck',
      filename: 'Dockerfile',
      workspace: [taskDefinition({})],
      code,
      errors: [{ messageId: 'ignoredByEcs', line: 2, column: 1, endLine: 2, endColumn: 12, severity: 'info', message: /container web has none/, related: [{ line: 5, column: 15, filename: 'task.json' }] }],
    },
    {
      name: 'Lambda',
      filename: 'hello/Dockerfile',
      workspace: [samTemplate()],
      code,
      errors: [{ messageId: 'ignoredByLambda', line: 2, column: 1, endLine: 2, endColumn: 12 }],
    },
  ],
});
