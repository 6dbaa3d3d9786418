/**
 * Terraform for the editor features: where the cursor is (also inside JSON written in a heredoc or quoted string),
 * and which API property documents what is there. A resource's arguments are snake_case (TERRAFORM_NAMES,
 * TERRAFORM_ARGUMENT_PATHS for the ones the provider moves); a JSON argument's value (`container_definitions`,
 * written with jsonencode() or as JSON text) is the API's own camelCase shape, read as written.
 */
import { TERRAFORM_ARGUMENT_PATHS, TERRAFORM_JSON_ARGUMENTS, TERRAFORM_NAMES, TERRAFORM_SCHEMA_KINDS } from '../facts/terraform';
import { snakeCase } from '../model/located';
import { jsonInHclString } from '../parse/embeddedJson';
import { DEFAULT_LIMITS } from '../parse/limits';
import type { Node, Path } from '../parse/tree';
import { resolveRef, schemaAt, schemaFor } from '../schema/registry';
import { locate, type Location } from './locate';
import type { SchemaPath } from './schemaPath';

export interface TerraformLocation extends Location {
  /**
   * The cursor is inside the string (a heredoc or quoted string) of a JSON argument, which holds JSON text. The
   * location is inside that JSON when it parses, else the string itself.
   */
  readonly inJsonText: boolean;
}

/** The location at `offset`, looking into the JSON text of a JSON argument (jsonencode() is looked into by locate). */
export function locateTerraform(text: string, root: Node | undefined, offset: number): TerraformLocation | undefined {
  const at = locate(root, offset);
  if (!at) return undefined;
  const stringValue = at.node.kind === 'scalar' ? typeof at.node.value === 'string' : at.node.kind === 'expression' && at.node.form === 'template';
  if (at.onKey || !stringValue || !isJsonArgument(at.path)) return { ...at, inJsonText: false };
  const embedded = jsonInHclString(text, at.node, DEFAULT_LIMITS);
  const inner = embedded?.root ? locate(embedded.root, offset) : undefined;
  if (!inner) return { ...at, inJsonText: true };
  return { ...inner, path: [...at.path, ...inner.path], parent: inner.parent, inJsonText: true };
}

/** True when `path` is inside the value of a resource's JSON argument (below `container_definitions`). */
export function isInJsonArgument(path: Path): boolean {
  return path.length > 4 && isJsonArgument(path.slice(0, 4));
}

/** `resource "<type>" "<name>" { <argument> = … }`: the argument is one of the type's JSON arguments. */
function isJsonArgument(path: Path): boolean {
  return path.length === 4 && path[0] === 'resource' && typeof path[1] === 'string' && (TERRAFORM_JSON_ARGUMENTS[path[1]] ?? []).includes(String(path[3]));
}

/** The Terraform address of the resource a path is in (`aws_ecs_service.web`), if it is in one. */
export function resourceAddressOf(path: Path): string | undefined {
  return path[0] === 'resource' && typeof path[1] === 'string' && typeof path[2] === 'string' ? `${path[1]}.${path[2]}` : undefined;
}

/** A Terraform path mapped onto its API schema, and whether the provider takes the API's values there. */
export interface TerraformSchemaPath extends SchemaPath {
  /** The provider takes other values than the API's enum (`assign_public_ip = true`). */
  readonly valuesDiffer?: boolean;
}

/**
 * The API path that documents a Terraform path: `resource/aws_ecs_task_definition/web/network_mode` →
 * ecs-task-definition `networkMode`; `…/container_definitions/0/portMappings/0/hostPort` → `containerDefinitions/0/
 * portMappings/0/hostPort`. Undefined for resource types Berth does not model and arguments the API does not have.
 */
export function terraformSchemaPath(path: Path): TerraformSchemaPath | undefined {
  const type = path[0] === 'resource' && typeof path[1] === 'string' ? path[1] : undefined;
  const kind = type ? TERRAFORM_SCHEMA_KINDS[type] : undefined;
  if (!type || !kind || typeof path[2] !== 'string') return undefined;
  const rest = path.slice(3);
  const names = TERRAFORM_NAMES[type] ?? {};
  const moved = TERRAFORM_ARGUMENT_PATHS[type] ?? {};
  const root = schemaFor(kind);
  const api: (string | number)[] = [];
  let valuesDiffer = false;
  let written: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const step = rest[i]!;
    if (i === 0 && typeof step === 'string' && (TERRAFORM_JSON_ARGUMENTS[type] ?? []).includes(step)) {
      // The JSON argument's value is the API's shape, keys as written.
      return { kind, path: [camelCase(step), ...rest.slice(1)] };
    }
    if (typeof step === 'number') {
      api.push(step);
      continue;
    }
    written = [...written, step];
    const relocated = moved[written.join('.')];
    if (relocated) {
      api.splice(0, api.length, ...relocated.api);
      valuesDiffer = relocated.valuesDiffer ?? false;
    } else {
      const properties = resolveRef(root, schemaAt(kind, api))?.properties ?? {};
      const name = Object.keys(properties).find((p) => (names[p] ?? snakeCase(p)) === step);
      if (!name) return undefined;
      api.push(name);
      valuesDiffer = false;
    }
    // A repeated block (`volume { … }`) is one item of the API's list.
    const next = rest[i + 1];
    if (typeof next === 'string' && resolveRef(root, schemaAt(kind, api))?.items) api.push(0);
  }
  return { kind, path: api, ...(valuesDiffer ? { valuesDiffer } : {}) };
}

function camelCase(name: string): string {
  return name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}
