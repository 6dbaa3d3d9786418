import { containerNamed, type TaskDefinition } from '../../model/ecs';
import type { Located } from '../../model/located';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'ecs/valid-container-references',
  kinds: ['ecs-task-definition', 'cloudformation', 'terraform', 'ecs-container-definitions'],
  severity: 'error',
  docs: {
    summary: 'Require dependsOn, links, volumesFrom and mountPoints to name containers and volumes that exist',
    concept: 'task-definition-task-service',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_dependson',
  },
  messages: {
    unknownContainer: '{field} names container "{name}", but this task definition has no container of that name ({choices}), so ECS rejects it. Use the name of one of its containers.',
    unknownVolume: 'mountPoints.sourceVolume names volume "{name}", but the task definition declares no such volume ({choices}), so ECS rejects it. Add it to volumes or fix the name.',
  },
  check(ctx) {
    for (const td of ctx.model.taskDefinitions) {
      // A name we cannot read (an intrinsic function) could be anything: stay silent.
      const containersKnown = td.containers.every((c) => c.name?.known);
      const volumesKnown = td.volumesKnown !== false && td.volumes.every((v) => v.name?.known);
      const containerChoices = td.containers.map((c) => (c.name?.known ? c.name.value : '')).join(', ') || 'none';
      const volumeChoices = td.volumes.map((v) => (v.name?.known ? v.name.value : '')).join(', ') || 'none declared';
      const checkContainer = (ref: Located<string> | undefined, field: string, name = ref?.known ? ref.value : undefined) => {
        if (!containersKnown || !ref?.known || name === undefined || containerNamed(td, name)) return;
        ctx.report({ at: ref, messageId: 'unknownContainer', data: { field, name, choices: containerChoices } });
      };
      for (const container of td.containers) {
        for (const dep of container.dependsOn) checkContainer(dep.containerName, 'dependsOn.containerName');
        for (const link of container.links) checkContainer(link, 'links', link.known ? link.value.split(':')[0] : undefined);
        for (const from of container.volumesFrom) checkContainer(from.sourceContainer, 'volumesFrom.sourceContainer');
        if (!volumesKnown) continue;
        for (const mount of container.raw.objects('mountPoints')) {
          const source = mount.str('sourceVolume');
          if (source?.known && !hasVolume(td, source.value)) ctx.report({ at: source, messageId: 'unknownVolume', data: { name: source.value, choices: volumeChoices } });
        }
      }
    }
  },
});

function hasVolume(td: TaskDefinition, name: string): boolean {
  return td.volumes.some((v) => v.name?.known && v.name.value === name);
}
