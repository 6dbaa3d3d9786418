import rule from '../../../../server/src/core/rules/dockerfile/no-secrets-in-env';
import { runRuleTests } from '../../../helpers/ruleTester';

const filename = 'Dockerfile';

runRuleTests(rule, {
  valid: [
    { name: 'ordinary ENV', filename, code: 'FROM alpine:3\nENV PORT=8080 LOG_LEVEL=info\n' },
    { name: 'ARG without default', filename, code: 'FROM alpine:3\nARG NPM_TOKEN\n' },
    { name: 'placeholder', filename, code: 'FROM alpine:3\nENV DB_PASSWORD=changeme API_TOKEN=${TOKEN}\n' },
    { name: 'settings: number, duration, boolean, word', filename, code: 'FROM alpine:3\nENV PASSWORD_ITERATIONS=4096 TOKEN_TTL=24h AUTH_DISABLED=false SECRET_STORE=Vault\n' },
    { name: 'a path, not a secret', filename, code: 'FROM alpine:3\nENV SECRET_FILE=/run/secrets/db\n' },
  ],
  invalid: [
    {
      name: 'ENV with a secret name',
      filename,
      code: 'FROM alpine:3\nENV A=1 DB_PASSWORD="hunter 2"\n',
      errors: [{ messageId: 'secretName', line: 2, column: 21, endLine: 2, endColumn: 31, severity: 'warning', message: /^ENV DB_PASSWORD has a literal value/ }],
    },
    {
      name: 'global ARG with a token',
      filename,
      code: 'ARG NPM_TOKEN=abc123\nFROM node:20\n',
      errors: [{ messageId: 'secretName', line: 1, column: 15, endLine: 1, endColumn: 21, message: /^ARG NPM_TOKEN/ }],
    },
    {
      name: 'legacy ENV form with an access key id',
      filename,
      code: 'FROM alpine:3\nENV AWS_ACCESS_KEY_ID AKIAIOSFODNN7EXAMPLE\n',
      errors: [{ messageId: 'accessKeyId', line: 2, column: 23, endLine: 2, endColumn: 43 }],
    },
    {
      name: 'secret access key',
      filename,
      code: 'FROM alpine:3\nENV K=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n',
      errors: [{ messageId: 'secretAccessKey', line: 2, column: 7, endLine: 2, endColumn: 47 }],
    },
  ],
});
