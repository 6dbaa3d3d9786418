/**
 * Validates a parsed document against its AWS API input schema and turns ajv's errors into
 * problems a person understands, each on the smallest useful span of the document:
 * - a bad value (type, enum, range, length) → the value (for a list or object: its key);
 * - an unknown key → that key;
 * - a missing key → the key of the object that lacks it (array items and the root: their first key).
 * Values given by intrinsic functions (`!Ref`, `Fn::Sub`, …) are never reported.
 */
import type { ErrorObject } from 'ajv';
import { getPair, type Node, type Pair, type Path, type Span } from '../parse/tree';
import { didYouMean } from './didYouMean';
import { getValidator } from './registry';
import type { SchemaKind } from './kinds';

export { SCHEMA_KINDS, type SchemaKind } from './kinds';

export type SchemaMessageId =
  | 'wrongType'
  | 'notAllowedValue'
  | 'unknownProperty'
  | 'missingProperty'
  | 'invalidKey'
  | 'tooSmall'
  | 'tooLarge'
  | 'tooShort'
  | 'tooLong'
  | 'tooFewItems'
  | 'tooManyItems'
  | 'noMatchingForm'
  | 'invalid';

export interface SchemaProblem {
  readonly messageId: SchemaMessageId;
  readonly message: string;
  readonly span: Span;
  /** Where the problem is: the bad value, the unknown key, or (for a missing key) where it belongs. */
  readonly path: Path;
}

const KIND_LABELS: Readonly<Record<SchemaKind, string>> = {
  'ecs-task-definition': 'the task definition',
  'ecs-service': 'the service definition',
  'ecs-express-service': 'the Express service',
  'batch-job-definition': 'the job definition',
  'lambda-function': 'the function configuration',
};

/** Enums longer than this are not listed in full in messages. */
const MAX_LISTED_VALUES = 15;

export function validateAgainstSchema(kind: SchemaKind, root: Node, plainValue: unknown): SchemaProblem[] {
  const validate = getValidator(kind);
  if (validate(plainValue)) return [];
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of collapse(validate.errors ?? [])) {
    const problem = toProblem(kind, root, error);
    if (!problem) continue;
    const key = `${problem.span.start}:${problem.span.end}:${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems.sort(
    (a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.message < b.message ? -1 : 1),
  );
}

// ---- Collapsing ajv's errors: one mistake, one message ------------------------------------------------

function collapse(errors: readonly ErrorObject[]): ErrorObject[] {
  // Errors inside `propertyNames` are restated by the outer propertyNames error.
  let list = errors.filter((e) => e.propertyName === undefined);

  for (const combinator of errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')) {
    if (!list.includes(combinator)) continue;
    const prefix = `${combinator.schemaPath}/`;
    const branchErrors = list.filter((e) => e.schemaPath.startsWith(prefix));
    const branches = new Map<string, ErrorObject[]>();
    for (const e of branchErrors) {
      const branch = e.schemaPath.slice(prefix.length).split('/')[0]!;
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
    }
    const wrongType = (errs: ErrorObject[]) =>
      errs.some((e) => e.keyword === 'type' && e.instancePath === combinator.instancePath);
    const plausible = [...branches.values()].filter((errs) => !wrongType(errs));
    let keep: ErrorObject[];
    if (!branches.size) {
      keep = [combinator]; // oneOf matched several branches
    } else if (!plausible.length) {
      // The value's type fits no branch: one type error listing every type allowed.
      const types = new Set<string>();
      for (const e of branchErrors) {
        if (e.keyword !== 'type' || e.instancePath !== combinator.instancePath) continue;
        for (const t of String(e.params['type']).split(',')) types.add(t);
      }
      keep = [{ ...combinator, keyword: 'type', params: { type: [...types].join(',') } }];
    } else {
      // The branch whose type fits and that fails least is what the author meant.
      keep = plausible.reduce((best, errs) => (errs.length < best.length ? errs : best));
    }
    list = [...list.filter((e) => e !== combinator && !branchErrors.includes(e)), ...keep];
  }

  // A value of the wrong type also fails its enum/range checks; the type error says it all.
  const typed = new Set(list.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  return list.filter((e) => e.keyword === 'type' || !typed.has(e.instancePath));
}

// ---- Locating an error in the tree ---------------------------------------------------------------------

interface Location {
  readonly node: Node | undefined;
  /** The pair whose value is `node` (undefined for array items and the root). */
  readonly pair: Pair | undefined;
  readonly path: (string | number)[];
  /** The instance is an intrinsic function or lies inside one. */
  readonly intrinsic: boolean;
}

function locate(root: Node, instancePath: string): Location {
  const segments = instancePath
    ? instancePath
        .split('/')
        .slice(1)
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    : [];
  let node: Node | undefined = root;
  let pair: Pair | undefined;
  const path: (string | number)[] = [];
  for (const segment of segments) {
    if (!node) break;
    if (node.kind === 'intrinsic') return { node, pair, path, intrinsic: true };
    if (node.kind === 'array') {
      const index = Number(segment);
      path.push(index);
      node = node.items[index];
      pair = undefined;
    } else if (node.kind === 'object') {
      path.push(segment);
      pair = getPair(node, segment);
      node = pair?.value;
    } else {
      node = undefined;
    }
  }
  return { node, pair, path, intrinsic: node?.kind === 'intrinsic' };
}

/** A value's span; a list or object is marked by its key, or by its first character. */
function valueSpan(loc: Location, root: Node): Span {
  const node = loc.node;
  if (!node) return { start: root.span.start, end: root.span.start };
  if (node.kind === 'object' || node.kind === 'array') {
    if (loc.pair) return loc.pair.keySpan;
    return { start: node.span.start, end: Math.min(node.span.start + 1, node.span.end) };
  }
  return node.span;
}

/** Where to report a key missing from the object at `loc`. */
function missingKeySpan(loc: Location, root: Node): Span {
  if (loc.pair) return loc.pair.keySpan;
  const node = loc.node;
  if (node?.kind === 'object' && node.pairs.length) return node.pairs[0]!.keySpan;
  return valueSpan(loc, root);
}

// ---- Messages --------------------------------------------------------------------------------------------

/** `hostPort`, `portMappings[0]`; the root is the kind's label. */
function displayName(kind: SchemaKind, path: readonly (string | number)[]): string {
  let start = path.length;
  while (start > 0 && typeof path[start - 1] === 'number') start--;
  if (start > 0) start--;
  if (!path.length) return KIND_LABELS[kind];
  return path
    .slice(start)
    .map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? step : `.${step}`))
    .join('');
}

function subject(kind: SchemaKind, path: readonly (string | number)[]): string {
  const name = displayName(kind, path);
  return path.length ? name : name[0]!.toUpperCase() + name.slice(1);
}

function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}…` : text);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `the string ${quote(value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  if (value === null || value === undefined) return 'an empty value (null)';
  if (Array.isArray(value)) return 'a list';
  return 'an object';
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  integer: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

function expectedTypes(param: unknown): string {
  const words = [...new Set(String(param).split(',').map((t) => TYPE_WORDS[t] ?? t))];
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}` : words[0]!;
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

function listValues(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
}

function toProblem(kind: SchemaKind, root: Node, error: ErrorObject): SchemaProblem | undefined {
  const loc = locate(root, error.instancePath);
  if (loc.intrinsic) return undefined;
  const params = error.params as Record<string, unknown>;
  const name = subject(kind, loc.path);
  const where = displayName(kind, loc.path);
  const data = error.data;
  const at = (messageId: SchemaMessageId, message: string): SchemaProblem => ({
    messageId,
    message,
    span: valueSpan(loc, root),
    path: loc.path,
  });

  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      const pair = getPair(loc.node, key);
      const present = new Set(loc.node?.kind === 'object' ? loc.node.pairs.map((p) => p.key) : []);
      const candidates = Object.keys(error.parentSchema?.['properties'] ?? {}).filter((k) => !present.has(k));
      const suggestion = didYouMean(key, candidates);
      return {
        messageId: 'unknownProperty',
        message: `Unknown property ${quote(key)} in ${where}${suggestion ? `; did you mean ${quote(suggestion)}?` : '.'}`,
        span: pair ? pair.keySpan : valueSpan(loc, root),
        path: [...loc.path, key],
      };
    }
    case 'required': {
      const missing = String(params['missingProperty']);
      return {
        messageId: 'missingProperty',
        message: `Missing required property ${quote(missing)} in ${where}.`,
        span: missingKeySpan(loc, root),
        path: [...loc.path, missing],
      };
    }
    case 'propertyNames': {
      const key = String(params['propertyName']);
      const pair = getPair(loc.node, key);
      const allowed = (error.parentSchema?.['propertyNames'] as { enum?: unknown[] } | undefined)?.enum;
      return {
        messageId: 'invalidKey',
        message: `Invalid key ${quote(key)} in ${where}${allowed ? `; allowed keys: ${listValues(allowed)}.` : '.'}`,
        span: pair ? pair.keySpan : valueSpan(loc, root),
        path: [...loc.path, key],
      };
    }
    case 'type': {
      if (String(params['type']) === 'integer' && typeof data === 'number') {
        return at('wrongType', `${name} must be a whole number, not ${data}.`);
      }
      return at('wrongType', `${name} must be ${expectedTypes(params['type'])}, not ${describe(data)}.`);
    }
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[] | undefined) ?? [];
      const got = typeof data === 'string' ? quote(data) : describe(data);
      const options =
        allowed.length <= MAX_LISTED_VALUES
          ? `one of ${listValues(allowed)}`
          : `one of the ${allowed.length} allowed values`;
      const suggestion =
        typeof data === 'string' ? didYouMean(data, allowed.filter((v): v is string => typeof v === 'string')) : undefined;
      return at(
        'notAllowedValue',
        `${name} must be ${options}; got ${got}.${suggestion ? ` Did you mean ${quote(suggestion)}?` : ''}`,
      );
    }
    case 'const':
      return at('notAllowedValue', `${name} must be ${JSON.stringify(params['allowedValue'])}; got ${describe(data)}.`);
    case 'minimum':
      return at('tooSmall', `${name} must be at least ${params['limit']} (got ${data}).`);
    case 'exclusiveMinimum':
      return at('tooSmall', `${name} must be greater than ${params['limit']} (got ${data}).`);
    case 'maximum':
      return at('tooLarge', `${name} must be at most ${params['limit']} (got ${data}).`);
    case 'exclusiveMaximum':
      return at('tooLarge', `${name} must be less than ${params['limit']} (got ${data}).`);
    case 'minLength': {
      const limit = Number(params['limit']);
      const length = typeof data === 'string' ? [...data].length : 0;
      if (limit === 1 && length === 0) return at('tooShort', `${name} must not be empty.`);
      return at('tooShort', `${name} must be at least ${plural(limit, 'character')} long (got ${length}).`);
    }
    case 'maxLength': {
      const length = typeof data === 'string' ? [...data].length : 0;
      return at('tooLong', `${name} must be at most ${plural(Number(params['limit']), 'character')} long (got ${length}).`);
    }
    case 'minItems': {
      const limit = Number(params['limit']);
      const count = Array.isArray(data) ? data.length : 0;
      if (limit === 1 && count === 0) return at('tooFewItems', `${name} must not be an empty list.`);
      return at('tooFewItems', `${name} must have at least ${plural(limit, 'item')} (got ${count}).`);
    }
    case 'maxItems': {
      const count = Array.isArray(data) ? data.length : 0;
      return at('tooManyItems', `${name} must have at most ${plural(Number(params['limit']), 'item')} (got ${count}).`);
    }
    case 'minProperties': {
      const count = data && typeof data === 'object' ? Object.keys(data).length : 0;
      return at('tooFewItems', `${name} must have at least ${plural(Number(params['limit']), 'entry', 'entries')} (got ${count}).`);
    }
    case 'maxProperties': {
      const count = data && typeof data === 'object' ? Object.keys(data).length : 0;
      return at('tooManyItems', `${name} must have at most ${plural(Number(params['limit']), 'entry', 'entries')} (got ${count}).`);
    }
    case 'anyOf':
    case 'oneOf':
      return at('noMatchingForm', `${name} does not match any of the allowed forms.`);
    default:
      return at('invalid', `${name} ${error.message ?? 'is not valid'}.`);
  }
}
