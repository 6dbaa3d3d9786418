import rule from '../../../../server/src/core/rules/dockerfile/require-pipefail';
import { runRuleTests } from '../../../helpers/ruleTester';

const filename = 'Dockerfile';

runRuleTests(rule, {
  valid: [
    { name: 'SHELL with pipefail', filename, code: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL u | sh\n' },
    { name: 'SHELL inherited from the parent stage', filename, code: 'FROM debian:12 AS base\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nFROM base\nRUN curl -fsSL u | sh\n' },
    { name: 'set -o pipefail first', filename, code: 'FROM alpine:3\nRUN set -euo pipefail && wget -qO- u | tar -x\n' },
    { name: 'no pipe; || is not a pipe', filename, code: 'FROM debian:12\nRUN a || b\nRUN echo "a | b"\n' },
    { name: 'PowerShell', filename, code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-ChildItem | Select-Object Name\n' },
  ],
  invalid: [
    {
      name: 'pipe with the default shell',
      filename,
      code: 'FROM debian:12\nRUN curl -fsSL https://x/i.sh | sh\n',
      errors: [{ messageId: 'noPipefail', line: 2, column: 31, endLine: 2, endColumn: 32, severity: 'warning', message: /if `curl -fsSL https:\/\/x\/i.sh` fails/ }],
    },
    {
      name: 'SHELL without pipefail, and set after the pipe',
      filename,
      code: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN a | b; set -o pipefail\n',
      errors: [{ messageId: 'noPipefail', line: 3, column: 7, endLine: 3, endColumn: 8 }],
    },
  ],
});
