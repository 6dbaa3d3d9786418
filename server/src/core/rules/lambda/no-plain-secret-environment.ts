import { LAMBDA_KINDS } from '../../model/lambda';
import { plainSecret } from '../shared/secrets';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'lambda/no-plain-secret-environment',
  kinds: LAMBDA_KINDS,
  severity: 'warning',
  docs: {
    summary: 'Disallow secrets in plain Lambda environment variables',
    concept: 'secrets-management',
    reference: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-encryption',
  },
  messages: {
    secretName:
      'Environment variable {name} looks like a secret written in plain text: anyone who can read the function configuration (or this file) sees it. Store it in Secrets Manager or SSM Parameter Store and read it at start-up.',
    accessKeyId: 'Environment variable {name} holds an AWS access key id in plain text. Use the function\'s execution role instead of static keys.',
    secretAccessKey: 'Environment variable {name} looks like an AWS secret access key in plain text. Use the function\'s execution role instead of static keys.',
  },
  check(ctx) {
    for (const fn of ctx.model.lambdaFunctions) {
      for (const env of fn.environment) {
        if (!env.value.known) continue;
        const kind = plainSecret(env.name, env.value.value);
        if (kind) ctx.report({ at: env.value, messageId: kind, data: { name: env.name } });
      }
    }
  },
});
