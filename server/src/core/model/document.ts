import type { DocumentKind } from '../kinds/detect';
import { asObject, getValue, type Node } from '../parse/tree';
import type { LineIndex } from '../text/lineIndex';
import { buildJobDefinition, type JobDefinition } from './batch';
import { buildDockerfile, type DockerfileModel } from './dockerfile';
import { buildService, buildTaskDefinition, unwrapTaskDefinition, type Service, type TaskDefinition } from './ecs';
import { buildLambdaFromApi, buildLambdaFromCfn, buildLambdaFromSam, buildServerlessFunctions, type LambdaFunction } from './lambda';
import { buildTemplate, resourcesOfType, type Template } from './template';

/**
 * Everything a rule reads about one document. A task definition looks the same to a rule whether
 * it came from API JSON or from an AWS::ECS::TaskDefinition resource, so each rule is written once.
 */
export interface DocumentModel {
  readonly kind: DocumentKind;
  readonly root?: Node;
  readonly template?: Template;
  readonly taskDefinitions: readonly TaskDefinition[];
  readonly services: readonly Service[];
  readonly jobDefinitions: readonly JobDefinition[];
  readonly lambdaFunctions: readonly LambdaFunction[];
  readonly dockerfile?: DockerfileModel;
}

export function buildModel(kind: DocumentKind, root: Node | undefined, text: string, lines: LineIndex): DocumentModel {
  const empty = { kind, root, taskDefinitions: [], services: [], jobDefinitions: [], lambdaFunctions: [] };
  if (kind === 'dockerfile') return { ...empty, dockerfile: buildDockerfile(text, lines) };
  const obj = asObject(root);
  if (!obj) return empty;
  switch (kind) {
    case 'ecs-task-definition': {
      const { node, wrapper } = unwrapTaskDefinition(obj);
      return { ...empty, taskDefinitions: [buildTaskDefinition(node, { shape: 'api' }, wrapper)] };
    }
    case 'ecs-service':
      return { ...empty, services: [buildService(obj, { shape: 'api' })] };
    case 'batch-job-definition':
      return { ...empty, jobDefinitions: [buildJobDefinition(obj, { shape: 'api' })] };
    case 'lambda-function':
      return { ...empty, lambdaFunctions: [buildLambdaFromApi(obj)] };
    case 'cloudformation':
      return fromTemplate(buildTemplate(obj), empty);
    case 'serverless-framework':
      return { ...empty, lambdaFunctions: buildServerlessFunctions(obj) };
  }
}

function fromTemplate(template: Template, empty: DocumentModel): DocumentModel {
  const propsOf = (type: string) =>
    resourcesOfType(template, type).flatMap((r) => (r.properties ? [{ r, node: r.properties.node }] : []));
  return {
    ...empty,
    template,
    taskDefinitions: propsOf('AWS::ECS::TaskDefinition').map(({ r, node }) => buildTaskDefinition(node, { shape: 'cfn', logicalId: r.logicalId })),
    services: propsOf('AWS::ECS::Service').map(({ r, node }) => buildService(node, { shape: 'cfn', logicalId: r.logicalId })),
    jobDefinitions: propsOf('AWS::Batch::JobDefinition').map(({ r, node }) => buildJobDefinition(node, { shape: 'cfn', logicalId: r.logicalId }, r.pair)),
    lambdaFunctions: [
      ...propsOf('AWS::Lambda::Function').map(({ r, node }) => buildLambdaFromCfn(node, r.logicalId, r.pair)),
      // SAM functions, with Globals.Function merged in (a function with no Properties still gets the Globals).
      ...resourcesOfType(template, 'AWS::Serverless::Function').map((r) =>
        buildLambdaFromSam(r.properties?.node ?? { kind: 'object', span: r.pair.span, pairs: [] }, r.logicalId, r.pair, asObject(getValue(template.globals, 'Function'))),
      ),
    ],
  };
}
