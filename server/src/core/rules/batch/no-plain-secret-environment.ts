import { BATCH_KINDS, jobContainers } from '../../model/batch';
import { plainSecret } from '../shared/secrets';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'batch/no-plain-secret-environment',
  kinds: BATCH_KINDS,
  severity: 'warning',
  docs: {
    summary: 'Disallow secrets in plain Batch environment variables',
    concept: 'secrets-management',
    reference: 'https://docs.aws.amazon.com/batch/latest/userguide/specifying-sensitive-data.html',
  },
  messages: {
    secretName:
      'Environment variable {name} looks like a secret written in plain text: anyone who can describe the job definition can read it. Move it to secrets (valueFrom a Secrets Manager secret or SSM parameter).',
    accessKeyId: 'Environment variable {name} holds an AWS access key id in plain text. Use the job role instead of static keys, or move the value to secrets (valueFrom).',
    secretAccessKey: 'Environment variable {name} looks like an AWS secret access key in plain text. Use the job role instead of static keys, or move the value to secrets (valueFrom).',
  },
  check(ctx) {
    for (const job of ctx.model.jobDefinitions) {
      for (const container of jobContainers(job)) {
        for (const env of container.environment) {
          if (!env.name?.known || !env.value?.known) continue;
          const kind = plainSecret(env.name.value, env.value.value);
          if (kind) ctx.report({ at: env.value, messageId: kind, data: { name: env.name.value } });
        }
      }
    }
  },
});
