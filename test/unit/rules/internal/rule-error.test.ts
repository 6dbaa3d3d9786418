import assert from 'node:assert/strict';
import { it } from 'node:test';
import { analyze } from '../../../../server/src/core/analyze';
import { defineRule } from '../../../../server/src/core/rules/defineRule';
import rule from '../../../../server/src/core/rules/internal/rule-error';
import { runFrontEndRuleTests } from '../../../helpers/ruleTester';

const throwing = defineRule({
  id: 'test/throws',
  kinds: ['ecs-task-definition'],
  severity: 'error',
  docs: { summary: 'Test only' },
  messages: {},
  check() {
    throw new Error('boom');
  },
});
const TASK = '{ "family": "web", "containerDefinitions": [] }\n';
const crash = () => analyze({ uri: 'file:///w/task.json', text: TASK }, { rules: [throwing] }).findings;

runFrontEndRuleTests(rule, [
  {
    name: 'a rule that throws',
    report: () => crash()[0],
    messageId: 'ruleCrashed',
    message: "Berth's rule test/throws failed on this file (boom). Other rules still ran. This is a bug in Berth; please report it.",
  },
]);

it('internal/rule-error sits on the first line and keeps the stack for the log, never in the message', () => {
  const [finding] = crash();
  assert.deepEqual(finding!.span, { start: 0, end: TASK.indexOf('\n') });
  assert.match(finding!.internalError!, /^test\/throws: Error: boom\n\s+at /);
});
