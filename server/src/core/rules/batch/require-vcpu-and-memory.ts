import { BATCH_KINDS, jobContainers, requirement } from '../../model/batch';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'batch/require-vcpu-and-memory',
  kinds: BATCH_KINDS,
  severity: 'warning',
  docs: {
    summary: 'Require VCPU and MEMORY on every Batch container',
    concept: 'aws-batch',
    reference: 'https://docs.aws.amazon.com/batch/latest/APIReference/API_ResourceRequirement.html',
  },
  messages: {
    missing:
      'This container sets no {resource}. AWS Batch needs {resource} for every job: unless every SubmitJob supplies it as an override, the job cannot be scheduled. Add a resourceRequirements entry with type {resource}.',
  },
  check(ctx) {
    for (const job of ctx.model.jobDefinitions) {
      for (const container of jobContainers(job)) {
        if (!requirement(container, 'VCPU') && !container.vcpus) ctx.report({ at: container.pair, messageId: 'missing', data: { resource: 'VCPU' } });
        if (!requirement(container, 'MEMORY') && !container.memory) ctx.report({ at: container.pair, messageId: 'missing', data: { resource: 'MEMORY' } });
      }
    }
  },
});
