import { BATCH_KINDS, isFargateJob, jobContainers } from '../../model/batch';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'batch/require-fargate-execution-role',
  kinds: BATCH_KINDS,
  severity: 'error',
  docs: {
    summary: 'Require an execution role for Batch jobs on Fargate',
    concept: 'task-role-vs-execution-role',
    reference: 'https://docs.aws.amazon.com/batch/latest/userguide/execution-IAM-role.html',
  },
  messages: {
    missing:
      'This Fargate job has no executionRoleArn, and AWS Batch requires one on Fargate: it is the role that pulls the image and writes logs. Add executionRoleArn (a role trusting ecs-tasks.amazonaws.com with AmazonECSTaskExecutionRolePolicy).',
  },
  check(ctx) {
    for (const job of ctx.model.jobDefinitions) {
      if (!isFargateJob(job)) continue;
      for (const container of jobContainers(job)) {
        if (!container.executionRoleArn) ctx.report({ at: container.pair, messageId: 'missing' });
      }
    }
  },
});
