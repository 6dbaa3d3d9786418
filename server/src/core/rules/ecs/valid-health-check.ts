import { HEALTH_CHECK_BOUNDS, HEALTH_CHECK_COMMAND_PREFIXES } from '../../facts/ecs';
import { containerLabel } from '../../model/ecs';
import { locString } from '../../model/located';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'ecs/valid-health-check',
  kinds: ['ecs-task-definition', 'cloudformation', 'terraform', 'ecs-container-definitions'],
  severity: 'error',
  severities: ['error', 'warning'],
  docs: {
    summary: 'Require container health check settings within the bounds ECS accepts',
    concept: 'container-health-checks',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html',
  },
  messages: {
    outOfBounds: 'healthCheck.{field} must be between {min} and {max}; ECS rejects {value}. Choose a value in that range.',
    timeoutNotBelowInterval:
      'healthCheck.timeout ({timeout} s) is not shorter than the interval ({interval} s), so a slow check overlaps the next one. Make the timeout shorter than the interval.',
    badCommand:
      'The health check command of container {container} starts with "{first}"; ECS needs "CMD" (run the arguments directly) or "CMD-SHELL" (run them with the shell) as the first item, e.g. ["CMD-SHELL", "curl -f http://localhost/ || exit 1"].',
  },
  check(ctx) {
    for (const td of ctx.model.taskDefinitions) {
      for (const container of td.containers) {
        const hc = container.healthCheck;
        if (!hc) continue;
        for (const [field, { min, max }] of Object.entries(HEALTH_CHECK_BOUNDS)) {
          const v = hc.num(field);
          if (v?.known && (v.value < min || v.value > max)) ctx.report({ at: v, messageId: 'outOfBounds', data: { field, min, max, value: v.value } });
        }
        const timeout = hc.num('timeout');
        const interval = hc.num('interval');
        const t = timeout?.known ? timeout.value : undefined;
        const i = interval?.known ? interval.value : undefined;
        if (timeout && t !== undefined && i !== undefined && t >= i) {
          ctx.report({ at: timeout, messageId: 'timeoutNotBelowInterval', data: { timeout: t, interval: i }, severity: 'warning' });
        }
        const first = hc.items('command')[0];
        const command = first ? locString(first) : undefined;
        if (command?.known && !HEALTH_CHECK_COMMAND_PREFIXES.includes(command.value)) {
          ctx.report({ at: command, messageId: 'badCommand', data: { container: containerLabel(td, container), first: command.value } });
        }
      }
    }
  },
});
