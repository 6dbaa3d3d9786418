import type { Node } from '../../parse/tree';
import { defineRule } from '../defineRule';
import { tasksWithExpress } from '../../model/document';

export default defineRule({
  id: 'ecs/prefer-separate-task-and-execution-roles',
  kinds: ['ecs-task-definition', 'ecs-express-service', 'cloudformation', 'terraform'],
  severity: 'info',
  docs: {
    summary: 'Prefer different roles for taskRoleArn and executionRoleArn',
    concept: 'task-role-vs-execution-role',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html',
  },
  messages: {
    sameRole:
      '{task} and {execution} are the same role. The execution role is for ECS (pull images, write logs, read secrets); the task role is for your code. Sharing one gives your code ECS\'s permissions, such as reading every secret of the task. Use a separate task role with only what the application needs.',
  },
  check(ctx) {
    for (const td of tasksWithExpress(ctx.model)) {
      const task = td.taskRoleArn;
      const exec = td.executionRoleArn;
      if (!task || !exec) continue;
      // Known ARNs compare by value; the same expression (!GetAtt Role.Arn, aws_iam_role.x.arn twice) gives the same value too.
      const same = task.known && exec.known ? task.value === exec.value : !task.known && !exec.known && JSON.stringify(written(task.node)) === JSON.stringify(written(exec.node));
      if (same) ctx.report({ at: task, messageId: 'sameRole', data: { task: task.pair?.key ?? 'taskRoleArn', execution: exec.pair?.key ?? 'executionRoleArn' } });
    }
  },
});

/** What an unknown value is written as, without its place: the same expression twice gives the same value. */
function written(node: Node): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'array':
      return node.items.map(written);
    case 'object':
      return node.pairs.map((p) => [p.key, written(p.value)]);
    case 'intrinsic':
      return { [node.name]: written(node.argument) };
    case 'expression':
      // A `for` or other expression keeps no parts to compare: never the same as another.
      if (node.form === 'for' || node.form === 'other') return { at: node.span };
      return { form: node.form, traversal: node.traversal, name: node.name, args: node.args.map(written) };
  }
}
