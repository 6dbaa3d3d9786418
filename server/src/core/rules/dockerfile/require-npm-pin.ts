import { packageCommands, unpinnedPackages } from '../../model/dockerfilePackages';
import { defineRule } from '../defineRule';

const MANAGERS: readonly string[] = ['npm'];

export default defineRule({
  id: 'dockerfile/require-npm-pin',
  kinds: ['dockerfile'],
  severity: 'info',
  docs: {
    summary: 'Require version pins for packages installed with npm install',
    concept: 'dockerfile-best-practices',
    reference: 'https://docs.npmjs.com/cli/commands/npm-install',
    enabledByDefault: false,
  },
  messages: {
    unpinned: 'npm install names {name} without a version, so a rebuild can install a newer release that behaves differently. Pin it as {name}@<version>.',
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
