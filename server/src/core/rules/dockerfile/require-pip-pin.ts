import { packageCommands, unpinnedPackages } from '../../model/dockerfilePackages';
import { defineRule } from '../defineRule';

const MANAGERS: readonly string[] = ['pip'];

export default defineRule({
  id: 'dockerfile/require-pip-pin',
  kinds: ['dockerfile'],
  severity: 'info',
  docs: {
    summary: 'Require version pins for packages installed with pip install',
    concept: 'dockerfile-best-practices',
    reference: 'https://pip.pypa.io/en/stable/topics/repeatable-installs/',
    enabledByDefault: false,
  },
  messages: {
    unpinned: 'pip install names {name} without a version, so a rebuild can install a newer release that behaves differently. Pin it as {name}==<version>, or a requirements/constraints file (-r / -c).',
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
