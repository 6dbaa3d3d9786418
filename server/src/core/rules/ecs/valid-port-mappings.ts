import { PORT_MAX, PORT_MIN, RESERVED_HOST_PORTS } from '../../facts/ecs';
import { containerLabel, effectiveNetworkMode, type PortMapping } from '../../model/ecs';
import type { Located } from '../../model/located';
import { defineRule } from '../defineRule';
import { tasksWithExpress } from '../../model/document';

export default defineRule({
  id: 'ecs/valid-port-mappings',
  kinds: ['ecs-task-definition', 'ecs-express-service', 'cloudformation', 'terraform', 'ecs-container-definitions'],
  severity: 'error',
  severities: ['error', 'warning'],
  owns: [
    { kind: 'ecs-task-definition', path: 'containerDefinitions.*.portMappings.*.containerPort' },
    { kind: 'ecs-task-definition', path: 'containerDefinitions.*.portMappings.*.hostPort' },
    { resourceType: 'AWS::ECS::TaskDefinition', path: 'ContainerDefinitions.*.PortMappings.*.ContainerPort' },
    { resourceType: 'AWS::ECS::TaskDefinition', path: 'ContainerDefinitions.*.PortMappings.*.HostPort' },
    { kind: 'ecs-express-service', path: 'primaryContainer.containerPort' },
    { resourceType: 'AWS::ECS::ExpressGatewayService', path: 'PrimaryContainer.ContainerPort' },
  ],
  docs: {
    summary: 'Require port mappings that ECS accepts for the network mode',
    concept: 'network-modes',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html',
  },
  messages: {
    portOutOfRange: 'Port {port} is not a port number: ports are integers from 0 to 65535. Fix the value.',
    duplicateMapping: 'Container {container} maps containerPort {port}/{protocol} twice, and ECS rejects duplicate port mappings. Remove one of them.',
    duplicateHostPort:
      'In {mode} network mode the containers share one network namespace, so port {port}/{protocol} of container {container} clashes with the same port of container {other}. Give each container its own port.',
    portRangeMode: 'containerPortRange works only in awsvpc and bridge network modes; ECS rejects it in {mode} mode. Use containerPort, or change the network mode.',
    noneWithPorts: 'networkMode none gives the containers no external network, so ECS rejects port mappings. Remove portMappings, or choose another network mode.',
    reservedHostPort:
      'Host port {port} is reserved on container instances (SSH, Docker or the ECS agent), so ECS cannot place a task that binds it. Use another host port, or omit hostPort for a dynamic one.',
  },
  check(ctx) {
    for (const td of tasksWithExpress(ctx.model)) {
      const mode = effectiveNetworkMode(td);
      const shared = new Map<string, string>(); // "port/protocol" → container, for awsvpc/host
      for (const container of td.containers) {
        const name = containerLabel(td, container);
        if (mode === 'none' && container.portMappings.length > 0) {
          const at = container.raw.pair('portMappings');
          if (at) ctx.report({ at, messageId: 'noneWithPorts' });
          continue;
        }
        const seen = new Set<string>();
        for (const mapping of container.portMappings) {
          for (const port of [mapping.containerPort, mapping.hostPort]) {
            if (port?.known && !isPort(port.value)) ctx.report({ at: port, messageId: 'portOutOfRange', data: { port: port.value } });
          }
          if (mapping.containerPortRange && mode !== undefined && mode !== 'awsvpc' && mode !== 'bridge') {
            ctx.report({ at: mapping.containerPortRange, messageId: 'portRangeMode', data: { mode } });
          }
          const protocol = protocolOf(mapping);
          const port = mapping.containerPort;
          if (!port?.known || protocol === undefined) continue;
          const key = `${port.value}/${protocol}`;
          if (seen.has(key)) ctx.report({ at: port, messageId: 'duplicateMapping', data: { container: name, port: port.value, protocol } });
          seen.add(key);
          const host: Located<number> | undefined = mapping.hostPort ?? port;
          if ((mode === 'awsvpc' || mode === 'host') && host.known) {
            const hostKey = `${host.value}/${protocol}`;
            const other = shared.get(hostKey);
            if (other !== undefined && other !== name) ctx.report({ at: host, messageId: 'duplicateHostPort', data: { mode, port: host.value, protocol, container: name, other } });
            else shared.set(hostKey, name);
          }
          if ((mode === 'bridge' || mode === 'host') && host.known && RESERVED_HOST_PORTS.includes(host.value) && (mode === 'host' || mapping.hostPort)) {
            ctx.report({ at: host, messageId: 'reservedHostPort', data: { port: host.value }, severity: 'warning' });
          }
        }
      }
    }
  },
});

function isPort(value: number): boolean {
  return Number.isInteger(value) && value >= PORT_MIN && value <= PORT_MAX;
}

/** tcp when omitted; undefined when unknown. */
function protocolOf(mapping: PortMapping): string | undefined {
  if (!mapping.protocol) return 'tcp';
  return mapping.protocol.known ? mapping.protocol.value.toLowerCase() : undefined;
}
