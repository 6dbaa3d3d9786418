import { containerLabel } from '../../model/ecs';
import { defineRule } from '../defineRule';
import { plainSecret } from '../shared/secrets';

export default defineRule({
  id: 'ecs/no-plaintext-secrets',
  kinds: ['ecs-task-definition', 'cloudformation'],
  severity: 'warning',
  docs: {
    summary: 'Disallow secrets written as plain environment values',
    concept: 'secrets-management',
    awsDocs: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html',
  },
  messages: {
    secretName:
      'Environment variable {name} of container {container} looks like a secret, written in plain text: anyone who can describe the task definition can read it. Move it to "secrets" with valueFrom pointing at a Secrets Manager secret or an SSM SecureString parameter.',
    accessKeyId:
      'Environment variable {name} of container {container} holds an AWS access key id in plain text. Give the task a taskRoleArn instead of keys, or move the value to "secrets" with a Secrets Manager or SSM valueFrom, and rotate the key.',
    secretAccessKey:
      'Environment variable {name} of container {container} holds a value shaped like an AWS secret access key, in plain text. Use a task role instead of keys, or move it to "secrets" with a Secrets Manager or SSM valueFrom, and rotate the key.',
  },
  check(ctx) {
    for (const td of ctx.model.taskDefinitions) {
      for (const container of td.containers) {
        for (const variable of container.environment) {
          if (!variable.name?.known || !variable.value?.known) continue;
          const kind = plainSecret(variable.name.value, variable.value.value);
          if (kind) ctx.report({ at: variable.value, messageId: kind, data: { name: variable.name.value, container: containerLabel(td, container) } });
        }
      }
    }
  },
});
