import rule from '../../../../server/src/core/rules/dockerfile/prefer-pip-no-cache-dir';
import { runRuleTests } from '../../../helpers/ruleTester';

const filename = 'Dockerfile';

runRuleTests(rule, {
  valid: [
    { name: 'flag', filename, code: 'FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt\n' },
    { name: 'ENV', filename, code: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n' },
    { name: 'cache mount', filename, code: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n' },
    { name: 'build stage', filename, code: 'FROM python:3.12 AS b\nRUN pip install build\nFROM python:3.12-slim\n' },
  ],
  invalid: [
    {
      name: 'pip3, fixed',
      filename,
      code: 'FROM python:3.12\nRUN pip3 install -r requirements.txt\n',
      errors: [{ messageId: 'noCacheDir', line: 2, column: 10, endLine: 2, endColumn: 17, severity: 'info' }],
      output: 'FROM python:3.12\nRUN pip3 install --no-cache-dir -r requirements.txt\n',
    },
    {
      name: 'python -m pip',
      filename,
      code: 'FROM python:3.12\nRUN python -m pip install flask\n',
      errors: [{ messageId: 'noCacheDir', line: 2, column: 19, endLine: 2, endColumn: 26 }],
      output: 'FROM python:3.12\nRUN python -m pip install --no-cache-dir flask\n',
    },
  ],
});
