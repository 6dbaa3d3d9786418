import { replaceScalar } from '../../fix/edits';
import { containerLabel, effectiveNetworkMode } from '../../model/ecs';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'ecs/valid-host-port-for-network-mode',
  kinds: ['ecs-task-definition', 'cloudformation', 'terraform', 'ecs-container-definitions'],
  severity: 'error',
  docs: {
    summary: 'Require hostPort to be omitted or equal to containerPort in awsvpc and host network modes',
    concept: 'network-modes',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html',
  },
  messages: {
    hostPortMismatch:
      'In {mode} network mode the container port is the host port, so hostPort {hostPort} must be omitted or equal containerPort {containerPort}; RegisterTaskDefinition rejects this mapping of container {container}. Set hostPort to {containerPort} or remove it.',
  },
  check(ctx) {
    for (const td of ctx.model.taskDefinitions) {
      const mode = effectiveNetworkMode(td);
      if (mode !== 'awsvpc' && mode !== 'host') continue;
      for (const container of td.containers) {
        for (const { hostPort, containerPort } of container.portMappings) {
          if (!hostPort?.known || !containerPort?.known || hostPort.value === containerPort.value) continue;
          ctx.report({
            at: hostPort,
            messageId: 'hostPortMismatch',
            data: { mode, hostPort: hostPort.value, containerPort: containerPort.value, container: containerLabel(td, container) },
            fix: { title: `Set hostPort to ${containerPort.value}`, edits: [replaceScalar(ctx.text, hostPort.node, containerPort.value)] },
          });
        }
      }
    }
  },
});
