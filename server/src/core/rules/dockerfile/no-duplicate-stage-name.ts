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
    duplicate: 'The stage name {name} is already used on line {line} (names are case-insensitive); Docker rejects the Dockerfile. Rename one of the stages.',
  },
  check(ctx) {
    const model = ctx.model.dockerfile;
    if (!model) return;
    const seen = new Map<string, { span: { start: number; end: number }; line: number }>();
    for (const stage of model.stages) {
      if (!stage.name || !stage.nameSpan) continue;
      const key = stage.name.toLowerCase();
      const first = seen.get(key);
      if (first) {
        ctx.report({ at: stage.nameSpan, messageId: 'duplicate', data: { name: stage.name, line: first.line }, related: [{ at: first.span, message: `Stage ${stage.name} is first defined here.` }] });
      } else {
        seen.set(key, { span: stage.nameSpan, line: stage.from.getRange().start.line + 1 });
      }
    }
  },
});
