import { runCommands, type RunCommand } from '../../model/dockerfile';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'dockerfile/no-curl-and-wget',
  kinds: ['dockerfile'],
  severity: 'info',
  docs: {
    summary: 'Disallow using both curl and wget in the final image',
    concept: 'dockerfile-best-practices',
    reference: 'https://docs.docker.com/build/building/best-practices/',
  },
  messages: {
    both: 'The final image uses both {second} and {first}; each is another package, with its own dependencies and security updates. Use one download tool, e.g. only {first}.',
  },
  check(ctx) {
    const model = ctx.model.dockerfile;
    if (!model) return;
    const firstUse = new Map<string, RunCommand>();
    for (const run of runCommands(model, model.finalChain)) {
      const name = run.command.name;
      if ((name === 'curl' || name === 'wget') && !firstUse.has(name)) firstUse.set(name, run);
    }
    const curl = firstUse.get('curl');
    const wget = firstUse.get('wget');
    if (!curl || !wget) return;
    const [first, second] = curl.command.span.start < wget.command.span.start ? [curl, wget] : [wget, curl];
    ctx.report({
      at: second.command.words[0]!.span,
      messageId: 'both',
      data: { first: first.command.name, second: second.command.name },
      related: [{ at: first.command.words[0]!.span, message: `${first.command.name} is used here first.` }],
    });
  },
});
