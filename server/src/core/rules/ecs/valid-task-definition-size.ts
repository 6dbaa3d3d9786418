import { MAX_CONTAINERS_PER_TASK_DEFINITION, MAX_TASK_DEFINITION_BYTES } from '../../facts/ecs';
import { toPlain, walk } from '../../parse/tree';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'ecs/valid-task-definition-size',
  kinds: ['ecs-task-definition', 'cloudformation'],
  severity: 'error',
  docs: {
    summary: 'Require at most 10 containers and 64 KiB per task definition',
    concept: 'task-definition-task-service',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html',
  },
  messages: {
    tooManyContainers:
      'This task definition has {count} containers; ECS allows at most {max} per task definition (a quota that cannot be raised), so RegisterTaskDefinition rejects it. Move some containers to another task definition and service.',
    tooLarge:
      'This task definition is {size} KiB as compact JSON; ECS allows at most {max} KiB, so RegisterTaskDefinition rejects it. Move large values (long environment lists, inline scripts) to environmentFiles, secrets or the image.',
  },
  check(ctx) {
    for (const td of ctx.model.taskDefinitions) {
      const at = td.containersPair;
      if (!at) continue;
      if (td.containers.length > MAX_CONTAINERS_PER_TASK_DEFINITION) {
        ctx.report({ at, messageId: 'tooManyContainers', data: { count: td.containers.length, max: MAX_CONTAINERS_PER_TASK_DEFINITION } });
      }
      let hasIntrinsic = false;
      walk(td.raw.node, (node) => {
        if (node.kind === 'intrinsic') hasIntrinsic = true;
        return !hasIntrinsic;
      });
      if (hasIntrinsic) continue; // the deployed size is unknown until the template is resolved
      const bytes = new TextEncoder().encode(JSON.stringify(toPlain(td.raw.node))).length;
      if (bytes > MAX_TASK_DEFINITION_BYTES) {
        ctx.report({ at, messageId: 'tooLarge', data: { size: (bytes / 1024).toFixed(1), max: MAX_TASK_DEFINITION_BYTES / 1024 } });
      }
    }
  },
});
