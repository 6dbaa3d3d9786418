import rule from '../../../../server/src/core/rules/dockerfile/require-pip-pin';
import { runRuleTests } from '../../../helpers/ruleTester';

const filename = 'Dockerfile';
const settings = { rules: { 'dockerfile/require-pip-pin': 'info' as const } };

runRuleTests(rule, {
  valid: [
    { name: 'off by default', filename, code: 'FROM python:3.12\nRUN pip install flask\n' },
    { name: 'pins, files, paths, requirements', filename, settings, code: 'FROM python:3.12\nRUN pip install "flask==3.0.3" "requests>=2" . ./pkg dist/x.whl -r requirements.txt\n' },
    { name: 'constraints file pins everything', filename, settings, code: 'FROM python:3.12\nRUN pip install -c constraints.txt flask\n' },
  ],
  invalid: [
    {
      name: 'unpinned',
      filename,
      settings,
      code: 'FROM python:3.12\nRUN pip install --no-cache-dir -i https://pypi.org/simple flask\n',
      errors: [{ messageId: 'unpinned', line: 2, column: 59, endLine: 2, endColumn: 64 }],
    },
  ],
});
