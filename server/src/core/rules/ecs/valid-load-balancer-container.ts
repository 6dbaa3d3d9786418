import { containerNamed } from '../../model/ecs';
import { taskDefinitionOfService } from '../../workspace/ecsLinks';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'ecs/valid-load-balancer-container',
  kinds: ['ecs-service', 'cloudformation', 'terraform'],
  severity: 'error',
  docs: {
    summary: 'Require loadBalancers to name a container and container port of the task definition',
    concept: 'elb-types-and-listeners',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LoadBalancer.html',
  },
  messages: {
    unknownContainer: 'The task definition has no container named "{name}" (it has {choices}), so ECS cannot register any task with this load balancer and rejects the service. Use one of those names.',
    unknownPort: 'Container {name} maps no containerPort {port} (it maps {ports}), so ECS rejects this load balancer entry. Use one of its container ports, or add a port mapping.',
  },
  check(ctx) {
    for (const service of ctx.model.services) {
      const linked = taskDefinitionOfService(service, ctx.model, ctx.workspace);
      // Containers Berth cannot read (a file not in the workspace, a Terraform expression) could have any name.
      if (!linked || linked.item.containersKnown === false || !linked.item.containers.every((c) => c.name?.known)) continue;
      const td = linked.item;
      for (const entry of service.loadBalancers) {
        const name = entry.containerName;
        if (!name?.known) continue;
        const container = containerNamed(td, name.value);
        if (!container) {
          const choices = td.containers.map((c) => (c.name?.known ? c.name.value : '')).join(', ');
          ctx.report({ at: name, messageId: 'unknownContainer', data: { name: name.value, choices }, related: [{ at: td.containersPair ?? td.raw.node, uri: linked.uri, message: 'The containers of the task definition' }] });
          continue;
        }
        const port = entry.containerPort;
        if (!port?.known || !container.portMappings.every((m) => !m.containerPort || m.containerPort.known)) continue;
        const ports = container.portMappings.flatMap((m) => (m.containerPort?.known ? [m.containerPort.value] : []));
        if (!ports.includes(port.value)) {
          ctx.report({
            at: port,
            messageId: 'unknownPort',
            data: { name: name.value, port: port.value, ports: ports.length ? ports.join(', ') : 'no ports' },
            related: [{ at: container.name!.node, uri: linked.uri, message: `Container ${name.value}` }],
          });
        }
      }
    }
  },
});
