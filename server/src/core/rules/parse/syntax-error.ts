import { defineRule } from '../defineRule';
import { TREE_KINDS } from './shared/kinds';

export default defineRule({
  id: 'parse/syntax-error',
  kinds: TREE_KINDS,
  unconditional: true,
  severity: 'error',
  docs: { summary: 'Require the file to parse as JSON, YAML or Terraform HCL', concept: 'json-config-files' },
  messages: {
    syntax: '{detail} The file is rejected until this is fixed; Berth still checks the parts around it that parse.',
    terraformRegion: '{detail} Terraform rejects the file until this is fixed; Berth still checks the blocks around it.',
  },
  check(ctx) {
    const syntax = ctx.parseProblems.filter((p) => p.code === 'syntax');
    if (ctx.kind === 'terraform') {
      // The HCL parser recovers: each broken region is reported, and the rest of the file is analysed.
      for (const problem of syntax) ctx.report({ at: problem.span, messageId: 'terraformRegion', data: { detail: problem.message } });
      return;
    }
    // JSON and YAML: the first error (the parsers' later ones are mostly its echo); the rest of the file is still
    // analysed as far as it parses (parse/recover.ts), findings in the broken stretches left out.
    const first = syntax[0];
    if (first) ctx.report({ at: first.span, messageId: 'syntax', data: { detail: first.message } });
  },
});
