import { replaceScalar } from '../../fix/edits';
import { effectiveNetworkMode, networkModeAnchor } from '../../model/ecs';
import { targetGroupOf, taskDefinitionOfService } from '../../workspace/ecsLinks';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'ecs/valid-target-type',
  kinds: ['cloudformation', 'terraform'],
  severity: 'error',
  docs: {
    summary: 'Require the target group\'s TargetType to match the task\'s network mode (ip for awsvpc, instance for bridge and host)',
    concept: 'target-types',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/alb.html',
  },
  messages: {
    wrongTargetType:
      'Target group {targetGroup} has {key} {actual}, but service tasks in {mode} network mode register as {expected} targets, so ECS cannot register them and the service fails. Set {key} to {expected}.',
    defaultInstance:
      'Target group {targetGroup} has no {key}, which means instance; tasks in awsvpc network mode register by IP address, so ECS cannot register them and the service fails. Set {key} to ip on the target group.',
  },
  check(ctx) {
    for (const service of ctx.model.services) {
      const linked = taskDefinitionOfService(service, ctx.model, ctx.workspace);
      const mode = linked && effectiveNetworkMode(linked.item);
      if (mode !== 'awsvpc' && mode !== 'bridge' && mode !== 'host') continue;
      const expected = mode === 'awsvpc' ? 'ip' : 'instance';
      for (const entry of service.loadBalancers) {
        const tg = targetGroupOf(entry, ctx.model);
        if (!tg) continue;
        const related = [{ at: networkModeAnchor(linked!.item), uri: linked!.uri, message: `The task definition's network mode (${mode})` }];
        const targetGroup = tg.logicalId;
        const type = tg.targetType;
        const key = type?.pair?.key ?? tg.raw.key('targetType');
        if (!type) {
          if (expected === 'ip') ctx.report({ at: entry.raw.value('targetGroupArn')!, messageId: 'defaultInstance', data: { targetGroup, key }, related: [...related, { at: tg.anchor, message: `Target group ${targetGroup}` }] });
          continue;
        }
        if (!type.known || (type.value !== 'ip' && type.value !== 'instance') || type.value === expected) continue;
        ctx.report({
          at: type,
          messageId: 'wrongTargetType',
          data: { targetGroup, actual: type.value, mode, expected, key },
          fix: { title: `Set ${key} to ${expected}`, edits: [replaceScalar(ctx.text, type.node, expected)] },
          related,
        });
      }
    }
  },
});
