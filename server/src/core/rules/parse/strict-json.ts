import { defineRule } from '../defineRule';

export default defineRule({
  id: 'parse/strict-json',
  kinds: ['ecs-task-definition', 'ecs-service', 'batch-job-definition', 'lambda-function', 'cloudformation'],
  unconditional: true,
  severity: 'error',
  docs: { summary: 'Disallow comments and trailing commas in JSON', concept: 'json-config-files' },
  messages: {
    comment: 'Comments are not allowed in JSON: the AWS CLI and CloudFormation reject this file. Remove the comment.',
    trailingComma: 'Trailing comma: the AWS CLI and CloudFormation reject it. Remove the comma.',
  },
  check(ctx) {
    for (const problem of ctx.parseProblems) {
      if (problem.code === 'json-comment') ctx.report({ at: problem.span, messageId: 'comment', fix: removal('Remove the comment', problem.span) });
      if (problem.code === 'json-trailing-comma') ctx.report({ at: problem.span, messageId: 'trailingComma', fix: removal('Remove the trailing comma', problem.span) });
    }
  },
});

function removal(title: string, span: { start: number; end: number }) {
  return { title, edits: [{ span, newText: '' }] };
}
