/**
 * A Terraform document's model: on its own (what the workspace index and the editor features keep), and within its
 * module (what the rules read: the `.tf` and `.tfvars` files of its folder, the JSON files they read, and the values
 * the module blocks calling the folder pass, terraform/moduleCalls.ts).
 */
import { baseName, isTerraformVarsName } from '../kinds/detect';
import type { DocumentModel } from '../model/document';
import { readTerraformFile } from '../model/terraform';
import type { Limits } from '../parse/limits';
import type { Node } from '../parse/tree';
import type { WorkspaceView } from '../workspace/index';
import { folderOf } from '../workspace/references';
import { moduleInputs } from './moduleCalls';
import { terraformModel, type TerraformModel } from './module';
import type { ModuleFile } from './values';
import { byUri, moduleFilesIn } from './moduleFiles';

/** The model of one Terraform file read alone: its own variables, locals and resources. */
export function terraformDocumentModel(uri: string, root: Node | undefined, text: string, limits: Limits): DocumentModel {
  const file = readTerraformFile(root, text, isTerraformVarsName(baseName(uri)));
  const model = terraformModel({ uri, files: [{ uri, file }], document: () => undefined, limits });
  return withModel({ kind: 'terraform', root, terraform: file, taskDefinitions: [], services: [], jobDefinitions: [], lambdaFunctions: [] }, model);
}

/** The model the rules read: every resource of the module, values from all its files, owners per document. */
export function terraformModuleModel(uri: string, own: DocumentModel, workspace: WorkspaceView, limits: Limits): DocumentModel {
  if (!own.terraform) return own;
  const files: ModuleFile[] = [{ uri, file: own.terraform }, ...moduleFilesIn(folderOf(uri), workspace, uri).filter((f) => f.uri !== uri)];
  const inputs = moduleInputs(folderOf(uri), files, workspace);
  // A module of this one file, reading no other and called by none: the document's own model is the same.
  if (files.length === 1 && own.terraform.fileReads.length === 0 && !inputs) return own;
  files.sort(byUri);
  const model = terraformModel({ uri, files, ...(inputs ? { inputs } : {}), document: (target) => workspace.get(target)?.model.root, limits });
  return withModel(own, model);
}

/**
 * A JSON file of container definitions that a Terraform module reads (file()/templatefile()): the rules see the
 * task definition that reads it, so the file shows the findings about its containers and the .tf the others.
 */
export function containerDefinitionsModel(uri: string, own: DocumentModel, workspace: WorkspaceView, limits: Limits): DocumentModel {
  const reader = workspace.readersOf(uri).find((doc) => doc.kind === 'terraform');
  if (!reader) return own;
  const module = terraformModuleModel(reader.uri, reader.model, workspace, limits);
  return { ...module, kind: own.kind, root: own.root, terraform: undefined, embeddedProblems: [] };
}

/** A document model with a Terraform model's resources (a module's, a plan's). */
export function withModel(base: DocumentModel, model: TerraformModel): DocumentModel {
  return {
    ...base,
    taskDefinitions: model.taskDefinitions,
    services: model.services,
    expressServices: model.expressServices,
    jobDefinitions: model.jobDefinitions,
    lambdaFunctions: model.lambdaFunctions,
    elb: model.elb,
    owners: model.owners,
    embeddedProblems: model.embeddedProblems,
    lambdaLinks: model.lambdaLinks,
    s3: model.web.s3,
    cloudfront: model.web.cloudfront,
  };
}
