import { defineRule } from '../defineRule';
import { TREE_KINDS } from './shared/kinds';

export default defineRule({
  id: 'parse/duplicate-key',
  kinds: TREE_KINDS,
  unconditional: true,
  severity: 'error',
  severities: ['error', 'warning'],
  docs: { summary: 'Disallow the same key twice in one object', concept: 'json-config-files' },
  messages: {
    duplicate: 'Duplicate key "{key}": only the last value counts, so the earlier one is silently ignored. Remove one of them.',
    terraformDuplicate: '{detail}',
  },
  check(ctx) {
    for (const problem of ctx.parseProblems) {
      if (problem.code !== 'duplicate-key') continue;
      const key = ctx.text.slice(problem.span.start, problem.span.end).replace(/^["']|["']$/g, '');
      const related = problem.related ? [{ at: problem.related, message: `First "${key}" here` }] : [];
      // Terraform rejects a redefined argument; JSON and YAML readers keep the last value.
      if (ctx.kind === 'terraform') ctx.report({ at: problem.span, messageId: 'terraformDuplicate', severity: 'error', data: { detail: problem.message }, related });
      else ctx.report({ at: problem.span, messageId: 'duplicate', severity: 'warning', data: { key }, related });
    }
  },
});
