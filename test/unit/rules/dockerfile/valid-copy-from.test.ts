import rule from '../../../../server/src/core/rules/dockerfile/valid-copy-from';
import { runRuleTests } from '../../../helpers/ruleTester';

const filename = 'Dockerfile';

runRuleTests(rule, {
  valid: [
    { name: 'earlier stage by name, any case', filename, code: 'FROM golang:1 AS Build\nFROM alpine:3\nCOPY --from=build /a /a\n' },
    { name: 'earlier stage by index', filename, code: 'FROM golang:1\nFROM alpine:3\nCOPY --from=0 /a /a\n' },
    { name: 'an image with a tag', filename, code: 'FROM alpine:3\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n' },
    { name: 'variable', filename, code: 'ARG S=build\nFROM alpine:3\nCOPY --from=${S} /a /a\n' },
  ],
  invalid: [
    {
      name: 'own stage',
      filename,
      code: 'FROM alpine:3 AS final\nCOPY --from=final /a /b\n',
      errors: [{ messageId: 'ownStage', line: 2, column: 13, endLine: 2, endColumn: 18, severity: 'error' }],
    },
    {
      name: 'later stage',
      filename,
      code: 'FROM alpine:3\nCOPY --from=build /a /b\nFROM golang:1 AS build\n',
      errors: [{ messageId: 'laterStage', line: 2, column: 13, endLine: 2, endColumn: 18 }],
    },
    {
      name: 'own stage by index',
      filename,
      code: 'FROM golang:1\nFROM alpine:3\nCOPY --from=1 /a /b\n',
      errors: [{ messageId: 'ownStage', line: 3, column: 13, endLine: 3, endColumn: 14 }],
    },
    {
      name: 'index out of range',
      filename,
      code: 'FROM alpine:3\nCOPY --from=4 /a /b\n',
      errors: [{ messageId: 'noSuchIndex', line: 2, column: 13, endLine: 2, endColumn: 14, message: /has 1 stage/ }],
    },
    {
      name: 'misspelt stage',
      filename,
      code: 'FROM golang:1 AS build\nFROM alpine:3\nCOPY --from=biuld /a /b\n',
      errors: [{ messageId: 'unknownStage', line: 3, column: 13, endLine: 3, endColumn: 18, severity: 'error', message: /did you mean build\?/ }],
    },
    {
      name: 'bare name: an untagged image, warning',
      filename,
      code: 'FROM alpine:3\nCOPY --from=busybox /bin/busybox /bin/\n',
      errors: [{ messageId: 'imageOrStage', line: 2, column: 13, endLine: 2, endColumn: 20, severity: 'warning' }],
    },
  ],
});
