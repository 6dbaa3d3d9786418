import rule from '../../../../server/src/core/rules/parse/too-complex';
import { runRuleTests } from '../../../helpers/ruleTester';

const deep = `{"containerDefinitions": ${'['.repeat(600)}${']'.repeat(600)}}`;
let bomb = 'containerDefinitions: []\na: &a [x, x, x, x, x, x, x, x, x]\n';
let previous = 'a';
for (const name of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']) {
  bomb += `${name}: &${name} [*${previous}, *${previous}, *${previous}, *${previous}, *${previous}, *${previous}, *${previous}, *${previous}, *${previous}]\n`;
  previous = name;
}

runRuleTests(rule, {
  valid: [{ code: '{"family": "a", "containerDefinitions": [[[[1]]]]}' }],
  invalid: [
    {
      name: 'nesting beyond the limit',
      code: deep,
      errors: [{ messageId: 'tooDeep', line: 1, column: 525, endLine: 1, endColumn: 526, message: /nested deeper than 500 levels/ }],
    },
    {
      name: 'alias bomb',
      filename: 'task.yaml',
      code: bomb,
      errors: [{ messageId: 'aliasLimit', line: 4, column: 8, endLine: 4, endColumn: 10, message: /more than 100 aliases/ }],
    },
    {
      name: 'a file over the size limit',
      code: '{"containerDefinitions": []}',
      settings: { limits: { maxFileSize: 10 } },
      errors: [{ messageId: 'tooLarge', line: 1, column: 1, endLine: 1, endColumn: 1, message: "This file has 28 characters, over the 10 characters that Berth analyses (berth.limits.maxFileSize); it was not checked." }],
    },
  ],
});
