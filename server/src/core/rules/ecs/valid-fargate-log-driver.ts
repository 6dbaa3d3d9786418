import { FARGATE_LOG_DRIVERS } from '../../facts/ecs';
import { containerLabel, isFargateTask } from '../../model/ecs';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'ecs/valid-fargate-log-driver',
  kinds: ['ecs-task-definition', 'cloudformation', 'terraform', 'ecs-container-definitions'],
  severity: 'error',
  docs: {
    summary: 'Require a log driver that Fargate supports (awslogs, splunk or awsfirelens)',
    concept: 'awslogs',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-logging',
  },
  messages: {
    unsupportedDriver:
      'Fargate supports only the awslogs, splunk and awsfirelens log drivers, so RegisterTaskDefinition rejects logDriver "{driver}" for container {container}. Use awslogs (CloudWatch Logs), or awsfirelens to route logs elsewhere.',
  },
  check(ctx) {
    for (const td of ctx.model.taskDefinitions) {
      if (!isFargateTask(td)) continue;
      for (const container of td.containers) {
        const driver = container.logDriver;
        if (driver?.known && !FARGATE_LOG_DRIVERS.includes(driver.value)) {
          ctx.report({ at: driver, messageId: 'unsupportedDriver', data: { driver: driver.value, container: containerLabel(td, container) } });
        }
      }
    }
  },
});
