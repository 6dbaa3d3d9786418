import { runCommands } from '../../model/dockerfile';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'dockerfile/prefer-workdir',
  kinds: ['dockerfile'],
  severity: 'info',
  docs: {
    summary: 'Prefer WORKDIR to cd in RUN',
    concept: 'dockerfile-best-practices',
    reference: 'https://docs.docker.com/build/building/best-practices/#workdir',
  },
  messages: {
    cd: '`cd {dir}` lasts only until the end of this RUN, and the next instructions start in the WORKDIR again, which is easy to forget. Use WORKDIR {dir} before this RUN.',
  },
  check(ctx) {
    const model = ctx.model.dockerfile;
    if (!model) return;
    for (const run of runCommands(model)) {
      const cmd = run.written;
      // `(cd dir && make)` in a subshell is a deliberate, local change of directory.
      if (cmd.name !== 'cd' || cmd.before?.op === '(') continue;
      const dir = cmd.words[1]?.text ?? '~';
      if (dir === '-') continue;
      ctx.report({ at: cmd.words[0]!.span, messageId: 'cd', data: { dir } });
    }
  },
});
