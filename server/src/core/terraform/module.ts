/**
 * A Terraform module (the `.tf` and `.tfvars` files of one folder) as the one model the rules read. A rule sees
 * every resource of the module, so cross-resource checks work across its files; each finding then lands only in
 * the document that owns its node (`owners`), so a file shows what the user must edit there.
 */
import { TERRAFORM_JSON_ARGUMENTS } from '../facts/terraform';
import type { JobDefinition } from '../model/batch';
import type { Service, TaskDefinition } from '../model/ecs';
import type { ExpressService } from '../model/express';
import type { ElbModel, Listener, LoadBalancer, TargetGroup } from '../model/elb';
import type { LambdaFunction } from '../model/lambda';
import { filePathOf, type TerraformFile, type TerraformResource } from '../model/terraform';
import { jsonInHclString } from '../parse/embeddedJson';
import { folderOf, resolveUri } from '../workspace/references';
import type { Limits } from '../parse/limits';
import type { Node, Pair, ParseProblem } from '../parse/tree';
import { listenerFromTerraform, loadBalancerFromTerraform, targetGroupFromTerraform } from './elb';
import { expressServiceFromTerraform, jobDefinitionFromTerraform, lambdaFromTerraform, resourceLabelPair, serviceFromTerraform, taskDefinitionFromTerraform, type ResolvedResource } from './resources';
import { LAMBDA_LINK_TYPES, TerraformLambdaLinks } from './lambdaLinks';
import { TerraformValues, type ModuleFile, type ModuleInputs } from './values';
import { WEB_TYPES, webFromTerraform, type TerraformWeb } from './web';

export interface TerraformModuleInput {
  /** The document being checked. */
  readonly uri: string;
  /** Every `.tf`, `.tf.json` and `.tfvars` file of its folder, itself included. */
  readonly files: readonly ModuleFile[];
  /** The values the module blocks calling this folder give its variables (undefined: a root module). */
  readonly inputs?: ModuleInputs;
  /** Another document of the workspace (a file that `file()` reads): its tree. */
  document(uri: string): Node | undefined;
  readonly limits: Limits;
}

export interface TerraformModel {
  readonly taskDefinitions: TaskDefinition[];
  readonly services: Service[];
  /** aws_ecs_express_gateway_service, each with the Fargate task ECS writes for it. */
  readonly expressServices: ExpressService[];
  readonly jobDefinitions: JobDefinition[];
  readonly lambdaFunctions: LambdaFunction[];
  readonly elb: ElbModel & { loadBalancers: LoadBalancer[]; listeners: Listener[]; targetGroups: TargetGroup[] };
  /** The document each node and pair of the model is written in. */
  readonly owners: ReadonlyMap<Node | Pair, string>;
  /** Problems of JSON written inside this document's strings (heredocs, quoted JSON). */
  readonly embeddedProblems: readonly ParseProblem[];
  /** Event source mappings and their queues, function URLs, API integrations: linked to the module's functions. */
  readonly lambdaLinks: TerraformLambdaLinks;
  /** S3 buckets with their settings, CloudFront distributions with their S3 origins. */
  readonly web: TerraformWeb;
}

export function terraformModel(input: TerraformModuleInput): TerraformModel {
  const values = new TerraformValues(input.files, input.inputs);
  const building = newTerraformModel(values.owners);
  const problems = building.model.embeddedProblems as ParseProblem[];
  for (const { uri, file } of input.files) {
    if (file.isVars) continue;
    for (const resource of file.resources) {
      if (!isModelled(resource)) continue;
      const body = values.resolve(resource.body, uri);
      addResource(building, {
        resource,
        body: body.kind === 'object' ? body : resource.body,
        json: (pair) => jsonValue(pair, resource.type, uri, file, input, values, uri === input.uri ? problems : undefined),
      });
      // Findings about a resource as a whole land on its name label, in the file that declares it.
      values.owners.set(resourceLabelPair(resource), uri);
    }
  }
  return finishTerraformModel(building, () => input.files.flatMap((f) => f.file.resources));
}

/** A model being built: a module's (above) or a plan's (terraform/plan.ts) resources are added with addResource. */
export interface TerraformModelBuilding {
  readonly model: Omit<TerraformModel, 'web'>;
  /** The S3/CloudFront resources (and policy documents), linked once all are there. */
  readonly web: ResolvedResource[];
}

export function newTerraformModel(owners: Map<Node | Pair, string>): TerraformModelBuilding {
  const lambdaFunctions: LambdaFunction[] = [];
  return {
    model: {
      taskDefinitions: [],
      services: [],
      expressServices: [],
      jobDefinitions: [],
      lambdaFunctions,
      elb: { loadBalancers: [], listeners: [], targetGroups: [] },
      owners,
      embeddedProblems: [],
      lambdaLinks: new TerraformLambdaLinks(lambdaFunctions),
    },
    web: [],
  };
}

/** Whether a resource becomes part of the model. */
export function isModelled(resource: { readonly mode: 'managed' | 'data'; readonly type: string }): boolean {
  return (resource.mode === 'managed' && Object.hasOwn(BUILDERS, resource.type)) || WEB_KINDS.has(resource.mode === 'managed' ? resource.type : `data.${resource.type}`);
}

/** Builds one resource into the model (a resource that is not modelled is ignored). */
export function addResource(building: TerraformModelBuilding, resolved: ResolvedResource): void {
  const { mode, type } = resolved.resource;
  if (mode === 'managed' && Object.hasOwn(BUILDERS, type)) BUILDERS[type]!(resolved, building.model);
  if (WEB_KINDS.has(mode === 'managed' ? type : `data.${type}`)) building.web.push(resolved);
}

/** The model, with what links its S3 buckets and CloudFront distributions; `all` is every resource declared. */
export function finishTerraformModel(building: TerraformModelBuilding, all: () => readonly TerraformResource[]): TerraformModel {
  return { ...building.model, web: webFromTerraform(building.web, all) };
}

const WEB_KINDS: ReadonlySet<string> = new Set(WEB_TYPES);

const BUILDERS: Readonly<Record<string, (r: ResolvedResource, model: Omit<TerraformModel, 'web'>) => void>> = {
  aws_ecs_task_definition: (r, m) => m.taskDefinitions.push(taskDefinitionFromTerraform(r)),
  aws_ecs_service: (r, m) => m.services.push(serviceFromTerraform(r)),
  aws_ecs_express_gateway_service: (r, m) => m.expressServices.push(expressServiceFromTerraform(r)),
  aws_batch_job_definition: (r, m) => m.jobDefinitions.push(jobDefinitionFromTerraform(r)),
  aws_lambda_function: (r, m) => m.lambdaFunctions.push(lambdaFromTerraform(r)),
  aws_lb: (r, m) => m.elb.loadBalancers.push(loadBalancerFromTerraform(r)),
  aws_alb: (r, m) => m.elb.loadBalancers.push(loadBalancerFromTerraform(r)),
  aws_lb_listener: (r, m) => m.elb.listeners.push(listenerFromTerraform(r)),
  aws_alb_listener: (r, m) => m.elb.listeners.push(listenerFromTerraform(r)),
  aws_lb_target_group: (r, m) => m.elb.targetGroups.push(targetGroupFromTerraform(r)),
  aws_alb_target_group: (r, m) => m.elb.targetGroups.push(targetGroupFromTerraform(r)),
  ...Object.fromEntries(LAMBDA_LINK_TYPES.map((type) => [type, (r: ResolvedResource, m: Omit<TerraformModel, 'web'>) => m.lambdaLinks.add(r)])),
};

/**
 * The JSON document a JSON-typed argument holds: an HCL value (from jsonencode, already resolved), JSON in a
 * string or heredoc (parsed with its spans in the .tf file), or a file read with file()/templatefile().
 */
function jsonValue(pair: Pair, type: string, uri: string, file: TerraformFile, input: TerraformModuleInput, values: TerraformValues, problems: ParseProblem[] | undefined): Node | undefined {
  if (!TERRAFORM_JSON_ARGUMENTS[type]?.includes(pair.key)) return undefined;
  const value = pair.value;
  if (value.kind === 'array' || value.kind === 'object') return value;
  if (value.kind === 'scalar' && value.origin) return undefined;
  if (value.kind === 'scalar' || (value.kind === 'expression' && value.form === 'template')) {
    const json = jsonInHclString(file.text, value, input.limits);
    if (!json?.root) return undefined;
    problems?.push(...json.problems);
    return values.resolve(json.root, uri);
  }
  if (value.kind === 'expression' && value.form === 'call' && (value.name === 'file' || value.name === 'templatefile')) {
    const target = filePathOf(value.args[0]);
    if (target === undefined) return undefined;
    const root = input.document(resolvePath(uri, target));
    return root ? values.resolve(root, resolvePath(uri, target)) : undefined;
  }
  return undefined;
}

export function resolvePath(documentUri: string, relative: string): string {
  return resolveUri(folderOf(documentUri), relative.replace(/\\/g, '/'));
}
