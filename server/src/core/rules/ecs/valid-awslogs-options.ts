import { AWSLOGS_FARGATE_REQUIRED_OPTIONS, AWSLOGS_REQUIRED_OPTIONS } from '../../facts/ecs';
import { containerLabel, isFargateTask } from '../../model/ecs';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'ecs/valid-awslogs-options',
  kinds: ['ecs-task-definition', 'cloudformation', 'terraform', 'ecs-container-definitions'],
  severity: 'error',
  severities: ['error', 'warning'],
  docs: {
    summary: 'Require awslogs-group and awslogs-region (and awslogs-stream-prefix on Fargate) with the awslogs driver',
    concept: 'awslogs',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html',
  },
  messages: {
    missingOption:
      'The awslogs driver of container {container} has no {option} option, which the driver requires; the container cannot start logging without it. Add "{option}" to logConfiguration.options.',
    missingStreamPrefix:
      'The ECS documentation lists awslogs-stream-prefix as required on Fargate (container {container}); with it, each log stream is named prefix/container/task-id, so you can find a task\'s logs. Add "awslogs-stream-prefix" to logConfiguration.options.',
  },
  check(ctx) {
    for (const td of ctx.model.taskDefinitions) {
      const fargate = isFargateTask(td);
      for (const container of td.containers) {
        const driver = container.logDriver;
        const log = container.logConfiguration;
        if (!driver?.known || driver.value !== 'awslogs' || !log) continue;
        const optionsPair = log.pair('options');
        // Options given by an intrinsic function (e.g. !If) cannot be read: stay silent.
        if (optionsPair && optionsPair.value.kind !== 'object') continue;
        const at = optionsPair ?? log.pair('logDriver')!;
        const name = containerLabel(td, container);
        for (const option of AWSLOGS_REQUIRED_OPTIONS) {
          if (!container.logOptions.has(option)) ctx.report({ at, messageId: 'missingOption', data: { container: name, option } });
        }
        for (const option of fargate ? AWSLOGS_FARGATE_REQUIRED_OPTIONS : []) {
          if (!container.logOptions.has(option)) ctx.report({ at, messageId: 'missingStreamPrefix', data: { container: name }, severity: 'warning' });
        }
      }
    }
  },
});
