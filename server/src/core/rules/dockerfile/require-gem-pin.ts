import { packageCommands, unpinnedPackages } from '../../model/dockerfilePackages';
import { defineRule } from '../defineRule';

const MANAGERS: readonly string[] = ['gem'];

export default defineRule({
  id: 'dockerfile/require-gem-pin',
  kinds: ['dockerfile'],
  severity: 'info',
  docs: {
    summary: 'Require version pins for packages installed with gem install',
    concept: 'dockerfile-best-practices',
    reference: 'https://guides.rubygems.org/command-reference/#gem-install',
    enabledByDefault: false,
  },
  messages: {
    unpinned: 'gem install names {name} without a version, so a rebuild can install a newer release that behaves differently. Pin it as {name}:<version> or -v <version>.',
  },
  check(ctx) {
    const model = ctx.model.dockerfile;
    if (!model) return;
    for (const pkg of packageCommands(model)) {
      if (!MANAGERS.includes(pkg.manager)) continue;
      for (const word of unpinnedPackages(pkg)) ctx.report({ at: word.span, messageId: 'unpinned', data: { name: word.text } });
    }
  },
});
