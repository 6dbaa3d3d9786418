import { containerLabel, isFargateTask } from '../../model/ecs';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'ecs/no-privileged-container',
  kinds: ['ecs-task-definition', 'cloudformation', 'terraform', 'ecs-container-definitions'],
  severity: 'warning',
  docs: {
    summary: 'Disallow privileged containers',
    concept: 'containers-vs-vms',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security',
  },
  messages: {
    privileged:
      'Container {container} runs privileged: it gets root access to the host instance (all devices and capabilities), so a compromise of the container is a compromise of the instance. Remove privileged, and add only the Linux capabilities it needs (linuxParameters.capabilities.add).',
  },
  check(ctx) {
    for (const td of ctx.model.taskDefinitions) {
      if (isFargateTask(td)) continue; // rejected on Fargate: ecs/no-fargate-unsupported-parameters
      for (const container of td.containers) {
        const p = container.privileged;
        if (p?.known && p.value) ctx.report({ at: p, messageId: 'privileged', data: { container: containerLabel(td, container) } });
      }
    }
  },
});
