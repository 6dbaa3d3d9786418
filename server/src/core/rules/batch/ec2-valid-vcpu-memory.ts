import { BATCH_EC2_LIMITS } from '../../facts/batch';
import { NUMBER_FORMS } from '../../facts/numberForms';
import { replaceScalar } from '../../fix/edits';
import { BATCH_KINDS, jobContainers, requirement, type JobDefinition } from '../../model/batch';
import { defineRule } from '../defineRule';

/** Whether the job runs on EC2 for sure: no platformCapabilities (EC2 is the default), or EC2 alone. */
function runsOnEc2(job: JobDefinition): boolean {
  if (!job.platformCapabilitiesPair) return true;
  return job.platformCapabilities.length > 0 && job.platformCapabilities.every((p) => p.known && p.value === 'EC2');
}

export default defineRule({
  id: 'batch/ec2-valid-vcpu-memory',
  kinds: BATCH_KINDS,
  severity: 'error',
  docs: {
    summary: 'Require whole vCPUs and at least 4 MiB of memory for Batch jobs on EC2',
    concept: 'aws-batch',
    reference: 'https://docs.aws.amazon.com/batch/latest/APIReference/API_ResourceRequirement.html',
  },
  messages: {
    invalidVcpu:
      'A Batch job on EC2 reserves whole vCPUs, at least {min}, so RegisterJobDefinition rejects VCPU "{value}". Write {suggestion} (fractions such as 0.25 are for Fargate only).',
    memoryTooSmall: 'A Batch job needs at least {min} MiB of MEMORY, so RegisterJobDefinition rejects {value}.',
  },
  check(ctx) {
    for (const job of ctx.model.jobDefinitions) {
      if (!runsOnEc2(job)) continue;
      for (const container of jobContainers(job)) {
        const vcpu = requirement(container, 'VCPU')?.value;
        // A value that is no number at all is schema/valid-number-format's.
        const vcpuNumber = vcpu?.known ? NUMBER_FORMS.batchVcpu.parse(vcpu.value) : undefined;
        if (vcpu?.known && vcpuNumber !== undefined && !(/^\s*\d+\s*$/.test(vcpu.value) && vcpuNumber >= BATCH_EC2_LIMITS.vcpuMin)) {
          const suggestion = String(Math.max(BATCH_EC2_LIMITS.vcpuMin, Math.ceil(vcpuNumber)));
          ctx.report({
            at: vcpu,
            messageId: 'invalidVcpu',
            data: { min: BATCH_EC2_LIMITS.vcpuMin, value: vcpu.value, suggestion: `"${suggestion}"` },
            fix: ctx.editable(vcpu) ? { title: `Set VCPU to ${suggestion}`, edits: [replaceScalar(ctx.text, vcpu.node, suggestion)] } : undefined,
          });
        }
        const memory = requirement(container, 'MEMORY')?.value;
        const memoryNumber = memory?.known ? NUMBER_FORMS.batchMemory.parse(memory.value) : undefined;
        if (memory && memoryNumber !== undefined && memoryNumber < BATCH_EC2_LIMITS.memoryMinMiB) {
          ctx.report({ at: memory, messageId: 'memoryTooSmall', data: { min: BATCH_EC2_LIMITS.memoryMinMiB, value: memoryNumber } });
        }
      }
    }
  },
});
