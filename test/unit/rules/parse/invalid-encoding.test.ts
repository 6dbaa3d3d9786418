import rule from '../../../../server/src/core/rules/parse/invalid-encoding';
import { runRuleTests } from '../../../helpers/ruleTester';

runRuleTests(rule, {
  valid: [{ filename: 'Dockerfile', code: 'FROM alpine:3.20\n' }],
  invalid: [
    {
      name: 'NUL bytes in a task definition',
      code: '{"containerDefinitions": []}\u0000\u0001',
      errors: [{ messageId: 'binary', line: 1, column: 29, endLine: 1, endColumn: 30, severity: 'error', message: /binary data/ }],
    },
    {
      name: 'an empty Dockerfile',
      filename: 'Dockerfile',
      code: '',
      errors: [{ messageId: 'empty', line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'info' }],
    },
  ],
});

// Invalid UTF-8 is found where bytes are read (the CLI, the workspace scan), before any text exists;
// the finding then goes through the same rule. This is that path, with the problem the CLI attaches.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { lint, prepare } from '../../../../server/src/core/analyze';
import { decodeBytes } from '../../../../server/src/core/text/decode';

it('parse/invalid-encoding reports invalid UTF-8 found by decodeBytes', () => {
  const bytes = Buffer.concat([Buffer.from('{"containerDefinitions": ["caf'), Buffer.from([0xe9]), Buffer.from('"]}')]);
  const decoded = decodeBytes(bytes);
  assert.equal(decoded.ok, false);
  if (decoded.ok) return;
  const text = new TextDecoder().decode(bytes);
  const base = prepare({ uri: 'file:///w/task.json', text: '' });
  const findings = lint(
    { ...base, text, kind: 'ecs-task-definition', problems: [{ code: decoded.reason, message: decoded.message, span: { start: decoded.offset, end: decoded.offset + 1 } }] },
    { rules: [rule] },
  );
  assert.deepEqual(
    findings.map((f) => [f.ruleId, f.messageId, f.severity, f.span.start]),
    [['parse/invalid-encoding', 'encoding', 'error', 30]],
  );
  assert.match(findings[0]!.message, /not valid UTF-8 \(first invalid byte at 30\)/);
});
