import assert from 'node:assert/strict';
import { it } from 'node:test';
import { prepareTarget } from '../../../../server/src/cli/pipeline';
import type { RuleSetting } from '../../../../server/src/core/config/severity';
import rule from '../../../../server/src/core/rules/parse/unreadable-file';
import { runFrontEndRuleTests } from '../../../helpers/ruleTester';

// The CLI makes these findings itself while reading (test/cli/badInput.test.ts runs it on real unreadable paths).
const unreadable = (folder: boolean, rules?: Record<string, RuleSetting>) =>
  prepareTarget({ display: 'locked', absolute: '/w/locked', error: 'permission denied', folder }, { rules }, []).findings;

runFrontEndRuleTests(rule, [
  { name: 'a file', report: () => unreadable(false)[0], messageId: 'file', message: 'This file cannot be read (permission denied); it was not checked.' },
  {
    name: 'a folder',
    report: () => unreadable(true)[0],
    messageId: 'folder',
    message: 'This folder cannot be read (permission denied); the files in it were not checked.',
  },
  { name: 'at the severity the settings give', report: () => unreadable(false, { [rule.id]: 'warning' })[0], messageId: 'file', severity: 'warning' },
]);

it('parse/unreadable-file turned off in the settings: no finding', () => {
  assert.deepEqual(unreadable(false, { [rule.id]: 'off' }), []);
});
