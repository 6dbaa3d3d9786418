import { instructionsOf } from '../../model/dockerfile';
import { defineRule } from '../defineRule';

const ABSOLUTE = /^(\/|[A-Za-z]:[\\/]|\\)/;

export default defineRule({
  id: 'dockerfile/no-relative-workdir',
  kinds: ['dockerfile'],
  severity: 'warning',
  docs: {
    summary: 'Disallow a relative WORKDIR before any absolute one',
    concept: 'dockerfile-best-practices',
    reference: 'https://docs.docker.com/reference/build-checks/workdir-relative-path/',
  },
  messages: {
    relative:
      'WORKDIR {path} is relative, and no absolute WORKDIR comes before it in this stage, so it resolves against whatever directory the base image sets; a new base image version can move it. Use an absolute path such as /{path}.',
  },
  check(ctx) {
    const model = ctx.model.dockerfile;
    if (!model) return;
    for (const stage of model.stages) {
      let absolute = false;
      for (let s = stage.parent; s && !absolute; s = s.parent) {
        absolute = instructionsOf(s, 'WORKDIR').some((w) => ABSOLUTE.test(w.getArguments()[0]?.getValue() ?? ''));
      }
      for (const workdir of instructionsOf(stage, 'WORKDIR')) {
        const arg = workdir.getArguments()[0];
        const path = arg ? ctx.text.slice(model.span(arg.getRange()).start, model.span(arg.getRange()).end).replace(/^["']|["']$/g, '') : undefined;
        if (!arg || !path) continue;
        if (ABSOLUTE.test(path) || path.startsWith('$')) {
          absolute = true;
          continue;
        }
        if (!absolute) ctx.report({ at: model.span(arg.getRange()), messageId: 'relative', data: { path } });
      }
    }
  },
});
