import type { DocumentKind } from '../kinds/detect';
import type { Path } from '../parse/tree';
import type { SchemaKind } from '../schema/registry';

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
  /** A SAM function: its Lambda-named properties are documented, but it has others (CodeUri, Events, …). */
  readonly sam?: boolean;
}

export function schemaPathFor(kind: DocumentKind, path: Path, resourceType?: (logicalId: string) => string | undefined): SchemaPath | undefined {
  switch (kind) {
    case 'ecs-task-definition':
      return { kind, path: path[0] === 'taskDefinition' ? path.slice(1) : path };
    case 'ecs-service':
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
      if (type === 'AWS::Batch::JobDefinition') return { kind: 'batch-job-definition', path: lower, pascal: true };
      // SAM functions share Lambda's property names (Runtime, MemorySize, …); SAM-only ones have no API docs.
      if (type === 'AWS::Lambda::Function') return { kind: 'lambda-function', path: rest };
      if (type === 'AWS::Serverless::Function') return { kind: 'lambda-function', path: rest, sam: true };
      return undefined;
    }
    default:
      return undefined;
  }
}
