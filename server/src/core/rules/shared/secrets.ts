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

/**
 * Values that are settings, not secrets, whatever the name says (`PASSWORD_ITERATIONS: 4096`, `TOKEN_TTL: 15m`,
 * `AUTH_ENABLED: true`, `PASSWORD_HASHER: bcrypt`): a number, a duration, a boolean, or one plain word (letters in one
 * case, maybe joined by - or _). A generated secret has digits or mixed case; a real key is caught by its shape above.
 */
const NUMBER = /^[-+]?\d+(\.\d+)?$/;
const DURATION = /^(\d+(\.\d+)?\s*(ms|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|y|years?))+$|^P(\d+[YMWD])*(T(\d+(\.\d+)?[HMS])+)?$/i;
const BOOLEAN = /^(true|false|yes|no|on|off|enabled?|disabled?)$/i;
const PLAIN_WORD = /^([a-z]+([-_][a-z]+)*|[A-Z]+([-_][A-Z]+)*|[A-Z][a-z]+)$/;

function isSetting(value: string): boolean {
  return NUMBER.test(value) || (DURATION.test(value) && value.length > 1) || BOOLEAN.test(value) || PLAIN_WORD.test(value);
}

export type SecretKind = 'secretName' | 'accessKeyId' | 'secretAccessKey';

/** Why this name/value pair looks like a secret in plain text, or undefined. */
export function plainSecret(name: string, value: string): SecretKind | undefined {
  const trimmed = value.trim();
  if (ACCESS_KEY_ID.test(trimmed)) return 'accessKeyId';
  if (SECRET_ACCESS_KEY.test(trimmed)) return 'secretAccessKey';
  if (PLACEHOLDER.test(trimmed) || isSetting(trimmed)) return undefined;
  if (SECRET_NAME.test(name) && !NOT_SECRET_NAME.test(name)) return 'secretName';
  return undefined;
}
