/** lintTargets in-process, for what the built CLI cannot be made to do: a rule that throws. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lintTargets } from '../../server/src/cli/lint';
import { defineRule } from '../../server/src/core/rules/defineRule';
import { fixture } from './cliHarness';

const throwing = defineRule({
  id: 'test/throws',
  kinds: ['ecs-task-definition'],
  severity: 'error',
  docs: { summary: 'Disallow nothing; always throws' },
  messages: { never: 'never' },
  check() {
    throw new Error('boom');
  },
});

describe('lintTargets', () => {
  it('a rule that throws becomes one internal-error finding and an internal error for the exit code', () => {
    const absolute = join(fixture('project'), 'tasks', 'web.json');
    const run = lintTargets([{ display: 'tasks/web.json', absolute }], {}, { rules: [throwing] });
    assert.deepEqual(
      run.findings.map((f) => [f.file, f.ruleId, f.line, f.column]),
      [['tasks/web.json', 'internal/rule-error', 1, 1]],
    );
    assert.equal(run.internalErrors.length, 1);
    assert.match(run.internalErrors[0]!, /^tasks\/web\.json: test\/throws: Error: boom/);
    assert.equal(run.filesChecked, 1);
  });
});
