import type { Span } from '../../parse/tree';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'dockerfile/no-duplicate-stage-name',
  kinds: ['dockerfile'],
  severity: 'error',
  docs: {
    summary: 'Disallow two build stages with the same name',
    concept: 'dockerfile-best-practices',
    reference: 'https://docs.docker.com/reference/build-checks/duplicate-stage-name/',
  },
  messages: {
    duplicate: 'The stage name {name} is already used by an earlier stage (names are case-insensitive); Docker rejects the Dockerfile. Rename one of the stages.',
  },
  check(ctx) {
    const model = ctx.model.dockerfile;
    if (!model) return;
    const seen = new Map<string, Span>();
    for (const stage of model.stages) {
      if (!stage.name || !stage.nameSpan) continue;
      const key = stage.name.toLowerCase();
      const first = seen.get(key);
      if (first) {
        ctx.report({ at: stage.nameSpan, messageId: 'duplicate', data: { name: stage.name }, related: [{ at: first, message: `Stage ${stage.name} is first defined here.` }] });
      } else {
        seen.set(key, stage.nameSpan);
      }
    }
  },
});
