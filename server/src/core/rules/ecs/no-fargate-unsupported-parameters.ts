import { FARGATE_ADDABLE_CAPABILITIES, FARGATE_UNSUPPORTED } from '../../facts/ecs';
import { locString, type ObjView } from '../../model/located';
import { isFargateTask } from '../../model/ecs';
import type { Node } from '../../parse/tree';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'ecs/no-fargate-unsupported-parameters',
  kinds: ['ecs-task-definition', 'cloudformation', 'terraform', 'ecs-container-definitions'],
  severity: 'error',
  docs: {
    summary: 'Disallow task definition parameters that Fargate does not support',
    concept: 'ecs-launch-types',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html',
  },
  messages: {
    unsupported: 'Fargate does not support {parameter}, so RegisterTaskDefinition rejects it in a FARGATE task definition. Remove it, or run this task on EC2.',
    gpu: 'Fargate has no GPUs, so a GPU resource requirement is rejected in a FARGATE task definition. Remove it, or run this task on EC2 instances with GPUs.',
    capability: 'On Fargate a container may add only the SYS_PTRACE capability; {capability} is rejected. Remove it from linuxParameters.capabilities.add.',
  },
  check(ctx) {
    const flag = (view: ObjView | undefined, names: readonly string[], prefix = '') => {
      for (const name of names) {
        const pair = view?.pair(name);
        // An empty list or null (as console exports write `"placementConstraints": []`) sets nothing: accepted.
        if (pair && !isEmpty(pair.value)) ctx.report({ at: pair, messageId: 'unsupported', data: { parameter: prefix + pair.key } });
      }
    };
    for (const td of ctx.model.taskDefinitions) {
      if (!isFargateTask(td)) continue;
      flag(td.raw, FARGATE_UNSUPPORTED.task);
      for (const volume of td.volumes) flag(volume.raw, FARGATE_UNSUPPORTED.volume, `${td.raw.key('volumes')}.`);
      for (const container of td.containers) {
        flag(container.raw, FARGATE_UNSUPPORTED.container);
        const linux = container.linuxParameters;
        flag(linux, FARGATE_UNSUPPORTED.linuxParameters, 'linuxParameters.');
        for (const item of linux?.obj('capabilities')?.items('add') ?? []) {
          const cap = locString(item);
          if (cap.known && !FARGATE_ADDABLE_CAPABILITIES.includes(cap.value.replace(/^CAP_/, ''))) {
            ctx.report({ at: cap, messageId: 'capability', data: { capability: cap.value } });
          }
        }
        for (const req of container.raw.objects('resourceRequirements')) {
          const type = req.str('type');
          if (type?.known && type.value === 'GPU') ctx.report({ at: type, messageId: 'gpu' });
        }
      }
    }
  },
});

function isEmpty(node: Node): boolean {
  return (node.kind === 'array' && node.items.length === 0) || (node.kind === 'object' && node.pairs.length === 0) || (node.kind === 'scalar' && node.value === null);
}
