import type { DocumentKind } from '../kinds/detect';
import { asObject, getValue, type Node, type Pair, type ParseProblem } from '../parse/tree';
import type { LineIndex } from '../text/lineIndex';
import { buildJobDefinition, type JobDefinition } from './batch';
import { buildDockerfile, type DockerfileModel } from './dockerfile';
import { elbFromTemplate, type ElbModel } from './elb';
import { buildContainerDefinitionsFile, buildService, buildTaskDefinition, unwrapTaskDefinition, type Service, type TaskDefinition } from './ecs';
import { buildExpressService, type ExpressService } from './express';
import { buildLambdaFromApi, buildLambdaFromCfn, buildLambdaFromSam, buildServerlessFunctions, type LambdaFunction } from './lambda';
import type { LambdaLinks } from './lambdaLinks';
import { buildTemplate, resourcesOfType, type Template } from './template';
import type { PlanModule, TerraformFile } from './terraform';
import type { CloudFrontModel } from './cloudfront';
import type { S3Model } from './s3';

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
  /** ECS Express Mode services (API input, AWS::ECS::ExpressGatewayService), each with the Fargate task ECS runs for it. */
  readonly expressServices?: readonly ExpressService[];
  readonly jobDefinitions: readonly JobDefinition[];
  readonly lambdaFunctions: readonly LambdaFunction[];
  readonly dockerfile?: DockerfileModel;
  /** Load balancers, listeners and target groups (CloudFormation, Terraform). */
  readonly elb?: ElbModel;
  /**
   * S3 buckets with their policies and public settings, and CloudFront distributions with their S3 origins
   * (CloudFormation, Terraform); built where the rules are run (template/web.ts, terraform/module.ts).
   */
  readonly s3?: S3Model;
  readonly cloudfront?: CloudFrontModel;
  /** A Terraform file's declarations (its resources are in the lists above, built with the module's values). */
  readonly terraform?: TerraformFile;
  /** A Terraform plan: the modules it was made from that are local folders (the root module's first). */
  readonly planModules?: readonly PlanModule[];
  /**
   * Terraform: the document each model node and pair is written in, when the model spans several documents (a
   * module's files, a JSON file read with file()); a finding lands only in the document that owns its node.
   */
  readonly owners?: ReadonlyMap<Node | Pair, string>;
  /** Problems of JSON written inside this document's strings (a Terraform heredoc), reported like parse problems. */
  readonly embeddedProblems?: readonly ParseProblem[];
  /**
   * What connects the Lambda functions to the rest of the configuration (event sources and their queues, API
   * integrations, function URL resources); built per shape where the rules are run (template/, terraform/).
   */
  readonly lambdaLinks?: LambdaLinks;
}

export function buildModel(kind: DocumentKind, root: Node | undefined, text: string, lines: LineIndex): DocumentModel {
  const empty = { kind, root, taskDefinitions: [], services: [], jobDefinitions: [], lambdaFunctions: [] };
  if (kind === 'dockerfile') return { ...empty, dockerfile: buildDockerfile(text, lines) };
  if (kind === 'ecs-container-definitions') return root?.kind === 'array' ? { ...empty, taskDefinitions: [buildContainerDefinitionsFile(root)] } : empty;
  const obj = asObject(root);
  if (!obj) return empty;
  switch (kind) {
    case 'ecs-task-definition': {
      const { node, wrapper } = unwrapTaskDefinition(obj);
      return { ...empty, taskDefinitions: [buildTaskDefinition(node, { shape: 'api' }, wrapper)] };
    }
    case 'ecs-service':
      return { ...empty, services: [buildService(obj, { shape: 'api' })] };
    case 'ecs-express-service':
      return { ...empty, expressServices: [buildExpressService(obj, { shape: 'api' })] };
    case 'batch-job-definition':
      return { ...empty, jobDefinitions: [buildJobDefinition(obj, { shape: 'api' })] };
    case 'lambda-function':
      return { ...empty, lambdaFunctions: [buildLambdaFromApi(obj)] };
    case 'cloudformation':
      return fromTemplate(buildTemplate(obj), empty);
    case 'serverless-framework':
      return { ...empty, lambdaFunctions: buildServerlessFunctions(obj) };
    case 'terraform':
    case 'terraform-plan':
      // Terraform resources need the module's values, a plan's the plan's limits: analyze.ts builds them (terraform/).
      return empty;
  }
}

function fromTemplate(template: Template, empty: DocumentModel): DocumentModel {
  const propsOf = (type: string) =>
    resourcesOfType(template, type).flatMap((r) => (r.properties ? [{ r, node: r.properties.node }] : []));
  return {
    ...empty,
    template,
    elb: elbFromTemplate(template),
    taskDefinitions: propsOf('AWS::ECS::TaskDefinition').map(({ r, node }) => buildTaskDefinition(node, { shape: 'cfn', logicalId: r.logicalId })),
    services: propsOf('AWS::ECS::Service').map(({ r, node }) => buildService(node, { shape: 'cfn', logicalId: r.logicalId })),
    expressServices: propsOf('AWS::ECS::ExpressGatewayService').map(({ r, node }) => buildExpressService(node, { shape: 'cfn', logicalId: r.logicalId })),
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

/**
 * The task definitions a rule judges, with the Fargate tasks ECS writes for Express services: the rules about what an
 * Express service lets a user set (size, image, roles, ports, plain-text secrets) read this list.
 */
export function tasksWithExpress(model: DocumentModel): readonly TaskDefinition[] {
  const express = (model.expressServices ?? []).flatMap((s) => (s.task ? [s.task] : []));
  return express.length ? [...model.taskDefinitions, ...express] : model.taskDefinitions;
}
