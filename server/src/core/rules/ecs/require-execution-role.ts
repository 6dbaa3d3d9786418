import { PRIVATE_ECR_REGISTRY } from '../../facts/ecs';
import { isFargateTask } from '../../model/ecs';
import type { Target } from '../types';
import { defineRule } from '../defineRule';
import { parseImageReference } from '../shared/imageReference';

export default defineRule({
  id: 'ecs/require-execution-role',
  kinds: ['ecs-task-definition', 'cloudformation'],
  severity: 'error',
  severities: ['error', 'warning'],
  docs: {
    summary: 'Require executionRoleArn when ECS must fetch secrets, send awslogs or pull from private ECR on Fargate',
    concept: 'task-role-vs-execution-role',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html',
  },
  messages: {
    secrets: 'Container secrets are fetched by ECS with the task execution role, and RegisterTaskDefinition rejects secrets without an executionRoleArn. Add executionRoleArn (a role with secretsmanager:GetSecretValue / ssm:GetParameters for these secrets).',
    awslogs: 'On Fargate the awslogs driver writes with the task execution role, and RegisterTaskDefinition rejects awslogs without an executionRoleArn. Add executionRoleArn (a role with logs:CreateLogStream and logs:PutLogEvents, e.g. AmazonECSTaskExecutionRolePolicy).',
    privateEcr:
      'On Fargate, images from private ECR are pulled with the task execution role; without executionRoleArn the task fails to start (CannotPullContainerError). Add executionRoleArn (a role with AmazonECSTaskExecutionRolePolicy).',
  },
  check(ctx) {
    for (const td of ctx.model.taskDefinitions) {
      if (td.executionRoleArn) continue;
      const fargate = isFargateTask(td);
      let reason: { at: Target; messageId: 'secrets' | 'awslogs' | 'privateEcr' } | undefined;
      for (const c of td.containers) {
        const secretsPair = c.raw.pair('secrets');
        if (secretsPair && c.secrets.length > 0) reason ??= { at: secretsPair, messageId: 'secrets' };
        if (fargate && c.logDriver?.known && c.logDriver.value === 'awslogs') reason ??= { at: c.logDriver, messageId: 'awslogs' };
      }
      for (const c of td.containers) {
        const registry = c.image?.known ? parseImageReference(c.image.value)?.registry : undefined;
        if (fargate && registry && PRIVATE_ECR_REGISTRY.test(registry)) reason ??= { at: c.image!, messageId: 'privateEcr' };
      }
      // A failed pull happens at run time, not at registration: a warning, not an error.
      if (reason) ctx.report({ ...reason, severity: reason.messageId === 'privateEcr' ? 'warning' : undefined });
    }
  },
});
