import { instructionsOf } from '../../model/dockerfile';
import type { Span } from '../../parse/tree';
import { linkedTargets, type EcsLink } from '../../workspace/dockerfileLinks';
import { defineRule } from '../defineRule';

const MAX_RANGE = 1000;

function ports(text: string): number[] | undefined {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text.split('/')[0]!);
  if (!match) return undefined;
  const start = Number(match[1]);
  const end = match[2] ? Number(match[2]) : start;
  if (end < start || end - start > MAX_RANGE) return undefined;
  return Array.from({ length: end - start + 1 }, (_, i) => start + i);
}

export default defineRule({
  id: 'dockerfile/valid-expose-port-mapping',
  kinds: ['dockerfile'],
  severity: 'warning',
  docs: {
    summary: 'Require EXPOSEd ports to match the linked container\'s portMappings',
    concept: 'network-modes',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html',
  },
  messages: {
    exposedNotMapped:
      'The image EXPOSEs port {port}, but container {container} in the task definition maps no containerPort {port}. ECS ignores EXPOSE: traffic reaches only the ports in portMappings, so the app is unreachable on {port}. Add a portMapping for {port}, or fix the port in one of the files.',
    mappedNotExposed:
      'Container {container} maps containerPort {port}, which this Dockerfile does not EXPOSE. If the app listens on {port}, add it to EXPOSE so the image documents it; if not, the load balancer or service will find nothing there.',
  },
  check(ctx) {
    const model = ctx.model.dockerfile;
    if (!model) return;
    const links = linkedTargets(ctx.uri, ctx.workspace).filter((l): l is EcsLink => l.kind === 'ecs');
    if (links.length === 0) return;
    const exposed: { port: number; at: Span }[] = [];
    const exposes = model.finalChain.flatMap((s) => instructionsOf(s, 'EXPOSE'));
    for (const expose of exposes) {
      for (const arg of expose.getArguments()) {
        if (arg.getValue().includes('$')) return; // ports from variables: unknown
        for (const port of ports(arg.getValue()) ?? []) exposed.push({ port, at: model.span(arg.getRange()) });
      }
    }
    const lastExpose = exposes[exposes.length - 1];
    for (const link of links) {
      const mapped: { port: number; node: NonNullable<EcsLink['portMappings'][number]['containerPort']> }[] = [];
      let unknown = false;
      for (const mapping of link.portMappings) {
        const cp = mapping.containerPort;
        if (cp?.known) mapped.push({ port: cp.value, node: cp });
        else if (cp || mapping.containerPortRange) unknown = true;
      }
      if (unknown) continue;
      const container = link.container.name?.known ? link.container.name.value : 'the container';
      const related = { at: link.span, uri: link.uri, message: `Container ${container} and its portMappings.` };
      const reported = new Set<number>();
      for (const e of exposed) {
        if (mapped.some((m) => m.port === e.port) || reported.has(e.port)) continue;
        reported.add(e.port);
        ctx.report({ at: e.at, messageId: 'exposedNotMapped', data: { port: e.port, container }, related: [related] });
      }
      if (!lastExpose) continue;
      for (const m of mapped) {
        if (exposed.some((e) => e.port === m.port)) continue;
        ctx.report({
          at: model.span(lastExpose.getInstructionRange()),
          messageId: 'mappedNotExposed',
          data: { port: m.port, container },
          related: [{ at: m.node, uri: link.uri, message: `containerPort ${m.port} of container ${container}.` }],
        });
      }
    }
  },
});
