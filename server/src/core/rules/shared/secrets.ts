/**
 * Shared detection of secrets written as plain configuration values (ECS environment, Lambda
 * environment, Batch environment, Dockerfile ENV/ARG). Values taken from `secrets`/`valueFrom` never come here.
 */

const SECRET_NAME = /(^|[_.-])(PASSWORD|PASSWD|PWD|SECRET|TOKEN|API[_-]?KEY|APIKEY|PRIVATE[_-]?KEY|ACCESS[_-]?KEY|CLIENT[_-]?SECRET|CREDENTIALS?|AUTH)([_.-]|$)/i;
const NOT_SECRET_NAME = /(_|^)(PATH|FILE|URL|URI|ARN|ID|NAME|HOST|PORT|REGION|TTL|ENDPOINT|HEADER|TYPE|LENGTH|ENABLED|TIMEOUT)$/i;
const ACCESS_KEY_ID = /\b(AKIA|ASIA)[A-Z0-9]{16}\b/;
/** 40 base64-ish characters with mixed case and digits: the shape of an AWS secret access key. */
const SECRET_ACCESS_KEY = /^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)[A-Za-z0-9/+]{40}$/;
const PLACEHOLDER = /^(\$\{.*\}|\$[A-Z_]+|<.*>|changeme|change-me|xxx+|\*+|todo|none|null|placeholder|example|dummy|test|)$/i;

export type SecretKind = 'secretName' | 'accessKeyId' | 'secretAccessKey';

/** Why this name/value pair looks like a secret in plain text, or undefined. */
export function plainSecret(name: string, value: string): SecretKind | undefined {
  const trimmed = value.trim();
  if (ACCESS_KEY_ID.test(trimmed)) return 'accessKeyId';
  if (SECRET_ACCESS_KEY.test(trimmed)) return 'secretAccessKey';
  if (PLACEHOLDER.test(trimmed)) return undefined;
  if (SECRET_NAME.test(name) && !NOT_SECRET_NAME.test(name)) return 'secretName';
  return undefined;
}
