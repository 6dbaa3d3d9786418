import { PRIVATE_ECR_REGISTRY } from '../../facts/ecs';
import { isFargateTask } from '../../model/ecs';
import type { Target } from '../types';
import { defineRule } from '../defineRule';
import { tasksWithExpress } from '../../model/document';
import { parseImageReference } from '../shared/imageReference';

const REASONS = { secrets: 'The container secrets', awslogs: 'The awslogs log driver', privateEcr: 'The private ECR image' } as const;

export default defineRule({
  id: 'ecs/require-execution-role',
  kinds: ['ecs-task-definition', 'ecs-express-service', 'cloudformation', 'terraform'],
  severity: 'error',
  severities: ['error', 'warning'],
  docs: {
    summary: 'Require executionRoleArn when ECS must fetch secrets, send awslogs or pull from private ECR on Fargate',
    concept: 'task-role-vs-execution-role',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html',
  },
  messages: {
    secrets: 'Container secrets are fetched by ECS with the task execution role, and {operation} rejects secrets without an execution role. Add {key} (a role with secretsmanager:GetSecretValue / ssm:GetParameters for these secrets).',
    awslogs: 'On Fargate the awslogs driver writes with the task execution role, and {operation} rejects awslogs without an execution role. Add {key} (a role with logs:CreateLogStream and logs:PutLogEvents, e.g. AmazonECSTaskExecutionRolePolicy).',
    privateEcr:
      'On Fargate, images from private ECR are pulled with the task execution role; without {key} the task fails to start (CannotPullContainerError). Add {key} (a role with AmazonECSTaskExecutionRolePolicy).',
  },
  check(ctx) {
    for (const td of tasksWithExpress(ctx.model)) {
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
      if (!reason) continue;
      // The role is added to the task definition: when the reason is in another file (containers that Terraform reads
      // with file()), the finding is on the resource, pointing at the reason.
      const here = ctx.documentOf(reason.at) === ctx.documentOf(td.raw.node) || !td.resourcePair;
      ctx.report({
        at: here ? reason.at : td.resourcePair!,
        messageId: reason.messageId,
        data: { key: td.raw.key('executionRoleArn'), operation: td.operation ?? 'RegisterTaskDefinition' },
        // A failed pull happens at run time, not at registration: a warning, not an error.
        severity: reason.messageId === 'privateEcr' ? 'warning' : undefined,
        related: here ? [] : [{ at: reason.at, message: REASONS[reason.messageId] }],
      });
    }
  },
});
