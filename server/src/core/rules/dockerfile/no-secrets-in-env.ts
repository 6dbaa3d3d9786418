import type { Env } from 'dockerfile-ast';
import { plainSecret } from '../shared/secrets';
import { defineRule } from '../defineRule';

/** The message for each kind of finding that plainSecret returns. */
const MESSAGE_FOR = { secretName: 'secretName', accessKeyId: 'accessKeyId', secretAccessKey: 'secretAccessKey' } as const;

const WHY = 'ENV and ARG values are stored in the image (docker history and docker inspect show them) and in every registry the image is pushed to.';
const FIX =
  'Pass build-time secrets with `RUN --mount=type=secret`, and give the running container its secrets from Secrets Manager or SSM Parameter Store (the task definition\'s `secrets`).';

export default defineRule({
  id: 'dockerfile/no-secrets-in-env',
  kinds: ['dockerfile'],
  severity: 'warning',
  docs: {
    summary: 'Disallow secrets written in ENV or ARG',
    concept: 'secrets-management',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html',
  },
  messages: {
    secretName: `{instruction} {name} has a literal value, and its name says it is a secret. ${WHY} ${FIX}`,
    accessKeyId: `{instruction} {name} holds an AWS access key id. ${WHY} Rotate the key, and use the task role (ECS) or the execution role (Lambda) instead of keys.`,
    secretAccessKey: `{instruction} {name} looks like an AWS secret access key. ${WHY} Rotate the key, and use the task role (ECS) or the execution role (Lambda) instead of keys.`,
  },
  check(ctx) {
    const model = ctx.model.dockerfile;
    if (!model) return;
    for (const instruction of model.ast.getInstructions()) {
      const keyword = instruction.getKeyword();
      if (keyword !== 'ENV' && keyword !== 'ARG') continue;
      for (const property of (instruction as Env).getProperties()) {
        const value = property.getValue();
        const range = property.getValueRange();
        if (value === null || !range) continue;
        const kind = plainSecret(property.getName(), value);
        if (kind) ctx.report({ at: model.span(range), messageId: MESSAGE_FOR[kind], data: { instruction: keyword, name: property.getName() } });
      }
    }
  },
});
