import { DOCUMENT_KINDS } from '../../kinds/detect';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'parse/invalid-encoding',
  kinds: DOCUMENT_KINDS,
  unconditional: true,
  severity: 'error',
  severities: ['error', 'info'],
  docs: { summary: 'Require UTF-8 text', concept: 'json-config-files' },
  messages: {
    encoding: '{detail}',
    binary: '{detail}',
    empty: 'This file is empty: there is nothing for AWS to read. Add content or delete the file.',
  },
  check(ctx) {
    for (const problem of ctx.parseProblems) {
      if (problem.code === 'encoding') ctx.report({ at: problem.span, messageId: 'encoding', data: { detail: problem.message } });
      if (problem.code === 'binary') ctx.report({ at: problem.span, messageId: 'binary', data: { detail: problem.message } });
      if (problem.code === 'empty') ctx.report({ at: problem.span, messageId: 'empty', severity: 'info' });
    }
  },
});
