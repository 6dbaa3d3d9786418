import { packageCommands, runRemoves, type PackageCommand } from '../../model/dockerfilePackages';
import { hasCacheMount } from '../../model/dockerfile';
import { defineRule } from '../defineRule';

const INSTALLS = new Set(['install', 'groupinstall', 'update', 'upgrade', 'reinstall', 'localinstall']);

export default defineRule({
  id: 'dockerfile/require-yum-dnf-clean',
  kinds: ['dockerfile'],
  severity: 'info',
  docs: {
    summary: 'Require yum/dnf clean all in the RUN that installs packages',
    concept: 'dockerfile-best-practices',
    reference: 'https://docs.docker.com/build/building/best-practices/',
  },
  messages: {
    noClean:
      '{command} {subcommand} leaves its metadata and package cache in /var/cache/{cache}, which stays in the image layer (often 100 MB or more on Amazon Linux). End the same RUN with `&& {command} clean all` (and `rm -rf /var/cache/{cache}`).',
  },
  check(ctx) {
    const model = ctx.model.dockerfile;
    if (!model) return;
    const commands = packageCommands(model, model.finalChain);
    const cleaned = (pkg: PackageCommand) =>
      commands.some((o) => o.run.instruction === pkg.run.instruction && (o.manager === 'yum' || o.manager === 'dnf') && o.subcommand.text === 'clean') ||
      runRemoves(pkg.run, ['/var/cache/yum', '/var/cache/dnf']) ||
      hasCacheMount(pkg.run.instruction, ['/var/cache/yum', '/var/cache/dnf']);
    for (const pkg of commands) {
      if ((pkg.manager !== 'yum' && pkg.manager !== 'dnf') || !INSTALLS.has(pkg.subcommand.text) || cleaned(pkg)) continue;
      ctx.report({ at: pkg.subcommand.span, messageId: 'noClean', data: { command: pkg.run.command.name, subcommand: pkg.subcommand.text, cache: pkg.manager } });
    }
  },
});
