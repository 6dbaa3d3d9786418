import { packageCommands, runRemoves } from '../../model/dockerfilePackages';
import { hasCacheMount, type RunCommand } from '../../model/dockerfile';
import type { Instruction } from 'dockerfile-ast';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'dockerfile/require-apt-lists-cleanup',
  kinds: ['dockerfile'],
  severity: 'info',
  docs: {
    summary: 'Require removing /var/lib/apt/lists in the RUN that installs packages',
    concept: 'dockerfile-best-practices',
    reference: 'https://docs.docker.com/build/building/best-practices/#apt-get',
  },
  messages: {
    noCleanup:
      'This RUN runs {manager} {subcommand} but does not remove /var/lib/apt/lists, so the package lists (often 20–50 MB) stay in the image layer. Add `&& rm -rf /var/lib/apt/lists/*` at the end of the same RUN; a later RUN cannot shrink this layer.',
  },
  check(ctx) {
    const model = ctx.model.dockerfile;
    if (!model) return;
    const done = new Set<Instruction>();
    for (const pkg of packageCommands(model, model.finalChain)) {
      if (pkg.manager !== 'apt-get' && pkg.manager !== 'apt') continue;
      if (pkg.subcommand.text !== 'update' && pkg.subcommand.text !== 'install') continue;
      const instruction = pkg.run.instruction;
      if (done.has(instruction)) continue;
      done.add(instruction);
      if (runRemoves(pkg.run, ['/var/lib/apt/lists']) || distCleans(pkg.run) || hasCacheMount(instruction, ['/var/lib/apt/lists', '/var/lib/apt'])) continue;
      ctx.report({ at: pkg.subcommand.span, messageId: 'noCleanup', data: { manager: pkg.manager, subcommand: pkg.subcommand.text } });
    }
  },
});

/** `apt-get dist-clean` (apt 2.7+, Debian 13 / Ubuntu 24.04) removes the package lists too. */
function distCleans(run: RunCommand): boolean {
  return run.script.commands.some((c) => (c.name === 'apt-get' || c.name === 'apt') && c.words.some((w) => w.text === 'dist-clean'));
}
