import { fargateSizeForVcpu, fargateVcpuChoices } from '../../facts/batch';
import { describeMemoryChoices, nearestMemory } from '../../facts/fargate';
import { NUMBER_FORMS } from '../../facts/numberForms';
import { replaceScalar } from '../../fix/edits';
import { BATCH_KINDS, isFargateJob, jobContainers, requirement } from '../../model/batch';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'batch/fargate-valid-vcpu-memory',
  kinds: BATCH_KINDS,
  severity: 'error',
  docs: {
    summary: 'Require a VCPU and MEMORY pair that Fargate supports for Batch jobs',
    concept: 'fargate-task-size',
    reference: 'https://docs.aws.amazon.com/batch/latest/APIReference/API_ResourceRequirement.html',
  },
  messages: {
    invalidVcpu: 'Fargate does not offer {vcpu} vCPU, so RegisterJobDefinition rejects this job definition. Use one of {choices}.',
    invalidCombination:
      'Fargate does not offer {memory} MiB of memory with {vcpu} vCPU, so RegisterJobDefinition rejects this job definition. With {vcpu} vCPU, MEMORY must be {choices}; the nearest is {nearest} MiB.',
  },
  check(ctx) {
    for (const job of ctx.model.jobDefinitions) {
      if (!isFargateJob(job)) continue;
      for (const container of jobContainers(job)) {
        const vcpuValue = requirement(container, 'VCPU')?.value;
        if (!vcpuValue?.known) continue;
        // A value that is no number is schema/valid-number-format's.
        const vcpu = NUMBER_FORMS.batchVcpu.parse(vcpuValue.value);
        if (vcpu === undefined) continue;
        const size = fargateSizeForVcpu(vcpu);
        if (!size) {
          ctx.report({ at: vcpuValue, messageId: 'invalidVcpu', data: { vcpu: vcpuValue.value, choices: fargateVcpuChoices() } });
          continue;
        }
        const memoryValue = requirement(container, 'MEMORY')?.value;
        if (!memoryValue?.known) continue;
        const memory = NUMBER_FORMS.batchMemory.parse(memoryValue.value);
        if (memory === undefined || size.memory.includes(memory)) continue;
        const nearest = nearestMemory(size, memory);
        ctx.report({
          at: memoryValue,
          messageId: 'invalidCombination',
          data: { memory, vcpu, choices: describeMemoryChoices(size), nearest },
          fix: { title: `Set MEMORY to ${nearest}`, edits: [replaceScalar(ctx.text, memoryValue.node, String(nearest))] },
        });
      }
    }
  },
});
