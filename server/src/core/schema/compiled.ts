/**
 * The API validators compiled at run time with ajv. Used when the code runs from source (tsx, unit
 * tests): the build bundles server/src/core/schema/generated/compiled.js in this module's place, the
 * same validators precompiled by scripts/generate-validators.mjs as ajv standalone code, so the server
 * and the CLI compile no schema at start-up. Both return the same error objects.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import type { SchemaKind } from './kinds';

/** Must equal AJV_OPTIONS in scripts/generate-validators.mjs. */
export const AJV_OPTIONS = { allErrors: true, strict: false, verbose: true } as const;

let ajv: Ajv | undefined;

/** Compiles `schema` (the kind's API input schema); the registry caches the result. */
export function compiledValidator(_kind: SchemaKind, schema: object): ValidateFunction {
  // verbose: errors carry `data` and `parentSchema`, which the messages use (did-you-mean, values).
  ajv ??= new Ajv(AJV_OPTIONS);
  return ajv.compile(schema);
}
