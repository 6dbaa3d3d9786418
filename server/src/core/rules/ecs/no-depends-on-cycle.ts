import { containerNamed, type ContainerDefinition, type TaskDefinition } from '../../model/ecs';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'ecs/no-depends-on-cycle',
  kinds: ['ecs-task-definition', 'cloudformation', 'terraform', 'ecs-container-definitions'],
  severity: 'error',
  docs: {
    summary: 'Disallow container dependencies (dependsOn) that form a cycle',
    concept: 'essential-containers',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDependency.html',
  },
  messages: {
    cycle: 'Container dependencies form a cycle ({path}): no container in it can start first, so the task can never start. Remove one of these dependsOn entries.',
  },
  check(ctx) {
    for (const td of ctx.model.taskDefinitions) {
      const reported = new Set<ContainerDefinition>();
      for (const start of td.containers) {
        const path = findCycle(td, start, [start]);
        if (!path || path.some((c) => reported.has(c))) continue;
        path.forEach((c) => reported.add(c));
        // Point at the edge that closes the cycle: the last container's dependsOn entry naming the first.
        const last = path[path.length - 1]!;
        const first = path[0]!;
        const edge = last.dependsOn.find((d) => d.containerName?.known && d.containerName.value === nameOf(first));
        const label = [...path, first].map(nameOf).join(' → ');
        if (edge?.containerName) ctx.report({ at: edge.containerName, messageId: 'cycle', data: { path: label } });
      }
    }
  },
});

function nameOf(c: ContainerDefinition): string {
  return c.name?.known ? c.name.value : '?';
}

/** Depth-first: a path from start back to start, or undefined. */
function findCycle(td: TaskDefinition, start: ContainerDefinition, path: ContainerDefinition[]): ContainerDefinition[] | undefined {
  const current = path[path.length - 1]!;
  for (const dep of current.dependsOn) {
    if (!dep.containerName?.known) continue;
    const next = containerNamed(td, dep.containerName.value);
    if (!next) continue;
    if (next === start) return path;
    if (path.includes(next)) continue;
    const found = findCycle(td, start, [...path, next]);
    if (found) return found;
  }
  return undefined;
}
