import rule from '../../../../server/src/core/rules/dockerfile/no-maintainer';
import { runRuleTests } from '../../../helpers/ruleTester';

const filename = 'Dockerfile';

runRuleTests(rule, {
  valid: [{ name: 'label', filename, code: 'FROM a:1\nLABEL org.opencontainers.image.authors="x"\n' }],
  invalid: [
    {
      name: 'MAINTAINER, fixed to a label',
      filename,
      code: 'FROM a:1\nMAINTAINER Jane "JD" Doe <jane@example.com>\n',
      errors: [{ messageId: 'deprecated', line: 2, column: 1, endLine: 2, endColumn: 11, severity: 'info' }],
      output: 'FROM a:1\nLABEL org.opencontainers.image.authors="Jane \\"JD\\" Doe <jane@example.com>"\n',
    },
  ],
});
