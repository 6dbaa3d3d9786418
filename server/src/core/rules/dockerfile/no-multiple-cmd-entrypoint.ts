import { instructionsOf } from '../../model/dockerfile';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'dockerfile/no-multiple-cmd-entrypoint',
  kinds: ['dockerfile'],
  severity: 'warning',
  docs: {
    summary: 'Disallow more than one CMD or ENTRYPOINT in a stage',
    concept: 'dockerfile-best-practices',
    reference: 'https://docs.docker.com/reference/build-checks/multiple-instructions-disallowed/',
  },
  messages: {
    ignoredCmd: 'This CMD is ignored: only the last CMD of a stage takes effect. Remove it, or merge it into the last one.',
    ignoredEntrypoint: 'This ENTRYPOINT is ignored: only the last ENTRYPOINT of a stage takes effect. Remove it, or merge it into the last one.',
  },
  check(ctx) {
    const model = ctx.model.dockerfile;
    if (!model) return;
    for (const stage of model.stages) {
      for (const [keyword, messageId] of [['CMD', 'ignoredCmd'], ['ENTRYPOINT', 'ignoredEntrypoint']] as const) {
        const all = instructionsOf(stage, keyword);
        const last = all[all.length - 1];
        if (!last) continue;
        const lastSpan = model.span(last.getInstructionRange());
        for (const ignored of all.slice(0, -1)) {
          ctx.report({
            at: model.span(ignored.getInstructionRange()),
            messageId,
            related: [{ at: lastSpan, message: `The ${keyword} that takes effect.` }],
          });
        }
      }
    }
  },
});
