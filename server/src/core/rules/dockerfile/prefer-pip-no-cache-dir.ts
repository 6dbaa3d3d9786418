import { envSet, hasFlag, insertAfter, packageCommands } from '../../model/dockerfilePackages';
import { hasCacheMount } from '../../model/dockerfile';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'dockerfile/prefer-pip-no-cache-dir',
  kinds: ['dockerfile'],
  severity: 'info',
  docs: {
    summary: 'Prefer pip install --no-cache-dir',
    concept: 'dockerfile-best-practices',
    reference: 'https://pip.pypa.io/en/stable/topics/caching/',
  },
  messages: {
    noCacheDir:
      'pip install keeps a copy of every downloaded package in ~/.cache/pip, which stays in the image layer and is never used again. Add --no-cache-dir (or set PIP_NO_CACHE_DIR=1).',
  },
  check(ctx) {
    const model = ctx.model.dockerfile;
    if (!model) return;
    for (const pkg of packageCommands(model, model.finalChain)) {
      if (pkg.manager !== 'pip' || pkg.subcommand.text !== 'install') continue;
      if (hasFlag(pkg.options, ['--no-cache-dir'])) continue;
      if (envSet(model, model.finalChain, pkg.run, 'PIP_NO_CACHE_DIR') || hasCacheMount(pkg.run.instruction, ['/root/.cache/pip', '/root/.cache'])) continue;
      ctx.report({ at: pkg.subcommand.span, messageId: 'noCacheDir', fix: { title: 'Add --no-cache-dir', edits: [insertAfter(pkg.subcommand, ' --no-cache-dir')] } });
    }
  },
});
