import { hasFlag, insertAfter, packageCommands, runRemoves } from '../../model/dockerfilePackages';
import { hasCacheMount } from '../../model/dockerfile';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'dockerfile/prefer-apk-no-cache',
  kinds: ['dockerfile'],
  severity: 'info',
  docs: {
    summary: 'Prefer apk add --no-cache',
    concept: 'dockerfile-best-practices',
    reference: 'https://docs.docker.com/build/building/best-practices/',
  },
  messages: {
    noCache: 'apk add keeps the package index in /var/cache/apk, which stays in the image layer. Add --no-cache, which also makes a separate `apk update` unnecessary.',
  },
  check(ctx) {
    const model = ctx.model.dockerfile;
    if (!model) return;
    for (const pkg of packageCommands(model, model.finalChain)) {
      if (pkg.manager !== 'apk' || pkg.subcommand.text !== 'add') continue;
      if (hasFlag(pkg.options, ['--no-cache'])) continue;
      if (runRemoves(pkg.run, ['/var/cache/apk']) || hasCacheMount(pkg.run.instruction, ['/var/cache/apk', '/etc/apk/cache'])) continue;
      ctx.report({ at: pkg.subcommand.span, messageId: 'noCache', fix: { title: 'Add --no-cache', edits: [insertAfter(pkg.subcommand, ' --no-cache')] } });
    }
  },
});
