import { formatOfText, removePair } from '../../fix/edits';
import { containerLabel, effectiveNetworkMode, type LoadBalancerEntry, type Service } from '../../model/ecs';
import { servicesOfTaskDefinition } from '../../workspace/ecsLinks';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'ecs/no-static-host-port-behind-load-balancer',
  kinds: ['ecs-task-definition', 'cloudformation', 'terraform', 'ecs-container-definitions'],
  severity: 'warning',
  docs: {
    summary: 'Disallow a fixed hostPort in bridge mode, above all behind a load balancer',
    concept: 'dynamic-port-mapping',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html',
  },
  messages: {
    behindLoadBalancer:
      'Container {container} publishes port {containerPort} on the fixed host port {hostPort} in bridge mode, and service {service} puts it behind a load balancer. Only one such task fits on each instance, so scaling is capped and rolling deployments stall waiting for a free instance. Remove hostPort (or set it to 0) for dynamic port mapping; the target group learns the port ECS picks.',
    staticHostPort:
      'Container {container} publishes port {containerPort} on the fixed host port {hostPort} in bridge mode, so each instance can run only one task that uses this port. Remove hostPort (or set it to 0) for dynamic port mapping unless clients must reach this exact port on the instance.',
  },
  check(ctx) {
    for (const td of ctx.model.taskDefinitions) {
      if (effectiveNetworkMode(td) !== 'bridge') continue;
      const services = servicesOfTaskDefinition(td, ctx.model, ctx.workspace);
      for (const container of td.containers) {
        for (const mapping of container.portMappings) {
          const { hostPort, containerPort } = mapping;
          if (!hostPort?.known || hostPort.value === 0 || !hostPort.pair) continue;
          const port = containerPort?.known ? containerPort.value : undefined;
          const target = services.flatMap(({ item, uri }) => matchingEntries(item, container.name?.known ? container.name.value : undefined, port).map((entry) => ({ item, uri, entry })))[0];
          const data = { container: containerLabel(td, container), containerPort: port ?? '?', hostPort: hostPort.value };
          const fix = {
            title: 'Remove hostPort (dynamic port mapping)',
            edits: [removePair(ctx.text, hostPort.pair, mapping.raw.node.pairs, formatOfText(ctx.text))],
          };
          if (target) {
            ctx.report({
              at: hostPort,
              messageId: 'behindLoadBalancer',
              data: { ...data, service: serviceLabel(target.item) },
              fix,
              related: [{ at: target.entry.raw.node, uri: target.uri, message: `The load balancer entry of service ${serviceLabel(target.item)} for this container port` }],
            });
          } else {
            ctx.report({ at: hostPort, messageId: 'staticHostPort', data, fix });
          }
        }
      }
    }
  },
});

function matchingEntries(service: Service, container: string | undefined, port: number | undefined): LoadBalancerEntry[] {
  if (container === undefined || port === undefined) return [];
  return service.loadBalancers.filter((lb) => lb.containerName?.known && lb.containerName.value === container && lb.containerPort?.known && lb.containerPort.value === port);
}

function serviceLabel(service: Service): string {
  if (service.serviceName?.known) return service.serviceName.value;
  return service.logicalId ?? 'in the workspace';
}
