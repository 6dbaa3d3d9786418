import rule from '../../../../server/src/core/rules/dockerfile/no-multiple-cmd-entrypoint';
import { runRuleTests } from '../../../helpers/ruleTester';

const filename = 'Dockerfile';

runRuleTests(rule, {
  valid: [{ name: 'one of each per stage', filename, code: 'FROM a:1 AS x\nCMD ["a"]\nFROM b:1\nENTRYPOINT ["b"]\nCMD ["c"]\n' }],
  invalid: [
    {
      name: 'two CMDs and two ENTRYPOINTs',
      filename,
      code: 'FROM a:1\nCMD ["a"]\nENTRYPOINT ["x"]\nCMD ["b"]\nENTRYPOINT ["y"]\n',
      errors: [
        { messageId: 'ignoredCmd', line: 2, column: 1, endLine: 2, endColumn: 4, severity: 'warning', message: 'This CMD is ignored: only the last CMD of a stage takes effect. Remove it, or merge it into the last one.', related: [{ line: 4, column: 1 }] },
        { messageId: 'ignoredEntrypoint', line: 3, column: 1, endLine: 3, endColumn: 11, related: [{ line: 5, column: 1 }] },
      ],
    },
  ],
});
