/**
 * The AWS API input schemas (generated from botocore's service models by
 * scripts/generate-schemas.mjs) and their ajv validators, made on first use: precompiled at build time
 * in the bundles (scripts/generate-validators.mjs), compiled at run time from source (./compiled).
 * Pure: the schemas are bundled JSON imports, nothing is read at run time.
 */
import type { ValidateFunction } from 'ajv';
import batchJobDefinition from '../../../../schemas/api/batch-job-definition.schema.json';
import ecsExpressService from '../../../../schemas/api/ecs-express-service.schema.json';
import ecsService from '../../../../schemas/api/ecs-service.schema.json';
import ecsTaskDefinition from '../../../../schemas/api/ecs-task-definition.schema.json';
import lambdaFunction from '../../../../schemas/api/lambda-function.schema.json';
import type { Path } from '../parse/tree';
import { compiledValidator } from './compiled';
import type { SchemaKind } from './kinds';

/** The subset of draft-07 the generated schemas use. */
export interface JsonSchema {
  $ref?: string;
  $comment?: string;
  title?: string;
  description?: string;
  markdownDescription?: string;
  deprecationMessage?: string;
  type?: string | string[];
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  required?: string[];
  items?: JsonSchema;
  definitions?: Record<string, JsonSchema>;
}

const SCHEMAS: Readonly<Record<SchemaKind, JsonSchema>> = {
  'ecs-task-definition': ecsTaskDefinition as unknown as JsonSchema,
  'ecs-service': ecsService as unknown as JsonSchema,
  'ecs-express-service': ecsExpressService as unknown as JsonSchema,
  'batch-job-definition': batchJobDefinition as unknown as JsonSchema,
  'lambda-function': lambdaFunction as unknown as JsonSchema,
};

/** The raw generated schema for a kind (shared; do not mutate). */
export function schemaFor(kind: SchemaKind): JsonSchema {
  return SCHEMAS[kind];
}

const validators = new Map<SchemaKind, ValidateFunction>();

/** The kind's validator, made on first use and cached. */
export function getValidator(kind: SchemaKind): ValidateFunction {
  let validator = validators.get(kind);
  if (!validator) {
    validator = compiledValidator(kind, SCHEMAS[kind]);
    validators.set(kind, validator);
  }
  return validator;
}

/** Follows `$ref`s (local `#/definitions/X` only) to the schema they point at. */
export function resolveRef(root: JsonSchema, schema: JsonSchema | undefined): JsonSchema | undefined {
  let current = schema;
  for (let guard = 0; current?.$ref && guard < 32; guard++) {
    const match = /^#\/definitions\/(.+)$/.exec(current.$ref);
    if (!match) return undefined;
    const name = decodeURIComponent(match[1]!).replace(/~1/g, '/').replace(/~0/g, '~');
    current = root.definitions?.[name];
  }
  return current;
}

/** The schema that describes the value at `path` (unresolved, so property-level docs are kept). */
export function schemaAt(kind: SchemaKind, path: Path): JsonSchema | undefined {
  const root = SCHEMAS[kind];
  let current: JsonSchema | undefined = root;
  for (const step of path) {
    const resolved = resolveRef(root, current);
    if (!resolved) return undefined;
    if (typeof step === 'number') {
      current = resolved.items;
    } else {
      const property = resolved.properties?.[step];
      current =
        property ?? (typeof resolved.additionalProperties === 'object' ? resolved.additionalProperties : undefined);
    }
    if (!current) return undefined;
  }
  return current;
}

export interface PropertyDoc {
  /** One plain sentence. */
  readonly description: string;
  /** Compact markdown from the AWS model's documentation. */
  readonly markdownDescription: string;
  readonly enum?: readonly unknown[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly deprecationMessage?: string;
}

/**
 * Documentation and constraints of the property at `path`, e.g.
 * `['containerDefinitions', 0, 'portMappings', 0, 'hostPort']`. Property-level docs win over the
 * docs of the shape they refer to. Undefined when the path is not in the schema.
 */
export function propertyDocAt(kind: SchemaKind, path: Path): PropertyDoc | undefined {
  const root = SCHEMAS[kind];
  const schema = schemaAt(kind, path);
  if (!schema) return undefined;
  const resolved = resolveRef(root, schema) ?? schema;
  const markdownDescription = schema.markdownDescription ?? resolved.markdownDescription ?? '';
  const description = schema.description ?? resolved.description ?? '';
  const doc: {
    description: string;
    markdownDescription: string;
    enum?: readonly unknown[];
    minimum?: number;
    maximum?: number;
    deprecationMessage?: string;
  } = { description, markdownDescription: markdownDescription || description };
  if (resolved.enum) doc.enum = resolved.enum;
  if (resolved.minimum !== undefined) doc.minimum = resolved.minimum;
  if (resolved.maximum !== undefined) doc.maximum = resolved.maximum;
  const deprecation = schema.deprecationMessage ?? resolved.deprecationMessage;
  if (deprecation) doc.deprecationMessage = deprecation;
  return doc;
}
