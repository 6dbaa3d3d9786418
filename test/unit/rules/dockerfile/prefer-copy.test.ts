import rule from '../../../../server/src/core/rules/dockerfile/prefer-copy';
import { runRuleTests } from '../../../helpers/ruleTester';

const filename = 'Dockerfile';

runRuleTests(rule, {
  valid: [
    { name: 'COPY', filename, code: 'FROM alpine:3\nCOPY . /app\n' },
    { name: 'URL', filename, code: 'FROM alpine:3\nADD https://example.com/a.txt /a.txt\n' },
    { name: 'archive to unpack', filename, code: 'FROM alpine:3\nADD rootfs.tar.gz /\n' },
    { name: 'git repository', filename, code: 'FROM alpine:3\nADD git@github.com:o/r.git /src\n' },
    { name: 'variable source', filename, code: 'FROM alpine:3\nARG SRC\nADD $SRC /x\n' },
  ],
  invalid: [
    {
      name: 'local folder, fix to COPY',
      filename,
      code: 'FROM alpine:3\nADD --chown=1000 src /app/src\n',
      errors: [{ messageId: 'preferCopy', line: 2, column: 1, endLine: 2, endColumn: 4, severity: 'warning', message: /^ADD copies src like COPY/ }],
      output: 'FROM alpine:3\nCOPY --chown=1000 src /app/src\n',
    },
    {
      name: 'exec form, lower case',
      filename,
      code: 'FROM alpine:3\nadd ["a.txt", "b.txt", "/dst/"]\n',
      errors: [{ messageId: 'preferCopy', line: 2, column: 1, endLine: 2, endColumn: 4 }],
      output: 'FROM alpine:3\ncopy ["a.txt", "b.txt", "/dst/"]\n',
    },
  ],
});
