import { MAX_PORT } from '../../facts/dockerfile';
import { instructionsOf } from '../../model/dockerfile';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'dockerfile/valid-expose-port',
  kinds: ['dockerfile'],
  severity: 'error',
  docs: {
    summary: 'Require EXPOSE ports between 0 and 65535',
    concept: 'dockerfile-best-practices',
    reference: 'https://docs.docker.com/reference/dockerfile/#expose',
  },
  messages: {
    outOfRange: 'Port {port} is outside 0–{max}, and Docker rejects it. Use a TCP/UDP port number between 0 and {max}.',
  },
  check(ctx) {
    const model = ctx.model.dockerfile;
    if (!model) return;
    for (const stage of model.stages) {
      for (const expose of instructionsOf(stage, 'EXPOSE')) {
        for (const arg of expose.getArguments()) {
          const value = arg.getValue();
          if (value.includes('$')) continue;
          const start = model.span(arg.getRange()).start;
          for (const match of value.split('/')[0]!.matchAll(/\d+/g)) {
            if (Number(match[0]) <= MAX_PORT) continue;
            const at = { start: start + match.index!, end: start + match.index! + match[0].length };
            ctx.report({ at, messageId: 'outOfRange', data: { port: match[0], max: MAX_PORT } });
          }
        }
      }
    }
  },
});
