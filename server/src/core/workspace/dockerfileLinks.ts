/**
 * Where a Dockerfile's image runs, as far as the workspace says. Pure: reads the workspace view only.
 *
 * Each link source is a function (dockerfileUri, workspace) → links; `linkedTargets` joins them. Sources today:
 * - a SAM/CloudFormation function with `PackageType: Image` whose `Metadata.DockerContext`/`Dockerfile` name it;
 * - serverless.yml `provider.ecr.images.<name>` (path + file) used by a function's `image`;
 * - a .berthrc.yaml deploy target (`dockerfile`, `taskDefinition`, `containerName`);
 * - a task definition with a single container, in the same folder as the only Dockerfile there.
 * Further sources are added to LINK_SOURCES without changing the rules, which only read DockerfileLink.
 */
import type { Located } from '../model/located';
import { locString } from '../model/located';
import type { ContainerDefinition, PortMapping, TaskDefinition } from '../model/ecs';
import { resourcesOfType, withoutIgnoredGlobals, type Resource, type Template } from '../model/template';
import { asArray, asObject, getPair, getValue, type Node, type Pair } from '../parse/tree';
import type { IndexedDocument, WorkspaceView } from './index';
import { folderOf, resolveUri } from './references';

export interface LambdaLink {
  readonly kind: 'lambda';
  /** The template's URI. */
  readonly uri: string;
  readonly logicalId: string;
  /** The function's resource key, for related information. */
  readonly span: Pair;
  /** Architectures items; empty when absent (Lambda's default is x86_64). */
  readonly architectures: readonly Located<string>[];
  /** The Architectures pair, when written (in the function or in SAM Globals). */
  readonly architecturesPair?: Pair;
  /** ImageConfig.Command, which overrides the image's CMD. */
  readonly imageCommand: readonly Located<string>[];
  readonly imageCommandPair?: Pair;
  /** ImageConfig.EntryPoint, which overrides the image's ENTRYPOINT. */
  readonly imageEntryPointPair?: Pair;
  /** Handler, when given. */
  readonly handler?: Located<string>;
  readonly via: 'template-metadata' | 'serverless-ecr-images';
}

export interface EcsLink {
  readonly kind: 'ecs';
  /** The task definition file's URI. */
  readonly uri: string;
  readonly taskDefinition: TaskDefinition;
  readonly container: ContainerDefinition;
  /** Where to point related information: the container's name, else the containerDefinitions key. */
  readonly span: Located<string> | Pair;
  readonly portMappings: readonly PortMapping[];
  readonly hasHealthCheck: boolean;
  readonly cpuArchitecture?: Located<string>;
  readonly stopTimeout?: Located<number>;
  readonly via: 'same-folder' | 'deploy-target';
}

export type DockerfileLink = LambdaLink | EcsLink;

export type LinkSource = (dockerfileUri: string, workspace: WorkspaceView) => DockerfileLink[];

/** The places that can name a Dockerfile; add serverless.yml and .berthrc.yaml sources here. */
export const LINK_SOURCES: readonly LinkSource[] = [templateImageFunctions, serverlessImageFunctions, deployTargetTasks, singleContainerTaskInFolder];

/** Every known place where the image built from this Dockerfile runs; [] when unknown. */
export function linkedTargets(dockerfileUri: string, workspace: WorkspaceView, sources: readonly LinkSource[] = LINK_SOURCES): DockerfileLink[] {
  // Two sources may name the same container (a deploy target for the task definition beside the Dockerfile).
  const seen = new Set<unknown>();
  return sources
    .flatMap((source) => source(dockerfileUri, workspace))
    .filter((link) => {
      const key = link.kind === 'ecs' ? link.container : `${link.uri}#${link.logicalId}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

// ---- SAM / CloudFormation functions ---------------------------------------------------------------

const FUNCTION_TYPES = ['AWS::Serverless::Function', 'AWS::Lambda::Function'];

export function templateImageFunctions(dockerfileUri: string, workspace: WorkspaceView): LambdaLink[] {
  const out: LambdaLink[] = [];
  for (const doc of workspace.documents()) {
    const template = doc.model.template;
    if (!template) continue;
    for (const resource of FUNCTION_TYPES.flatMap((type) => resourcesOfType(template, type))) {
      const link = lambdaLink(doc, template, resource, dockerfileUri);
      if (link) out.push(link);
    }
  }
  return out;
}

/**
 * Dockerfile URIs a template names through Metadata.DockerContext/Dockerfile, so that the workspace index can
 * re-check those Dockerfiles when the template changes (a template may sit in another folder than the Dockerfile).
 */
export function dockerfilesNamedBy(doc: IndexedDocument): string[] {
  if (doc.kind === 'serverless-framework') return [...serverlessImages(doc).values()];
  const template = doc.model.template;
  if (!template) return [];
  const out: string[] = [];
  for (const resource of FUNCTION_TYPES.flatMap((type) => resourcesOfType(template, type))) {
    const context = scalar(getValue(resource.metadata, 'DockerContext'));
    if (context === undefined) continue;
    const dockerfile = scalar(getValue(resource.metadata, 'Dockerfile')) ?? 'Dockerfile';
    out.push(resolveUri(folderOf(doc.uri), `${trimSlash(context)}/${dockerfile}`));
  }
  return out;
}

function lambdaLink(doc: IndexedDocument, template: Template, resource: Resource, dockerfileUri: string): LambdaLink | undefined {
  const props = resource.properties;
  // Globals.Function as SAM applies it to this function: less what its IgnoreGlobals drops.
  const globals =
    resource.type?.known && resource.type.value === 'AWS::Serverless::Function' ? withoutIgnoredGlobals(asObject(getValue(template.globals, 'Function')), resource.node) : undefined;
  const packageType = props?.str('PackageType') ?? stringPair(getPair(globals, 'PackageType'));
  if (!packageType?.known || packageType.value !== 'Image') return undefined;
  const context = scalar(getValue(resource.metadata, 'DockerContext'));
  if (context === undefined) return undefined;
  const dockerfile = scalar(getValue(resource.metadata, 'Dockerfile')) ?? 'Dockerfile';
  if (resolveUri(folderOf(doc.uri), `${trimSlash(context)}/${dockerfile}`) !== dockerfileUri) return undefined;

  const architecturesPair = props?.pair('Architectures') ?? getPair(globals, 'Architectures');
  const imageConfig = asObject(props?.value('ImageConfig')) ?? asObject(getValue(globals, 'ImageConfig'));
  const imageCommandPair = getPair(imageConfig, 'Command');
  return {
    kind: 'lambda',
    uri: doc.uri,
    logicalId: resource.logicalId,
    span: resource.pair,
    architectures: (asArray(architecturesPair?.value)?.items ?? []).map((n) => locString(n)),
    architecturesPair,
    imageCommand: (asArray(imageCommandPair?.value)?.items ?? []).map((n) => locString(n)),
    imageCommandPair,
    imageEntryPointPair: getPair(imageConfig, 'EntryPoint'),
    handler: props?.str('Handler'),
    via: 'template-metadata',
  };
}

function stringPair(pair: Pair | undefined): Located<string> | undefined {
  return pair ? locString(pair.value, pair) : undefined;
}

function scalar(node: Node | undefined): string | undefined {
  return node?.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

function trimSlash(path: string): string {
  return path.replace(/\/+$/, '') || '.';
}

// ---- ECS: the single-container task definition next to the only Dockerfile ------------------------

export function singleContainerTaskInFolder(dockerfileUri: string, workspace: WorkspaceView): EcsLink[] {
  const folder = folderOf(dockerfileUri);
  const docs = workspace.documentsInFolder(folder);
  if (docs.filter((d) => d.kind === 'dockerfile').length > 1) return [];
  const out: EcsLink[] = [];
  for (const doc of docs) {
    for (const taskDefinition of doc.model.taskDefinitions) {
      if (taskDefinition.containers.length !== 1) continue;
      const link = ecsLink(doc, taskDefinition, taskDefinition.containers[0]!, 'same-folder');
      if (link) out.push(link);
    }
  }
  return out;
}

/** A .berthrc.yaml deploy target that builds this Dockerfile for a container of a task definition file. */
export function deployTargetTasks(dockerfileUri: string, workspace: WorkspaceView): EcsLink[] {
  const out: EcsLink[] = [];
  for (const { configUri, target } of workspace.deployTargets()) {
    if (!target.taskDefinition || resolveUri(folderOf(configUri), target.dockerfile) !== dockerfileUri) continue;
    const doc = workspace.get(resolveUri(folderOf(configUri), target.taskDefinition));
    for (const taskDefinition of doc?.model.taskDefinitions ?? []) {
      const container = target.containerName
        ? taskDefinition.containers.find((c) => c.name?.known && c.name.value === target.containerName)
        : taskDefinition.containers.length === 1
          ? taskDefinition.containers[0]
          : undefined;
      const link = container && ecsLink(doc!, taskDefinition, container, 'deploy-target');
      if (link) out.push(link);
    }
  }
  return out;
}

function ecsLink(doc: IndexedDocument, taskDefinition: TaskDefinition, container: ContainerDefinition, via: EcsLink['via']): EcsLink | undefined {
  const span = container.name ?? taskDefinition.containersPair;
  if (!span) return undefined;
  return {
    kind: 'ecs',
    uri: doc.uri,
    taskDefinition,
    container,
    span,
    portMappings: container.portMappings,
    hasHealthCheck: container.healthCheck !== undefined || container.raw.has('healthCheck'),
    cpuArchitecture: taskDefinition.cpuArchitecture,
    stopTimeout: container.raw.num('stopTimeout'),
    via,
  };
}

// ---- serverless.yml: provider.ecr.images ------------------------------------------------------------

/** Image name → Dockerfile URI, for images built from a local path (`path`, optional `file`). */
function serverlessImages(doc: IndexedDocument): Map<string, string> {
  const out = new Map<string, string>();
  const images = asObject(getValue(asObject(getValue(asObject(getValue(doc.model.root, 'provider')), 'ecr')), 'images'));
  for (const image of images?.pairs ?? []) {
    const path = scalar(getValue(image.value, 'path'));
    if (path === undefined) continue; // an image given by URI is not built here
    const file = scalar(getValue(image.value, 'file')) ?? 'Dockerfile';
    out.set(image.key, resolveUri(folderOf(doc.uri), `${trimSlash(path)}/${file}`));
  }
  return out;
}

export function serverlessImageFunctions(dockerfileUri: string, workspace: WorkspaceView): LambdaLink[] {
  const out: LambdaLink[] = [];
  for (const doc of workspace.documents()) {
    if (doc.kind !== 'serverless-framework') continue;
    const images = serverlessImages(doc);
    const names = [...images].filter(([, uri]) => uri === dockerfileUri).map(([name]) => name);
    if (!names.length) continue;
    const provider = asObject(getValue(doc.model.root, 'provider'));
    for (const fn of asObject(getValue(doc.model.root, 'functions'))?.pairs ?? []) {
      const image = getValue(fn.value, 'image');
      const name = scalar(image) ?? scalar(getValue(image, 'name'));
      if (name === undefined || !names.includes(name)) continue;
      // serverless.yml writes one architecture (`architecture: arm64`), per function or under provider.
      const architecturePair = getPair(fn.value, 'architecture') ?? getPair(provider, 'architecture');
      const commandPair = getPair(image, 'command');
      out.push({
        kind: 'lambda',
        uri: doc.uri,
        logicalId: fn.key,
        span: fn,
        architectures: architecturePair ? [locString(architecturePair.value, architecturePair)] : [],
        architecturesPair: architecturePair,
        imageCommand: (asArray(commandPair?.value)?.items ?? []).map((n) => locString(n)),
        imageCommandPair: commandPair,
        imageEntryPointPair: getPair(image, 'entryPoint'),
        via: 'serverless-ecr-images',
      });
    }
  }
  return out;
}
