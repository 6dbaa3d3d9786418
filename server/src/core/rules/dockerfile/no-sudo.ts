import { runCommands } from '../../model/dockerfile';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'dockerfile/no-sudo',
  kinds: ['dockerfile'],
  severity: 'warning',
  docs: {
    summary: 'Disallow sudo in RUN',
    concept: 'dockerfile-best-practices',
    reference: 'https://docs.docker.com/build/building/best-practices/#user',
  },
  messages: {
    sudo: 'sudo in a Dockerfile usually means sudo is installed in the image, which lets any process that runs as the app user become root. Run the step as root before your USER instruction (or switch with USER root and back), and remove sudo from the image.',
  },
  check(ctx) {
    const model = ctx.model.dockerfile;
    if (!model) return;
    for (const run of runCommands(model)) {
      if (run.written.name === 'sudo') ctx.report({ at: run.written.words[0]!.span, messageId: 'sudo' });
    }
  },
});
