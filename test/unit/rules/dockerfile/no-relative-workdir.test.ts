import rule from '../../../../server/src/core/rules/dockerfile/no-relative-workdir';
import { runRuleTests } from '../../../helpers/ruleTester';

const filename = 'Dockerfile';

runRuleTests(rule, {
  valid: [
    { name: 'absolute then relative', filename, code: 'FROM node:20\nWORKDIR /app\nWORKDIR src\n' },
    { name: 'absolute in the parent stage', filename, code: 'FROM node:20 AS base\nWORKDIR /app\nFROM base\nWORKDIR src\n' },
    { name: 'variable', filename, code: 'FROM node:20\nWORKDIR $HOME\n' },
    { name: 'Windows path', filename, code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app\n' },
  ],
  invalid: [
    {
      name: 'relative first',
      filename,
      code: 'FROM node:20\nWORKDIR app\nWORKDIR /srv\n',
      errors: [{ messageId: 'relative', line: 2, column: 9, endLine: 2, endColumn: 12, severity: 'warning', message: /such as \/app\./ }],
    },
  ],
});
