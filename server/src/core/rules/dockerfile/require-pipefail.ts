import { defineRule } from '../defineRule';

/** A SHELL or `set` word list turns pipefail on: `-o pipefail`, or a bundle ending in o (`-eo pipefail`). */
function enablesPipefail(words: readonly string[]): boolean {
  return words.some((w, i) => /^-[a-z]*o$/.test(w) && words[i + 1] === 'pipefail');
}

const NON_POSIX = /(^|[\\/])(pwsh|powershell|cmd)(\.exe)?$/i;

export default defineRule({
  id: 'dockerfile/require-pipefail',
  kinds: ['dockerfile'],
  severity: 'warning',
  docs: {
    summary: 'Require pipefail for RUN commands with a pipe',
    concept: 'dockerfile-best-practices',
    reference: 'https://docs.docker.com/build/building/best-practices/#using-pipes',
  },
  messages: {
    noPipefail:
      'Only the last command of a pipe decides whether this RUN succeeds: if `{left}` fails, the build carries on with a broken layer. Add SHELL ["/bin/bash", "-o", "pipefail", "-c"] before this RUN (or start it with `set -o pipefail &&` where /bin/sh supports it, e.g. Alpine).',
  },
  check(ctx) {
    const model = ctx.model.dockerfile;
    if (!model) return;
    for (const instruction of model.ast.getInstructions()) {
      if (instruction.getKeyword() !== 'RUN') continue;
      const script = model.shellScript(instruction);
      const pipe = script?.operators.find((o) => o.op === '|' || o.op === '|&');
      if (!script || !pipe) continue;
      const shell = model.shellFor(instruction);
      if (shell && (enablesPipefail(shell) || NON_POSIX.test(shell[0] ?? ''))) continue;
      const setBefore = script.commands.some((c) => c.name === 'set' && c.span.end <= pipe.span.start && enablesPipefail(c.words.map((w) => w.text)));
      if (setBefore) continue;
      const left = script.commands.find((c) => c.after === pipe);
      ctx.report({ at: pipe.span, messageId: 'noPipefail', data: { left: left ? left.words.map((w) => w.text).join(' ') : 'the first command' } });
    }
  },
});
