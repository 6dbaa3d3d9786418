import { formatOfText } from '../../fix/edits';
import { containerLabel, type ContainerDefinition, type TaskDefinition } from '../../model/ecs';
import { defineRule } from '../defineRule';
import { tasksWithExpress } from '../../model/document';
import { plainSecret, type SecretKind } from '../shared/secrets';
import type { Fix, TextEdit } from '../../fix/types';

/** The message for each kind of plain secret (each messageId named where it is reported). */
const MESSAGE_ID: Readonly<Record<SecretKind, 'secretName' | 'accessKeyId' | 'secretAccessKey'>> = {
  secretName: 'secretName',
  accessKeyId: 'accessKeyId',
  secretAccessKey: 'secretAccessKey',
};

/**
 * JSON only: moves the variable from `environment` to `secrets`, with a placeholder Secrets Manager ARN in
 * valueFrom for the user to fill in (the plain value leaves the file). Block YAML gets no fix.
 */
function moveToSecrets(text: string, container: ContainerDefinition, variable: ContainerDefinition['environment'][number], name: string): Fix | undefined {
  if (formatOfText(text) !== 'json') return undefined;
  const envPair = container.raw.pair('environment');
  const env = envPair?.value;
  const item = variable.raw.node;
  if (!envPair || env?.kind !== 'array') return undefined;
  const index = env.items.indexOf(item);
  if (index === -1) return undefined;
  const pascal = envPair.key === 'Environment';
  const key = (k: string) => (pascal ? k.charAt(0).toUpperCase() + k.slice(1) : k);
  const placeholder = `arn:aws:secretsmanager:REGION:ACCOUNT_ID:secret:${name}`;
  const entry = `{ "${key('name')}": ${JSON.stringify(name)}, "${key('valueFrom')}": ${JSON.stringify(placeholder)} }`;
  const edits: TextEdit[] = [];
  const next = env.items[index + 1];
  const prev = env.items[index - 1];
  if (next) edits.push({ span: { start: item.span.start, end: next.span.start }, newText: '' });
  else if (prev) edits.push({ span: { start: prev.span.end, end: item.span.end }, newText: '' });
  else edits.push({ span: env.span, newText: '[]' });
  if (container.secrets.some((secret) => secret.name?.known && secret.name.value === name)) {
    return { title: `Remove the plain ${name} (secrets already defines it)`, edits };
  }
  const secrets = container.raw.pair('secrets')?.value;
  if (secrets?.kind === 'array') {
    const last = secrets.items[secrets.items.length - 1];
    if (last) edits.push({ span: { start: last.span.end, end: last.span.end }, newText: `, ${entry}` });
    else edits.push({ span: secrets.span, newText: `[${entry}]` });
  } else if (secrets === undefined) {
    edits.push({ span: { start: envPair.span.end, end: envPair.span.end }, newText: `, "${key('secrets')}": [${entry}]` });
  } else return undefined;
  return { title: `Move ${name} to secrets (placeholder valueFrom to fill in)`, edits };
}

export default defineRule({
  id: 'ecs/no-plaintext-secrets',
  kinds: ['ecs-task-definition', 'ecs-express-service', 'cloudformation', 'terraform', 'ecs-container-definitions'],
  severity: 'warning',
  docs: {
    summary: 'Disallow secrets written as plain environment values',
    concept: 'secrets-management',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html',
  },
  messages: {
    secretName:
      'Environment variable {name} of container {container} looks like a secret, written in plain text: anyone who can describe the task definition can read it. Move it to {secrets} with {valueFrom} pointing at a Secrets Manager secret or an SSM SecureString parameter.',
    accessKeyId:
      'Environment variable {name} of container {container} holds an AWS access key id in plain text. Give the task a {taskRoleArn} instead of keys, or move the value to {secrets} with a Secrets Manager or SSM {valueFrom}, and rotate the key.',
    secretAccessKey:
      'Environment variable {name} of container {container} holds a value shaped like an AWS secret access key, in plain text. Use a task role instead of keys, or move it to {secrets} with a Secrets Manager or SSM {valueFrom}, and rotate the key.',
  },
  check(ctx) {
    for (const td of tasksWithExpress(ctx.model)) {
      for (const container of td.containers) {
        for (const variable of container.environment) {
          if (!variable.name?.known || !variable.value?.known) continue;
          const kind = plainSecret(variable.name.value, variable.value.value);
          if (kind) {
            ctx.report({
              at: variable.value,
              messageId: MESSAGE_ID[kind],
              data: { name: variable.name.value, container: containerLabel(td, container), ...wordsOf(td, container) },
              fix: moveToSecrets(ctx.text, container, variable, variable.name.value),
            });
          }
        }
      }
    }
  },
});

/**
 * What the message names: the API's words in JSON (a Terraform task definition's container definitions are JSON too),
 * and the provider's for the arguments Terraform writes as blocks (aws_ecs_express_gateway_service: `secret` blocks).
 */
function wordsOf(td: TaskDefinition, container: ContainerDefinition): { secrets: string; valueFrom: string; taskRoleArn: string } {
  if (container.raw.style !== 'snake') return { secrets: '"secrets"', valueFrom: 'valueFrom', taskRoleArn: 'taskRoleArn' };
  return { secrets: `a ${container.raw.key('secrets')} block`, valueFrom: container.raw.key('valueFrom'), taskRoleArn: td.raw.key('taskRoleArn') };
}
