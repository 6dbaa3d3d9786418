import { replaceScalar } from '../../fix/edits';
import { containerNamed, effectiveNetworkMode } from '../../model/ecs';
import { targetGroupOf, taskDefinitionOfService } from '../../workspace/ecsLinks';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'ecs/require-traffic-port-health-check',
  kinds: ['cloudformation', 'terraform'],
  severity: 'warning',
  docs: {
    summary: 'Require the target group health check on traffic-port for dynamically mapped host ports',
    concept: 'dynamic-port-mapping',
    reference: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html',
  },
  messages: {
    fixedHealthCheckPort:
      'Container {container} gets a dynamic host port, but target group {targetGroup} checks health on the fixed port {port}, where nothing listens; every target is marked unhealthy and the tasks are replaced again and again. Set {key} to traffic-port (the default).',
  },
  check(ctx) {
    for (const service of ctx.model.services) {
      const linked = taskDefinitionOfService(service, ctx.model, ctx.workspace);
      if (!linked || effectiveNetworkMode(linked.item) !== 'bridge') continue;
      for (const entry of service.loadBalancers) {
        const tg = targetGroupOf(entry, ctx.model);
        const port = tg?.healthCheckPort;
        if (!tg || !port?.known || port.value === 'traffic-port' || !entry.containerName?.known || !entry.containerPort?.known) continue;
        const containerPort = entry.containerPort.value;
        const container = containerNamed(linked.item, entry.containerName.value);
        const mapping = container?.portMappings.find((m) => m.containerPort?.known && m.containerPort.value === containerPort);
        if (!mapping) continue;
        const dynamic = !mapping.hostPort || (mapping.hostPort.known && mapping.hostPort.value === 0);
        if (!dynamic) continue;
        ctx.report({
          at: port,
          messageId: 'fixedHealthCheckPort',
          data: { container: entry.containerName.value, targetGroup: tg.logicalId, port: port.value, key: port.pair?.key ?? 'HealthCheckPort' },
          fix: { title: `Set ${port.pair?.key ?? 'HealthCheckPort'} to traffic-port`, edits: [replaceScalar(ctx.text, port.node, 'traffic-port')] },
        });
      }
    }
  },
});
