import { packageCommands, unpinnedPackages } from '../../model/dockerfilePackages';
import { defineRule } from '../defineRule';

const MANAGERS: readonly string[] = ['apt-get', 'apt'];

export default defineRule({
  id: 'dockerfile/require-apt-pin',
  kinds: ['dockerfile'],
  severity: 'info',
  docs: {
    summary: 'Require version pins for packages installed with apt-get install',
    concept: 'dockerfile-best-practices',
    reference: 'https://docs.docker.com/build/building/best-practices/#apt-get',
    enabledByDefault: false,
  },
  messages: {
    unpinned: 'apt-get install names {name} without a version, so a rebuild can install a newer release that behaves differently. Pin it as {name}=<version> (e.g. curl=7.88.1-10+deb12u5).',
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
