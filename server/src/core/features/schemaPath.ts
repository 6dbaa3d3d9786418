import type { PreparedDocument } from '../analyze';
import type { DocumentKind } from '../kinds/detect';
import { tasksWithExpress } from '../model/document';
import type { TaskDefinition } from '../model/ecs';
import type { Path } from '../parse/tree';
import type { SchemaKind } from '../schema/kinds';
import { resourceAddressOf } from './terraformPath';

/**
 * Maps a path in a document to the API schema that documents it. API JSON maps directly (describe
 * output is unwrapped); CloudFormation resources of the covered types map their PascalCase property
 * path onto the camelCase API shape.
 */
export interface SchemaPath {
  readonly kind: SchemaKind;
  readonly path: Path;
  /** True when document keys are PascalCase versions of the schema's camelCase names. */
  readonly pascal?: boolean;
}

export function schemaPathFor(kind: DocumentKind, path: Path, resourceType?: (logicalId: string) => string | undefined): SchemaPath | undefined {
  switch (kind) {
    case 'ecs-task-definition':
      return { kind, path: path[0] === 'taskDefinition' ? path.slice(1) : path };
    case 'ecs-container-definitions':
      // A file of container definitions (what Terraform reads with file()): the task definition's list.
      return { kind: 'ecs-task-definition', path: ['containerDefinitions', ...path] };
    case 'ecs-service':
    case 'ecs-express-service':
    case 'batch-job-definition':
    case 'lambda-function':
      return { kind, path };
    case 'cloudformation': {
      if (path[0] !== 'Resources' || typeof path[1] !== 'string' || path[2] !== 'Properties') return undefined;
      const type = resourceType?.(path[1]);
      const rest = path.slice(3);
      const lower = rest.map((step) => (typeof step === 'string' ? step.charAt(0).toLowerCase() + step.slice(1) : step));
      if (type === 'AWS::ECS::TaskDefinition') return { kind: 'ecs-task-definition', path: lower, pascal: true };
      if (type === 'AWS::ECS::Service') return { kind: 'ecs-service', path: lower, pascal: true };
      if (type === 'AWS::ECS::ExpressGatewayService') return { kind: 'ecs-express-service', path: lower, pascal: true };
      if (type === 'AWS::Batch::JobDefinition') return { kind: 'batch-job-definition', path: lower, pascal: true };
      if (type === 'AWS::Lambda::Function') return { kind: 'lambda-function', path: rest };
      // AWS::Serverless::Function is not Lambda's API shape (CodeUri, Events, Policies; no Publish, TracingConfig, …):
      // its names and docs come from SAM's data (cfnSpec.ts); the Lambda facts it shares, see samFunctionProperty.
      return undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The path below a SAM function's properties: `Resources/<id>/Properties/...` of an AWS::Serverless::Function, or
 * `Globals/Function/...`. SAM passes the properties it shares with AWS::Lambda::Function (Runtime, MemorySize,
 * Timeout, Architectures, …) to the function it generates, so Lambda's facts and value lists apply to them; its
 * names and docs come from SAM's data.
 */
export function samFunctionPath(kind: DocumentKind, path: Path, resourceType?: (logicalId: string) => string | undefined): Path | undefined {
  if (kind !== 'cloudformation') return undefined;
  if (path[0] === 'Globals' && path[1] === 'Function') return path.length > 2 ? path.slice(2) : undefined;
  if (path[0] !== 'Resources' || typeof path[1] !== 'string' || path[2] !== 'Properties' || path.length < 4) return undefined;
  return resourceType?.(path[1]) === 'AWS::Serverless::Function' ? path.slice(3) : undefined;
}

/**
 * The task definition a document path lies in, or the task ECS writes for the Express service it lies in: by logical
 * id in a template, else the document's one.
 */
export function taskDefinitionAt(doc: PreparedDocument, path: Path): TaskDefinition | undefined {
  const tasks = doc.model ? tasksWithExpress(doc.model) : [];
  if (doc.kind === 'cloudformation') return tasks.find((t) => t.logicalId === path[1]);
  if (doc.kind === 'terraform') return tasks.find((t) => t.logicalId === resourceAddressOf(path));
  return tasks[0];
}
