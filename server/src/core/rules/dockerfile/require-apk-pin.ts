import { packageCommands, unpinnedPackages } from '../../model/dockerfilePackages';
import { defineRule } from '../defineRule';

const MANAGERS: readonly string[] = ['apk'];

export default defineRule({
  id: 'dockerfile/require-apk-pin',
  kinds: ['dockerfile'],
  severity: 'info',
  docs: {
    summary: 'Require version pins for packages installed with apk add',
    concept: 'dockerfile-best-practices',
    reference: 'https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper',
    enabledByDefault: false,
  },
  messages: {
    unpinned: 'apk add names {name} without a version, so a rebuild can install a newer release that behaves differently. Pin it as {name}=<version> or {name}~<minor>.',
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
