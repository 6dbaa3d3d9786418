import { toPlain } from '../../parse/tree';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'ecs/prefer-separate-task-and-execution-roles',
  kinds: ['ecs-task-definition', 'cloudformation'],
  severity: 'info',
  docs: {
    summary: 'Prefer different roles for taskRoleArn and executionRoleArn',
    concept: 'task-role-vs-execution-role',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html',
  },
  messages: {
    sameRole:
      'taskRoleArn and executionRoleArn are the same role. The execution role is for ECS (pull images, write logs, read secrets); the task role is for your code. Sharing one gives your code ECS\'s permissions, such as reading every secret of the task. Use a separate task role with only what the application needs.',
  },
  check(ctx) {
    for (const td of ctx.model.taskDefinitions) {
      const task = td.taskRoleArn;
      const exec = td.executionRoleArn;
      if (!task || !exec) continue;
      // Known ARNs compare by value; the same intrinsic expression (e.g. !GetAtt Role.Arn twice) gives the same value too.
      const same = task.known && exec.known ? task.value === exec.value : !task.known && !exec.known && JSON.stringify(toPlain(task.node)) === JSON.stringify(toPlain(exec.node));
      if (same) ctx.report({ at: task, messageId: 'sameRole' });
    }
  },
});
