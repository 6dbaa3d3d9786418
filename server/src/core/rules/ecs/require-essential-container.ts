import { replaceScalar } from '../../fix/edits';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'ecs/require-essential-container',
  kinds: ['ecs-task-definition', 'cloudformation', 'terraform', 'ecs-container-definitions'],
  severity: 'error',
  docs: {
    summary: 'Require at least one essential container',
    concept: 'essential-containers',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_environment',
  },
  messages: {
    noEssential:
      'Every container here sets essential to false, and ECS rejects a task definition with no essential container. Mark the main container essential (omitting essential means true).',
  },
  check(ctx) {
    for (const td of ctx.model.taskDefinitions) {
      if (td.containers.length === 0) continue;
      // essential defaults to true; only an explicit, known false counts against.
      if (!td.containers.every((c) => c.essential?.known && c.essential.value === false)) continue;
      const first = td.containers[0]!;
      // On the list, where it is written with its containers; else (a JSON file that Terraform reads with file()) on
      // the first container's essential, in the file to edit.
      const inline = td.containersPair && ctx.documentOf(td.containersPair) === ctx.documentOf(first.raw.node);
      ctx.report({
        at: inline ? td.containersPair! : first.essential!,
        messageId: 'noEssential',
        fix: first.essential && ctx.editable(first.essential)
          ? { title: `Make container ${first.name?.known ? first.name.value : '1'} essential`, edits: [replaceScalar(ctx.text, first.essential.node, true)] }
          : undefined,
      });
    }
  },
});
