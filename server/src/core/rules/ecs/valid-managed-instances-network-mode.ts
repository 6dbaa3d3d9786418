import { MANAGED_INSTANCES_NETWORK_MODES, MANAGED_INSTANCES_SOURCE } from '../../facts/ecs';
import { replaceScalar } from '../../fix/edits';
import { hasCompatibility, isFargateTask } from '../../model/ecs';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'ecs/valid-managed-instances-network-mode',
  kinds: ['ecs-task-definition', 'cloudformation', 'terraform'],
  severity: 'error',
  docs: {
    summary: 'Require a network mode ECS Managed Instances supports, stated in the task definition',
    concept: 'network-modes',
    reference: MANAGED_INSTANCES_SOURCE,
  },
  messages: {
    wrongMode:
      'ECS Managed Instances run tasks in {modes} network mode only, so a task definition that requires MANAGED_INSTANCES cannot use {key} "{mode}". Set {key} to awsvpc (or host).',
    missingMode:
      'This task definition requires MANAGED_INSTANCES compatibility but has no {key}; Managed Instances have no default mode (bridge, the EC2 default, is not supported), so ECS will not run it there. Add {example}.',
  },
  check(ctx) {
    for (const td of ctx.model.taskDefinitions) {
      // With FARGATE too, ecs/require-awsvpc-for-fargate reports the mode (awsvpc satisfies both).
      if (!hasCompatibility(td, 'MANAGED_INSTANCES') || isFargateTask(td)) continue;
      const mode = td.networkMode;
      if (!mode) {
        const at = td.raw.pair('requiresCompatibilities');
        if (at) ctx.report({ at, messageId: 'missingMode', data: { key: td.raw.key('networkMode'), example: td.raw.assignment('networkMode', 'awsvpc') } });
      } else if (mode.known && !MANAGED_INSTANCES_NETWORK_MODES.includes(mode.value)) {
        const key = mode.pair?.key ?? td.raw.key('networkMode');
        ctx.report({
          at: mode,
          messageId: 'wrongMode',
          data: { mode: mode.value, key, modes: MANAGED_INSTANCES_NETWORK_MODES.join(', ') },
          fix: { title: `Set ${key} to awsvpc`, edits: [replaceScalar(ctx.text, mode.node, 'awsvpc')] },
        });
      }
    }
  },
});
