import { defineRule } from '../defineRule';
import { TREE_KINDS } from './shared/kinds';

export default defineRule({
  id: 'parse/syntax-error',
  kinds: TREE_KINDS,
  severity: 'error',
  docs: { summary: 'Require the file to parse as JSON or YAML', concept: 'json-config-files' },
  messages: {
    syntax: '{detail} Fix this first: nothing else in the file is checked until it parses.',
  },
  check(ctx) {
    const first = ctx.parseProblems.find((p) => p.code === 'syntax');
    if (first) ctx.report({ at: first.span, messageId: 'syntax', data: { detail: first.message } });
  },
});
