import type { DeployTarget } from '../config/targets';
import type { DocumentKind } from '../kinds/detect';
import type { DocumentModel } from '../model/document';
import type { Service, TaskDefinition } from '../model/ecs';
import type { LineIndex } from '../text/lineIndex';
import { dockerfilesNamedBy } from './dockerfileLinks';
import type { LocalPathInfo } from './localPaths';
import { calledFolders, folderOf, parseTaskDefinitionReference, planModuleFolders, resolveUri } from './references';

/** What the workspace index keeps per document: its model, never its findings. */
export interface IndexedDocument {
  readonly uri: string;
  readonly kind: DocumentKind;
  readonly model: DocumentModel;
  readonly lines: LineIndex;
  /** The text (a Terraform plan is linted again from the index for the `.tf` files that show its findings). */
  readonly text?: string;
}

/** A deploy target from a .berthrc.yaml, with the URI of that file (its paths are relative to its folder). */
export interface DeployTargetEntry {
  readonly configUri: string;
  readonly target: DeployTarget;
}

/** Read-only view that cross-file rules use. */
export interface WorkspaceView {
  /** Deploy targets of the workspace's .berthrc.yaml files (they link Dockerfiles to task definitions). */
  deployTargets(): readonly DeployTargetEntry[];
  /** What an edge measured about a local file or folder (e.g. a Lambda CodeUri); undefined when unmeasured. */
  localPath(uri: string): LocalPathInfo | undefined;
  get(uri: string): IndexedDocument | undefined;
  documents(): Iterable<IndexedDocument>;
  /** Task definitions (API JSON) with this family, in any file. */
  taskDefinitionsByFamily(family: string): { doc: IndexedDocument; taskDefinition: TaskDefinition }[];
  /** Services (API JSON) whose taskDefinition names this family. */
  servicesForFamily(family: string): { doc: IndexedDocument; service: Service }[];
  /** Documents in a folder (URI prefix ending with '/'), e.g. the Dockerfile next to a task definition. */
  documentsInFolder(folderUri: string): IndexedDocument[];
  /** Terraform documents that read this file with file() or templatefile(), by URI. */
  readersOf(uri: string): IndexedDocument[];
  /** Terraform documents with a module block whose local source is this folder (a URI ending in '/'). */
  moduleCallersOf(folderUri: string): IndexedDocument[];
}

export { folderOf, parseTaskDefinitionReference } from './references';

/** The kinds a Dockerfile's folder links it to (dockerfileLinks.ts singleContainerTaskInFolder), and Dockerfiles. */
const FOLDER_LINKED: ReadonlySet<DocumentKind> = new Set(['dockerfile', 'ecs-task-definition', 'cloudformation', 'serverless-framework']);

/** Incrementally updated index of the workspace's documents, keyed by URI. */
export class WorkspaceIndex implements WorkspaceView {
  private readonly docs = new Map<string, IndexedDocument>();
  private readonly byFamily = new Map<string, Set<string>>();
  private readonly byServiceFamily = new Map<string, Set<string>>();
  private readonly targets = new Map<string, readonly DeployTarget[]>();
  private readonly paths = new Map<string, LocalPathInfo>();
  /** Dockerfile URI -> documents that name it (SAM image functions), wherever they are. */
  private readonly byNamedDockerfile = new Map<string, Set<string>>();
  /** File URI -> Terraform documents that read it with file()/templatefile(). */
  private readonly byReadFile = new Map<string, Set<string>>();
  /** Folder URI -> Terraform documents whose module blocks call it. */
  private readonly byCalledFolder = new Map<string, Set<string>>();

  get size(): number {
    return this.docs.size;
  }

  get(uri: string): IndexedDocument | undefined {
    return this.docs.get(uri);
  }

  documents(): Iterable<IndexedDocument> {
    return this.docs.values();
  }

  /** Adds or replaces a document; returns the URIs whose cross-file findings may have changed. */
  set(doc: IndexedDocument): string[] {
    const before = this.dependents(doc.uri);
    this.remove(doc.uri);
    this.docs.set(doc.uri, doc);
    for (const family of familiesOf(doc.model)) addTo(this.byFamily, family, doc.uri);
    for (const family of serviceFamiliesOf(doc.model)) addTo(this.byServiceFamily, family, doc.uri);
    for (const dockerfile of dockerfilesNamedBy(doc)) addTo(this.byNamedDockerfile, dockerfile, doc.uri);
    for (const read of filesReadBy(doc)) addTo(this.byReadFile, read, doc.uri);
    for (const folder of calledFolders(doc.uri, doc.model.terraform)) addTo(this.byCalledFolder, folder, doc.uri);
    return unique([...before, ...this.dependents(doc.uri)]);
  }

  /** Removes a document; returns the URIs that depended on it. */
  delete(uri: string): string[] {
    const before = this.dependents(uri);
    this.remove(uri);
    return before;
  }

  private remove(uri: string): void {
    const old = this.docs.get(uri);
    if (!old) return;
    this.docs.delete(uri);
    for (const family of familiesOf(old.model)) this.byFamily.get(family)?.delete(uri);
    for (const family of serviceFamiliesOf(old.model)) this.byServiceFamily.get(family)?.delete(uri);
    for (const dockerfile of dockerfilesNamedBy(old)) this.byNamedDockerfile.get(dockerfile)?.delete(uri);
    for (const read of filesReadBy(old)) this.byReadFile.get(read)?.delete(uri);
    for (const folder of calledFolders(old.uri, old.model.terraform)) this.byCalledFolder.get(folder)?.delete(uri);
  }

  /**
   * Other documents linked to this one: services of its task families, task definitions of its services,
   * its folder's Dockerfiles and task definitions, the Dockerfiles it names and the templates naming it.
   */
  dependents(uri: string): string[] {
    const doc = this.docs.get(uri);
    if (!doc) return [];
    const out = new Set<string>();
    for (const u of this.byNamedDockerfile.get(uri) ?? []) out.add(u);
    for (const dockerfile of dockerfilesNamedBy(doc)) if (this.docs.has(dockerfile)) out.add(dockerfile);
    for (const family of familiesOf(doc.model)) for (const u of this.byServiceFamily.get(family) ?? []) out.add(u);
    for (const family of serviceFamiliesOf(doc.model)) for (const u of this.byFamily.get(family) ?? []) out.add(u);
    // A Dockerfile reads its folder (the single-container task next to the only Dockerfile); nothing else does, so
    // templates and task definitions in one folder are not each other's dependents (20 open templates of one
    // folder would otherwise re-check every other one on each change).
    if (FOLDER_LINKED.has(doc.kind)) {
      for (const other of this.documentsInFolder(folderOf(uri))) {
        if (doc.kind === 'dockerfile' ? FOLDER_LINKED.has(other.kind) : other.kind === 'dockerfile') out.add(other.uri);
      }
    }
    for (const u of this.byReadFile.get(uri) ?? []) out.add(u);
    for (const read of filesReadBy(doc)) if (this.docs.has(read)) out.add(read);
    // A Terraform module is the files of one folder: each reads the others' variables, locals and resources.
    if (doc.kind === 'terraform') {
      const module = this.documentsInFolder(folderOf(uri)).filter((other) => other.kind === 'terraform');
      for (const other of module) out.add(other.uri);
      // The folders its module's blocks call: their variables take the values the calls pass (terraform/moduleCalls.ts).
      for (const folder of new Set(module.flatMap((other) => calledFolders(other.uri, other.model.terraform)))) {
        for (const called of this.documentsInFolder(folder)) if (called.kind === 'terraform') out.add(called.uri);
      }
      for (const plan of this.docs.values()) if (plan.kind === 'terraform-plan' && planFolders(plan).includes(folderOf(uri))) out.add(plan.uri);
    }
    // A plan's findings are shown in the .tf files of its local modules (analyze.ts), whose resources they name.
    if (doc.kind === 'terraform-plan') {
      for (const folder of planFolders(doc)) for (const other of this.documentsInFolder(folder)) if (other.kind === 'terraform') out.add(other.uri);
    }
    out.delete(uri);
    return [...out];
  }

  taskDefinitionsByFamily(family: string): { doc: IndexedDocument; taskDefinition: TaskDefinition }[] {
    const out: { doc: IndexedDocument; taskDefinition: TaskDefinition }[] = [];
    for (const uri of this.byFamily.get(family) ?? []) {
      const doc = this.docs.get(uri);
      for (const td of doc?.model.taskDefinitions ?? []) {
        if (td.shape === 'api' && td.family?.known && td.family.value === family) out.push({ doc: doc!, taskDefinition: td });
      }
    }
    return out;
  }

  servicesForFamily(family: string): { doc: IndexedDocument; service: Service }[] {
    const out: { doc: IndexedDocument; service: Service }[] = [];
    for (const uri of this.byServiceFamily.get(family) ?? []) {
      const doc = this.docs.get(uri);
      for (const service of doc?.model.services ?? []) {
        if (service.shape !== 'api' || !service.taskDefinition?.known) continue;
        if (parseTaskDefinitionReference(service.taskDefinition.value)?.family === family) out.push({ doc: doc!, service });
      }
    }
    return out;
  }

  localPath(uri: string): LocalPathInfo | undefined {
    return this.paths.get(uri.replace(/\/+$/, ''));
  }

  /** Records a measurement made at the edge (the core never touches the disk). */
  setLocalPath(uri: string, info: LocalPathInfo): void {
    this.paths.set(uri.replace(/\/+$/, ''), info);
  }

  deployTargets(): readonly DeployTargetEntry[] {
    return [...this.targets].flatMap(([configUri, targets]) => targets.map((target) => ({ configUri, target })));
  }

  /** Replaces the deploy targets read from one .berthrc.yaml; returns the documents they link (to re-check). */
  setDeployTargets(configUri: string, targets: readonly DeployTarget[]): string[] {
    const linked = (list: readonly DeployTarget[]) =>
      list.flatMap((t) => [resolveUri(folderOf(configUri), t.dockerfile), ...(t.taskDefinition ? [resolveUri(folderOf(configUri), t.taskDefinition)] : [])]);
    const before = linked(this.targets.get(configUri) ?? []);
    if (targets.length) this.targets.set(configUri, targets);
    else this.targets.delete(configUri);
    return unique([...before, ...linked(targets)].filter((uri) => this.docs.has(uri)));
  }

  moduleCallersOf(folderUri: string): IndexedDocument[] {
    return [...(this.byCalledFolder.get(folderUri) ?? [])].sort().flatMap((u) => this.docs.get(u) ?? []);
  }

  readersOf(uri: string): IndexedDocument[] {
    return [...(this.byReadFile.get(uri) ?? [])].sort().flatMap((u) => this.docs.get(u) ?? []);
  }

  documentsInFolder(folderUri: string): IndexedDocument[] {
    const out: IndexedDocument[] = [];
    for (const doc of this.docs.values()) if (folderOf(doc.uri) === folderUri) out.push(doc);
    return out;
  }
}

/** The folders of a plan's configuration (its local modules). */
export function planFolders(plan: IndexedDocument): string[] {
  return planModuleFolders(plan.uri, plan.model.planModules ?? []).map((m) => m.folder);
}

/** The files a Terraform document reads with file()/templatefile(), as URIs. */
function filesReadBy(doc: IndexedDocument): string[] {
  return (doc.model.terraform?.fileReads ?? []).map((path) => resolveUri(folderOf(doc.uri), path));
}

function familiesOf(model: DocumentModel): string[] {
  return model.taskDefinitions.flatMap((td) => (td.shape === 'api' && td.family?.known ? [td.family.value] : []));
}

function serviceFamiliesOf(model: DocumentModel): string[] {
  return model.services.flatMap((s) => {
    if (s.shape !== 'api' || !s.taskDefinition?.known) return [];
    const ref = parseTaskDefinitionReference(s.taskDefinition.value);
    return ref ? [ref.family] : [];
  });
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** A view with nothing in it, for single-file analysis. */
export const EMPTY_WORKSPACE: WorkspaceView = new WorkspaceIndex();
