import { effectiveInstruction } from '../../model/dockerfile';
import { linkedTargets } from '../../workspace/dockerfileLinks';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'dockerfile/no-ignored-healthcheck',
  kinds: ['dockerfile'],
  severity: 'info',
  docs: {
    summary: 'Disallow a Dockerfile HEALTHCHECK that the service running the image ignores',
    concept: 'container-health-checks',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html',
  },
  messages: {
    ignoredByEcs:
      'ECS ignores the Dockerfile\'s HEALTHCHECK: only the task definition\'s healthCheck runs, and container {container} has none, so ECS never sees this container as unhealthy. Copy the check into the container\'s healthCheck (command ["CMD-SHELL", "…"]).',
    ignoredByLambda: 'Lambda ignores HEALTHCHECK: function {function} runs this image without it. Remove it, or keep it only for local runs.',
  },
  check(ctx) {
    const model = ctx.model.dockerfile;
    if (!model) return;
    const healthcheck = effectiveInstruction(model, 'HEALTHCHECK');
    if (!healthcheck || healthcheck.getArguments()[0]?.getValue().toUpperCase() === 'NONE') return;
    const at = model.span(healthcheck.getInstructionRange());
    for (const link of linkedTargets(ctx.uri, ctx.workspace)) {
      if (link.kind === 'ecs') {
        if (link.hasHealthCheck) continue;
        const container = link.container.name?.known ? link.container.name.value : 'the container';
        ctx.report({ at, messageId: 'ignoredByEcs', data: { container }, related: [{ at: link.span, uri: link.uri, message: `Container ${container} has no healthCheck.` }] });
      } else {
        ctx.report({ at, messageId: 'ignoredByLambda', data: { function: link.logicalId }, related: [{ at: link.span, uri: link.uri, message: `Lambda function ${link.logicalId}.` }] });
      }
    }
  },
});
