import { BATCH_KINDS, isFargateJob, jobContainers } from '../../model/batch';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'batch/no-fargate-unsupported-settings',
  kinds: BATCH_KINDS,
  severity: 'error',
  docs: {
    summary: 'Disallow GPUs, multi-node jobs and the legacy vcpus/memory fields on Fargate',
    concept: 'aws-batch',
    reference: 'https://docs.aws.amazon.com/batch/latest/userguide/fargate.html',
  },
  messages: {
    gpu: 'Fargate has no GPUs, so a GPU resource requirement makes this job definition invalid on Fargate. Run GPU jobs on an EC2 compute environment (platformCapabilities EC2).',
    multinode: 'Multi-node parallel jobs do not run on Fargate. Use platformCapabilities EC2 for type multinode, or make this a container job.',
    legacyField:
      '{key} is not supported on Fargate; Fargate jobs set VCPU and MEMORY through resourceRequirements. Replace {key} with a resourceRequirements entry.',
  },
  check(ctx) {
    for (const job of ctx.model.jobDefinitions) {
      if (!isFargateJob(job)) continue;
      if (job.type?.known && job.type.value === 'multinode') ctx.report({ at: job.type, messageId: 'multinode' });
      for (const container of jobContainers(job)) {
        for (const r of container.resourceRequirements) {
          if (r.type?.known && r.type.value === 'GPU') ctx.report({ at: r.type, messageId: 'gpu' });
        }
        for (const legacy of [container.vcpus, container.memory]) {
          if (legacy?.pair) ctx.report({ at: legacy.pair, messageId: 'legacyField', data: { key: legacy.pair.key } });
        }
      }
    }
  },
});
