import { containerLabel, isWindowsTask } from '../../model/ecs';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'ecs/prefer-readonly-root-filesystem',
  kinds: ['ecs-task-definition', 'cloudformation', 'terraform', 'ecs-container-definitions'],
  severity: 'info',
  docs: {
    summary: 'Prefer a read-only root filesystem for containers',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-tasks-containers.html',
  },
  messages: {
    notReadonly:
      'Container {container} can write to its root filesystem. A read-only root filesystem stops an attacker from changing binaries or dropping tools into the container. Set readonlyRootFilesystem to true and mount a volume for the paths it must write (e.g. /tmp).',
  },
  check(ctx) {
    for (const td of ctx.model.taskDefinitions) {
      if (isWindowsTask(td)) continue; // not supported for Windows containers
      for (const container of td.containers) {
        const ro = container.readonlyRootFilesystem;
        if (ro?.known && ro.value) continue;
        if (ro && !ro.known) continue;
        ctx.report({ at: ro ?? container.raw.pair('name') ?? container.raw.node, messageId: 'notReadonly', data: { container: containerLabel(td, container) } });
      }
    }
  },
});
