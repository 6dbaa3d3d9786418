import { replaceScalar } from '../../fix/edits';
import { isFargateTask } from '../../model/ecs';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'ecs/require-awsvpc-for-fargate',
  kinds: ['ecs-task-definition', 'cloudformation', 'terraform'],
  severity: 'error',
  docs: {
    summary: 'Require networkMode awsvpc for task definitions compatible with Fargate',
    concept: 'network-modes',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-networkmode',
  },
  messages: {
    wrongMode: 'Fargate tasks run only in awsvpc network mode, so RegisterTaskDefinition rejects {key} "{mode}" with FARGATE compatibility. Set {key} to awsvpc.',
    missingMode:
      'This task definition requires FARGATE compatibility but has no {key}, which means bridge; Fargate supports only awsvpc, so RegisterTaskDefinition rejects it. Add {example}.',
  },
  check(ctx) {
    for (const td of ctx.model.taskDefinitions) {
      if (!isFargateTask(td)) continue;
      const mode = td.networkMode;
      if (!mode) {
        const at = td.raw.pair('requiresCompatibilities');
        if (at) ctx.report({ at, messageId: 'missingMode', data: { key: td.raw.key('networkMode'), example: td.raw.assignment('networkMode', 'awsvpc') } });
      } else if (mode.known && mode.value !== 'awsvpc') {
        const key = mode.pair?.key ?? td.raw.key('networkMode');
        ctx.report({ at: mode, messageId: 'wrongMode', data: { mode: mode.value, key }, fix: { title: `Set ${key} to awsvpc`, edits: [replaceScalar(ctx.text, mode.node, 'awsvpc')] } });
      }
    }
  },
});
