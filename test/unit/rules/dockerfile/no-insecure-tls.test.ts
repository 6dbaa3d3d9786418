import rule from '../../../../server/src/core/rules/dockerfile/no-insecure-tls';
import { runRuleTests } from '../../../helpers/ruleTester';

const filename = 'Dockerfile';

runRuleTests(rule, {
  valid: [
    { name: 'checked downloads', filename, code: 'FROM debian:12\nRUN curl -fsSL -o k u && wget -q u && pip install x\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\n' },
    { name: 'k as the value of -o', filename, code: 'FROM debian:12\nRUN curl -ok u\n' },
  ],
  invalid: [
    {
      name: 'curl bundle with k',
      filename,
      code: 'FROM debian:12\nRUN curl -fsSLk https://x\n',
      errors: [{ messageId: 'insecureFlag', line: 2, column: 10, endLine: 2, endColumn: 16, severity: 'warning', message: /^curl -fsSLk turns off/ }],
    },
    {
      name: 'wget, pip, npm, git',
      filename,
      code: 'FROM node:20\nRUN wget --no-check-certificate u; pip install --trusted-host pypi.org x; npm config set strict-ssl false; git -c http.sslVerify=false clone u\n',
      errors: [
        { messageId: 'insecureFlag', line: 2, column: 10, endLine: 2, endColumn: 32 },
        { messageId: 'insecureFlag', line: 2, column: 48, endLine: 2, endColumn: 62 },
        { messageId: 'insecureFlag', line: 2, column: 90, endLine: 2, endColumn: 100 },
        { messageId: 'insecureFlag', line: 2, column: 115, endLine: 2, endColumn: 135 },
      ],
    },
    {
      name: 'environment',
      filename,
      code: 'FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\nRUN GIT_SSL_NO_VERIFY=true git clone u\n',
      errors: [
        { messageId: 'insecureEnv', line: 2, column: 5, endLine: 2, endColumn: 35, message: /in the image, at build time and at run time/ },
        { messageId: 'insecureEnv', line: 3, column: 5, endLine: 3, endColumn: 27, message: /in this command/ },
      ],
    },
  ],
});
