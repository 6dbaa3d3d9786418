import { packageCommands, unpinnedPackages } from '../../../model/dockerfilePackages';
import { defineRule } from '../../defineRule';
import type { Rule } from '../../types';

export interface PinRuleSpec {
  /** `dockerfile/require-<manager>-pin`: one file per id still, each a call of pinRule. */
  readonly id: string;
  /** The package managers (model/dockerfilePackages.ts names) whose installs the rule reads. */
  readonly managers: readonly string[];
  /** The install command as people write it, e.g. `apt-get install`. */
  readonly command: string;
  readonly reference: string;
  /** The end of the message: how a pin is written for this manager (may use `{name}`). */
  readonly howToPin: string;
}

/** The version-pinning rules (off by default) differ only in their managers, their reference and how a pin is written. */
export function pinRule(spec: PinRuleSpec): Rule<'unpinned'> {
  return defineRule({
    id: spec.id,
    kinds: ['dockerfile'],
    severity: 'info',
    docs: {
      summary: `Require version pins for packages installed with ${spec.command}`,
      concept: 'dockerfile-best-practices',
      reference: spec.reference,
      enabledByDefault: false,
    },
    messages: {
      unpinned: `${spec.command} names {name} without a version, so a rebuild can install a newer release that behaves differently. ${spec.howToPin}`,
    },
    check(ctx) {
      const model = ctx.model.dockerfile;
      if (!model) return;
      for (const pkg of packageCommands(model)) {
        if (!spec.managers.includes(pkg.manager)) continue;
        for (const word of unpinnedPackages(pkg)) ctx.report({ at: word.span, messageId: 'unpinned', data: { name: word.text } });
      }
    },
  });
}
