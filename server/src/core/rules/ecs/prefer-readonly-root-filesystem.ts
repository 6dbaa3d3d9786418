import { containerLabel, isWindowsTask, type ContainerDefinition } from '../../model/ecs';
import { defineRule } from '../defineRule';

/** Containers named in one message; more are counted. */
const NAMED = 3;

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
    omitted:
      '{containers} can write to the root filesystem (no readonlyRootFilesystem). A read-only root filesystem stops an attacker from changing binaries or dropping tools into a container. Set readonlyRootFilesystem to true and mount a volume for the paths a container must write (e.g. /tmp).',
  },
  check(ctx) {
    for (const td of ctx.model.taskDefinitions) {
      if (isWindowsTask(td)) continue; // not supported for Windows containers
      const omitted: ContainerDefinition[] = [];
      for (const container of td.containers) {
        const ro = container.readonlyRootFilesystem;
        if (!ro) omitted.push(container);
        else if (ro.known && !ro.value) ctx.report({ at: ro, messageId: 'notReadonly', data: { container: containerLabel(td, container) } });
      }
      const first = omitted[0];
      if (!first) continue;
      // Advice, so one finding per task definition, not a squiggle on every container: on the first such container,
      // in the file to edit, and inside the containers (a half-typed key elsewhere in the task does not hide it).
      const names = omitted.slice(0, NAMED).map((c) => containerLabel(td, c));
      const more = omitted.length - names.length;
      const containers = omitted.length === 1 ? `Container ${names[0]}` : `Containers ${names.join(', ')}${more ? ` and ${more} more` : ''}`;
      ctx.report({ at: first.raw.pair('name') ?? first.raw.node, messageId: 'omitted', data: { containers } });
    }
  },
});
