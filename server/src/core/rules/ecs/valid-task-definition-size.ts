import { MAX_CONTAINERS_PER_TASK_DEFINITION, MAX_TASK_DEFINITION_BYTES } from '../../facts/ecs';
import type { Node } from '../../parse/tree';
import { defineRule } from '../defineRule';
import { jsonTextLength } from '../../text/utf8';

export default defineRule({
  id: 'ecs/valid-task-definition-size',
  kinds: ['ecs-task-definition', 'cloudformation', 'terraform'],
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
      // Terraform's body is not the API's JSON (snake_case names, meta-arguments): only the container definitions
      // are sent as written, so they alone are measured there.
      const measured = td.shape === 'terraform' ? { kind: 'array' as const, span: at.span, items: td.containers.map((c) => c.raw.node) } : td.raw.node;
      const size = knownSize(measured);
      if (size.bytes > MAX_TASK_DEFINITION_BYTES) {
        const kib = (size.bytes / 1024).toFixed(1);
        ctx.report({ at, messageId: 'tooLarge', data: { size: size.exact ? kib : `at least ${kib}`, max: MAX_TASK_DEFINITION_BYTES / 1024 } });
      }
    }
  },
});

/**
 * The bytes of a node as compact JSON, counting only what is known: a value given by an intrinsic function or a
 * Terraform expression (and its key: it may resolve to nothing) counts as nothing, so the size is a lower bound.
 */
function knownSize(node: Node): { bytes: number; exact: boolean } {
  let exact = true;
  // Plain loops over the tree, no array per object: this runs over every task definition on each edit.
  const bytes = (n: Node): number | undefined => {
    switch (n.kind) {
      case 'scalar':
        return jsonTextLength(n.value);
      case 'array': {
        let sum = 0;
        let count = 0;
        for (const item of n.items) {
          const b = bytes(item);
          if (b === undefined) continue;
          sum += b;
          count++;
        }
        return 2 + sum + Math.max(count - 1, 0);
      }
      case 'object': {
        let sum = 0;
        let count = 0;
        for (const p of n.pairs) {
          const value = bytes(p.value);
          if (value === undefined) continue;
          sum += jsonTextLength(p.key) + 1 + value;
          count++;
        }
        return 2 + sum + Math.max(count - 1, 0);
      }
      default:
        exact = false;
        return undefined;
    }
  };
  return { bytes: bytes(node) ?? 0, exact };
}
