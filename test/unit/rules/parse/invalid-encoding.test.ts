import assert from 'node:assert/strict';
import rule from '../../../../server/src/core/rules/parse/invalid-encoding';
import { decodeBytes } from '../../../../server/src/core/text/decode';
import { runRuleTests } from '../../../helpers/ruleTester';

// Invalid UTF-8 is found where bytes are read (the CLI, the workspace scan), before any text exists; the CLI then
// hands the rules the leniently decoded text with decodeBytes' problem alone. This is that path.
const bytes = Buffer.concat([Buffer.from('{"containerDefinitions": ["caf'), Buffer.from([0xe9]), Buffer.from('"]}')]);
const decoded = decodeBytes(bytes);
assert.ok(!decoded.ok);
const lenient = new TextDecoder().decode(bytes);

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
    {
      name: 'invalid UTF-8 found by decodeBytes',
      filename: 'task.json',
      code: lenient,
      readProblem: { code: decoded.reason, message: decoded.message, span: { start: decoded.offset, end: decoded.offset + 1 } },
      errors: [{ messageId: 'encoding', line: 1, column: 31, endLine: 1, endColumn: 32, severity: 'error', message: /not valid UTF-8 \(first invalid byte at 30\)/ }],
    },
  ],
});
