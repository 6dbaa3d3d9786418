import { describeMemoryChoices, FARGATE_SIZES, FARGATE_WINDOWS_MIN_CPU, fargateSize, MIB_PER_GIB, nearestMemory, parseCpuUnits, parseMemoryMiB, vcpuOf } from '../../facts/fargate';
import { isWindowsTask } from '../../model/ecs';
import { tasksWithExpress } from '../../model/document';
import { replaceScalar } from '../../fix/edits';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'ecs/fargate-valid-cpu-memory',
  kinds: ['ecs-task-definition', 'ecs-express-service', 'cloudformation', 'terraform'],
  severity: 'error',
  owns: [
    { kind: 'ecs-task-definition', path: 'cpu' },
    { kind: 'ecs-task-definition', path: 'memory' },
    { resourceType: 'AWS::ECS::TaskDefinition', path: 'Cpu' },
    { resourceType: 'AWS::ECS::TaskDefinition', path: 'Memory' },
    { kind: 'ecs-express-service', path: 'cpu' },
    { kind: 'ecs-express-service', path: 'memory' },
    { resourceType: 'AWS::ECS::ExpressGatewayService', path: 'Cpu' },
    { resourceType: 'AWS::ECS::ExpressGatewayService', path: 'Memory' },
  ],
  docs: {
    summary: 'Require a CPU and memory combination that Fargate supports',
    concept: 'fargate-task-size',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size',
  },
  messages: {
    invalidCpu: 'Fargate does not offer {cpu} CPU units. {operation} rejects it; use one of {choices}.',
    invalidCombination:
      'Fargate does not offer {memory} MiB of memory with {vcpu} vCPU, so {operation} rejects this task definition. With {vcpu} vCPU, memory must be {choices}; the nearest is {nearest} MiB.',
    windowsMinCpu: 'Windows containers on Fargate need at least {minVcpu} vCPU ({min} units); {cpu} units is rejected. Raise cpu to {min} or more.',
    linuxOnlyCpu: 'Fargate offers {vcpu} vCPU ({cpu} units) to Linux tasks only, and this task runs {os}. Use one of {choices} for Windows.',
  },
  check(ctx) {
    for (const td of tasksWithExpress(ctx.model)) {
      const operation = td.operation ?? 'RegisterTaskDefinition';
      if (!td.requiresCompatibilities.some((c) => c.known && c.value === 'FARGATE')) continue;
      if (!td.cpu?.known || !td.memory?.known) continue;
      const cpu = parseCpuUnits(td.cpu.value);
      const memory = parseMemoryMiB(td.memory.value);
      if (cpu === undefined || memory === undefined) continue;
      const size = fargateSize(cpu);
      if (!size) {
        ctx.report({ at: td.cpu, messageId: 'invalidCpu', data: { cpu, operation, choices: FARGATE_SIZES.map((s) => s.cpu).join(', ') } });
        continue;
      }
      if (isWindowsTask(td) && cpu < FARGATE_WINDOWS_MIN_CPU) {
        ctx.report({ at: td.cpu, messageId: 'windowsMinCpu', data: { cpu, min: FARGATE_WINDOWS_MIN_CPU, minVcpu: vcpuOf(FARGATE_WINDOWS_MIN_CPU) } });
        continue;
      }
      if (isWindowsTask(td) && size.linuxOnly) {
        const windowsSizes = FARGATE_SIZES.filter((s) => !s.linuxOnly && s.cpu >= FARGATE_WINDOWS_MIN_CPU).map((s) => s.cpu);
        const os = td.operatingSystemFamily?.known ? td.operatingSystemFamily.value : 'Windows';
        ctx.report({ at: td.cpu, messageId: 'linuxOnlyCpu', data: { cpu, vcpu: vcpuOf(cpu), os, choices: windowsSizes.join(', ') } });
        continue;
      }
      if (size.memory.includes(memory)) continue;
      const nearest = nearestMemory(size, memory);
      const usesGb = /gb/i.test(td.memory.value);
      ctx.report({
        at: td.memory,
        messageId: 'invalidCombination',
        data: { memory, operation, vcpu: vcpuOf(cpu), choices: describeMemoryChoices(size), nearest },
        fix: {
          title: `Set memory to ${nearest} MiB`,
          edits: [replaceScalar(ctx.text, td.memory.node, usesGb ? `${nearest / MIB_PER_GIB} GB` : td.memory.node.kind === 'scalar' && typeof td.memory.node.value === 'number' ? nearest : String(nearest))],
        },
      });
    }
  },
});
