import { isFargateTask } from '../../model/ecs';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'ecs/require-fargate-task-size',
  kinds: ['ecs-task-definition', 'cloudformation', 'terraform'],
  severity: 'error',
  docs: {
    summary: 'Require task-level cpu and memory for task definitions compatible with Fargate',
    concept: 'fargate-task-size',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size',
  },
  messages: {
    missingSize:
      'Fargate sizes a task from its task-level cpu and memory, so RegisterTaskDefinition rejects a FARGATE task definition without {missing}. Add {missing} at the task level (for example {example}).',
  },
  check(ctx) {
    for (const td of ctx.model.taskDefinitions) {
      if (!isFargateTask(td)) continue;
      const missing = (['cpu', 'memory'] as const).filter((name) => !td[name]);
      const at = td.raw.pair('requiresCompatibilities');
      if (missing.length === 0 || !at) continue;
      const example = missing.map((name) => td.raw.assignment(name, name === 'cpu' ? '256' : '512')).join(', ');
      ctx.report({ at, messageId: 'missingSize', data: { missing: missing.map((name) => td.raw.key(name)).join(' and '), example } });
    }
  },
});
