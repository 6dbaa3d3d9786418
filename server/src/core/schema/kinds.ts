/** The document kinds that have an API JSON Schema (schemas/api/). */
export const SCHEMA_KINDS = ['ecs-task-definition', 'ecs-service', 'ecs-express-service', 'batch-job-definition', 'lambda-function'] as const;

export type SchemaKind = (typeof SCHEMA_KINDS)[number];

export function isSchemaKind(value: string): value is SchemaKind {
  return (SCHEMA_KINDS as readonly string[]).includes(value);
}
