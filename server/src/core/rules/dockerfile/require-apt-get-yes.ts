import { aptOptions, hasFlag, insertAfter, packageCommands } from '../../model/dockerfilePackages';
import { defineRule } from '../defineRule';

const NEEDS_CONFIRMATION = new Set(['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'remove', 'purge', 'autoremove', 'build-dep', 'reinstall']);
/** Subcommands that ask only when there is something to do: after a fresh install there often is nothing to remove. */
const ASKS_ONLY_SOMETIMES = new Set(['autoremove']);

export default defineRule({
  id: 'dockerfile/require-apt-get-yes',
  kinds: ['dockerfile'],
  severity: 'error',
  severities: ['error', 'warning'],
  docs: {
    summary: 'Require -y for apt-get commands that ask for confirmation',
    concept: 'dockerfile-best-practices',
    reference: 'https://docs.docker.com/build/building/best-practices/#apt-get',
  },
  messages: {
    missingYes:
      '{manager} {subcommand} asks "Do you want to continue? [Y/n]" whenever it must change more than you named, and a docker build has no one to answer: it reads end-of-input and aborts, failing the build. Add -y.',
    missingYesSometimes:
      '{manager} {subcommand} asks "Do you want to continue? [Y/n]" whenever there is something to remove, and a docker build has no one to answer: it reads end-of-input and aborts. The build passes while nothing is removable and fails once a package change leaves one behind. Add -y.',
  },
  check(ctx) {
    const model = ctx.model.dockerfile;
    if (!model) return;
    for (const pkg of packageCommands(model)) {
      if (pkg.manager !== 'apt-get' && pkg.manager !== 'apt') continue;
      if (!NEEDS_CONFIRMATION.has(pkg.subcommand.text)) continue;
      const words = pkg.options;
      const quietTwo = words.some((w) => /^-q{2,}[a-z]*$/i.test(w.text) || /^(-q|--quiet)=([2-9])$/.test(w.text));
      const assumeYes = aptOptions(words).some((o) => /^apt::get::assume-yes=(1|true|yes)$/.test(o));
      if (hasFlag(words, ['--yes', '--assume-yes', '--force-yes'], 'y') || quietTwo || assumeYes) continue;
      if (pkg.run.command.words.slice(1).some((w) => /^-[A-Za-z]*y[A-Za-z]*$/.test(w.text) || w.text === '--yes' || w.text === '--assume-yes')) continue;
      const sometimes = ASKS_ONLY_SOMETIMES.has(pkg.subcommand.text);
      ctx.report({
        at: pkg.subcommand.span,
        messageId: sometimes ? 'missingYesSometimes' : 'missingYes',
        severity: sometimes ? 'warning' : 'error',
        data: { manager: pkg.manager, subcommand: pkg.subcommand.text },
        fix: { title: 'Add -y', edits: [insertAfter(pkg.subcommand, ' -y')] },
      });
    }
  },
});
