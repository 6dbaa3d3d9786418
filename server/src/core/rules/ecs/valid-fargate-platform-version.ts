import { FARGATE_LARGE_TASK_MIN_CPU, parseCpuUnits, vcpuOf } from '../../facts/fargate';
import { comparePlatformVersions, FARGATE_MIN_PLATFORM_FOR_LARGE_TASKS } from '../../facts/ecs';
import { isWindowsTask } from '../../model/ecs';
import { taskDefinitionOfService } from '../../workspace/ecsLinks';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'ecs/valid-fargate-platform-version',
  kinds: ['ecs-service', 'cloudformation', 'terraform'],
  severity: 'error',
  docs: {
    summary: 'Require Fargate platform version 1.4.0 or later for 8, 16 and 32 vCPU tasks and for ephemeral storage',
    concept: 'fargate-platform-versions',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-linux-fargate.html',
  },
  messages: {
    tooOld:
      'Platform version {version} predates Fargate {min}, which is the first to support {feature} used by this service\'s task definition; the service cannot run it. Set {key} to LATEST or {min} or later.',
  },
  check(ctx) {
    for (const service of ctx.model.services) {
      const version = service.platformVersion;
      if (!version?.known) continue;
      const cmp = comparePlatformVersions(version.value, FARGATE_MIN_PLATFORM_FOR_LARGE_TASKS);
      if (cmp === undefined || cmp >= 0) continue;
      const linked = taskDefinitionOfService(service, ctx.model, ctx.workspace);
      if (!linked || isWindowsTask(linked.item)) continue;
      const td = linked.item;
      const cpu = td.cpu?.known ? parseCpuUnits(td.cpu.value) : undefined;
      const features = [cpu !== undefined && cpu >= FARGATE_LARGE_TASK_MIN_CPU ? `${vcpuOf(cpu)} vCPU` : undefined, td.raw.has('ephemeralStorage') ? td.raw.key('ephemeralStorage') : undefined].filter(Boolean);
      if (features.length === 0) continue;
      ctx.report({ at: version, messageId: 'tooOld', data: { version: version.value, min: FARGATE_MIN_PLATFORM_FOR_LARGE_TASKS, feature: features.join(' and '), key: version.pair?.key ?? 'platformVersion' } });
    }
  },
});
