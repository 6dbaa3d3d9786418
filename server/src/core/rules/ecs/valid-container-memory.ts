import { parseMemoryMiB } from '../../facts/fargate';
import { containerLabel, isFargateTask, type ContainerDefinition } from '../../model/ecs';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'ecs/valid-container-memory',
  kinds: ['ecs-task-definition', 'cloudformation', 'terraform', 'ecs-container-definitions'],
  severity: 'error',
  severities: ['error', 'warning'],
  docs: {
    summary: 'Require container memory settings that fit the task and each other',
    concept: 'task-definition-task-service',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-memory',
  },
  messages: {
    missingMemory:
      'Container {container} has neither memory nor memoryReservation, and the task has no task-level memory; RegisterTaskDefinition rejects this ("At least one of \'memory\' or \'memoryReservation\' must be specified"). Set memoryReservation (a soft limit) or memory, or a task-level memory.',
    reservationAboveLimit:
      'Container {container} reserves {reservation} MiB but its hard limit is {memory} MiB; the reservation must not exceed memory, so RegisterTaskDefinition rejects it. Lower memoryReservation or raise memory.',
    containerAboveTask:
      'Container {container} has a hard limit of {memory} MiB, more than the task\'s {taskMemory} MiB; RegisterTaskDefinition rejects a container memory above the task memory. Lower it or raise the task memory.',
    reservationsAboveTask:
      'The containers reserve {total} MiB in all (memoryReservation), more than the task\'s {taskMemory} MiB; RegisterTaskDefinition rejects this. Lower the reservations or raise the task memory.',
    hardLimitsAboveTask:
      'The containers\' hard limits add up to {total} MiB, more than the task\'s {taskMemory} MiB. ECS accepts this, but the task as a whole is capped at {taskMemory} MiB, so the containers cannot all reach their limits and may be killed for lack of memory. Lower the limits or raise the task memory.',
  },
  check(ctx) {
    for (const td of ctx.model.taskDefinitions) {
      const taskMemory = td.memory?.known ? parseMemoryMiB(td.memory.value) : undefined;
      const known = (c: ContainerDefinition, key: 'memory' | 'memoryReservation') => (c[key]?.known ? (c[key] as { value: number }).value : undefined);
      for (const container of td.containers) {
        const name = containerLabel(td, container);
        const memory = known(container, 'memory');
        const reservation = known(container, 'memoryReservation');
        if (!td.memory && !isFargateTask(td) && !container.memory && !container.memoryReservation) {
          ctx.report({ at: container.raw.pair('name') ?? container.raw.node, messageId: 'missingMemory', data: { container: name } });
        }
        if (memory !== undefined && reservation !== undefined && reservation > memory) {
          ctx.report({ at: container.memoryReservation!, messageId: 'reservationAboveLimit', data: { container: name, reservation, memory } });
        }
        if (memory !== undefined && taskMemory !== undefined && memory > taskMemory) {
          ctx.report({ at: container.memory!, messageId: 'containerAboveTask', data: { container: name, memory, taskMemory } });
        }
      }
      if (taskMemory === undefined || !td.containersPair) continue;
      const sum = (key: 'memory' | 'memoryReservation') => td.containers.reduce((total, c) => total + (known(c, key) ?? 0), 0);
      const reservations = sum('memoryReservation');
      const limits = sum('memory');
      if (reservations > taskMemory) {
        ctx.report({ at: td.containersPair, messageId: 'reservationsAboveTask', data: { total: reservations, taskMemory } });
      } else if (limits > taskMemory && td.containers.every((c) => (known(c, 'memory') ?? 0) <= taskMemory)) {
        ctx.report({ at: td.containersPair, messageId: 'hardLimitsAboveTask', data: { total: limits, taskMemory }, severity: 'warning' });
      }
    }
  },
});
