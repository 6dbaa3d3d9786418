import { DOCUMENT_KINDS } from '../../kinds/detect';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'parse/too-complex',
  kinds: DOCUMENT_KINDS,
  unconditional: true,
  severity: 'warning',
  docs: { summary: 'Require documents within the size, depth and alias limits that Berth analyses safely' },
  messages: {
    tooLarge: '{detail}',
    tooDeep: '{detail}',
    aliasLimit: '{detail}',
  },
  check(ctx) {
    for (const problem of ctx.parseProblems) {
      if (problem.code === 'too-large') {
        ctx.report({ at: problem.span, messageId: 'tooLarge', data: { detail: problem.message } });
      } else if (problem.code === 'too-deep') {
        ctx.report({ at: problem.span, messageId: 'tooDeep', data: { detail: problem.message } });
      } else if (problem.code === 'alias-limit') {
        ctx.report({ at: problem.span, messageId: 'aliasLimit', data: { detail: problem.message } });
      }
    }
  },
});
