import { defineRule } from '../defineRule';

export default defineRule({
  id: 'dockerfile/no-maintainer',
  kinds: ['dockerfile'],
  severity: 'info',
  docs: {
    summary: 'Disallow the deprecated MAINTAINER instruction',
    concept: 'dockerfile-best-practices',
    reference: 'https://docs.docker.com/reference/build-checks/maintainer-deprecated/',
  },
  messages: {
    deprecated: 'MAINTAINER is deprecated. Use a label instead: LABEL org.opencontainers.image.authors="…".',
  },
  check(ctx) {
    const model = ctx.model.dockerfile;
    if (!model) return;
    for (const instruction of model.ast.getInstructions()) {
      if (instruction.getKeyword() !== 'MAINTAINER') continue;
      const whole = model.span(instruction.getRange());
      const argsRange = instruction.getArgumentsRange();
      const args = argsRange ? ctx.text.slice(model.span(argsRange).start, model.span(argsRange).end) : '';
      const fixable = args !== '' && !/[\r\n]/.test(args) && !args.includes('$');
      const quoted = args.replace(/[\\"]/g, (c) => `\\${c}`);
      ctx.report({
        at: model.span(instruction.getInstructionRange()),
        messageId: 'deprecated',
        fix: fixable ? { title: 'Replace MAINTAINER with a LABEL', edits: [{ span: whole, newText: `LABEL org.opencontainers.image.authors="${quoted}"` }] } : undefined,
      });
    }
  },
});
