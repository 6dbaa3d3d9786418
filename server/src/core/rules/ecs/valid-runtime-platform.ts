import { isFargateTask, isWindowsTask } from '../../model/ecs';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'ecs/valid-runtime-platform',
  kinds: ['ecs-task-definition', 'cloudformation', 'terraform'],
  severity: 'error',
  docs: {
    summary: 'Disallow Windows on ARM64 in Fargate task definitions',
    concept: 'cpu-architecture',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-task-os',
  },
  messages: {
    windowsArm: 'Fargate runs Windows containers only on X86_64, so RegisterTaskDefinition rejects {osKey} {os} with {archKey} ARM64. Use X86_64 for Windows, or a Linux image for ARM64.',
  },
  check(ctx) {
    for (const td of ctx.model.taskDefinitions) {
      if (!isFargateTask(td) || !isWindowsTask(td)) continue;
      const arch = td.cpuArchitecture;
      if (arch?.known && arch.value.toUpperCase() === 'ARM64' && td.operatingSystemFamily?.known) {
        const osKey = td.operatingSystemFamily.pair?.key ?? 'operatingSystemFamily';
        ctx.report({ at: arch, messageId: 'windowsArm', data: { os: td.operatingSystemFamily.value, osKey, archKey: arch.pair?.key ?? 'cpuArchitecture' } });
      }
    }
  },
});
