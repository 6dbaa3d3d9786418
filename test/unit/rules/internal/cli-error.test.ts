import assert from 'node:assert/strict';
import { it } from 'node:test';
import { cliError } from '../../../../server/src/cli/pipeline';
import rule from '../../../../server/src/core/rules/internal/cli-error';
import { runFrontEndRuleTests } from '../../../helpers/ruleTester';

const target = { display: 'task.json', absolute: '/w/task.json' };

runFrontEndRuleTests(rule, [
  {
    name: 'Berth failed on a file',
    report: () => cliError(target, new Error('boom'), []),
    messageId: 'cliFailed',
    message: 'Berth failed on this file (boom). This is a bug in Berth; please report it.',
  },
  { name: 'a thrown value that is not an Error', report: () => cliError(target, 'odd', []), messageId: 'cliFailed' },
]);

it('internal/cli-error keeps the stack for standard error (the run exits 2)', () => {
  const internalErrors: string[] = [];
  cliError(target, new Error('boom'), internalErrors);
  assert.equal(internalErrors.length, 1);
  assert.match(internalErrors[0]!, /^task\.json: Error: boom\n\s+at /);
});
