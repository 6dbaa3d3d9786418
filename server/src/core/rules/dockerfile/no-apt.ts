import { packageCommands } from '../../model/dockerfilePackages';
import { defineRule } from '../defineRule';

/** Subcommands apt-get has with the same meaning, so `apt` can simply be renamed. */
const SAME_IN_APT_GET = new Set(['install', 'update', 'upgrade', 'dist-upgrade', 'remove', 'purge', 'autoremove', 'clean', 'autoclean', 'reinstall', 'source', 'build-dep']);

export default defineRule({
  id: 'dockerfile/no-apt',
  kinds: ['dockerfile'],
  severity: 'warning',
  docs: {
    summary: 'Disallow apt in scripts; use apt-get',
    concept: 'dockerfile-best-practices',
    reference: 'https://docs.docker.com/build/building/best-practices/#apt-get',
  },
  messages: {
    useAptGet:
      'apt is meant for people at a terminal: its command-line interface may change between releases, and it warns "apt does not have a stable CLI interface" in scripts. Use apt-get, whose behaviour is stable.',
  },
  check(ctx) {
    const model = ctx.model.dockerfile;
    if (!model) return;
    for (const pkg of packageCommands(model)) {
      if (pkg.manager !== 'apt') continue;
      const word = pkg.run.command.words[0]!;
      const renamable = word.text === 'apt' && SAME_IN_APT_GET.has(pkg.subcommand.text);
      ctx.report({ at: word.span, messageId: 'useAptGet', fix: renamable ? { title: 'Use apt-get', edits: [{ span: word.span, newText: 'apt-get' }] } : undefined });
    }
  },
});
