import { replaceScalar } from '../../fix/edits';
import { BATCH_KINDS, jobContainers } from '../../model/batch';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'batch/no-privileged-container',
  kinds: BATCH_KINDS,
  severity: 'warning',
  docs: {
    summary: 'Disallow privileged Batch containers',
    concept: 'containers-vs-vms',
    reference: 'https://docs.aws.amazon.com/batch/latest/APIReference/API_ContainerProperties.html',
  },
  messages: {
    privileged:
      'privileged: true gives this container root access to the host instance, so a compromised job can take over the instance and other jobs on it. Remove it, and grant only the Linux capabilities the job needs (linuxParameters).',
  },
  check(ctx) {
    for (const job of ctx.model.jobDefinitions) {
      for (const container of jobContainers(job)) {
        const p = container.privileged;
        if (p?.known && p.value) ctx.report({ at: p, messageId: 'privileged', fix: { title: 'Set privileged to false', edits: [replaceScalar(ctx.text, p.node, false)] } });
      }
    }
  },
});
