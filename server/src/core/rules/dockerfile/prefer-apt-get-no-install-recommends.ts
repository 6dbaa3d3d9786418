import { aptOptions, hasFlag, packageCommands } from '../../model/dockerfilePackages';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'dockerfile/prefer-apt-get-no-install-recommends',
  kinds: ['dockerfile'],
  severity: 'info',
  docs: {
    summary: 'Prefer apt-get install --no-install-recommends',
    concept: 'dockerfile-best-practices',
    reference: 'https://docs.docker.com/build/building/best-practices/#apt-get',
  },
  messages: {
    recommends:
      '{manager} install also installs every "recommended" package, which often adds tens of megabytes the app never uses; larger images pull more slowly when ECS starts a task. Add --no-install-recommends and list what you need.',
  },
  check(ctx) {
    const model = ctx.model.dockerfile;
    if (!model) return;
    for (const pkg of packageCommands(model, model.finalChain)) {
      if ((pkg.manager !== 'apt-get' && pkg.manager !== 'apt') || pkg.subcommand.text !== 'install') continue;
      if (hasFlag(pkg.options, ['--no-install-recommends'])) continue;
      if (aptOptions(pkg.options).some((o) => /^apt::install-recommends=(0|false|no)$/.test(o))) continue;
      ctx.report({ at: pkg.subcommand.span, messageId: 'recommends', data: { manager: pkg.manager } });
    }
  },
});
