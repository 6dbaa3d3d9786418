/**
 * Which files of a folder make one module. OpenTofu reads `x.tofu` (`x.tofu.json`) instead of `x.tf`
 * (`x.tf.json`) when both exist; Terraform never reads `.tofu` files. A folder written for both therefore holds
 * two modules: a `.tf` file that has a `.tofu` twin is read as Terraform reads the folder (its `.tf` files), every
 * other file as OpenTofu does (its twins left out), which for a folder without `.tofu` files is all of them.
 */
import { baseName } from '../kinds/detect';
import type { TerraformFile } from '../model/terraform';
import type { ModuleFile } from './values';
import type { WorkspaceView } from '../workspace/index';

const TOFU = /\.tofu(\.json)?$/i;
const TF = /\.tf(\.json)?$/i;

/** The `.tofu` twin's name of a `.tf`/`.tf.json` name (`main.tf` → `main.tofu`), else undefined. */
function tofuTwin(name: string): string | undefined {
  return TF.test(name) ? name.replace(TF, (_, json: string | undefined) => `.tofu${json ?? ''}`).toLowerCase() : undefined;
}

/** Whether the module seen from `uri` takes `candidate`, both files of one folder (the folder's names given). */
function inSameModule(uri: string, candidate: string, folderNames: ReadonlySet<string>): boolean {
  const own = tofuTwin(baseName(uri));
  if (own !== undefined && folderNames.has(own)) return !TOFU.test(baseName(candidate));
  return openTofuReads(candidate, folderNames);
}

/** Whether OpenTofu reads `candidate`: not a `.tf` file whose `.tofu` twin is in the folder. */
function openTofuReads(candidate: string, folderNames: ReadonlySet<string>): boolean {
  const twin = tofuTwin(baseName(candidate));
  return twin === undefined || !folderNames.has(twin);
}

/** The lower-case file names of a folder's documents, as inSameModule takes them. */
function namesOf(uris: Iterable<string>): Set<string> {
  const names = new Set<string>();
  for (const uri of uris) names.add(baseName(uri).toLowerCase());
  return names;
}

/**
 * The Terraform files of a folder in the index that make one module, sorted by URI: the module seen from `seenFrom`
 * (a file of that folder), else OpenTofu's reading of the folder.
 */
export function moduleFilesIn(folder: string, workspace: WorkspaceView, seenFrom?: string): ModuleFile[] {
  const docs = workspace.documentsInFolder(folder);
  const names = namesOf(docs.map((doc) => doc.uri));
  const takes = (uri: string) => (seenFrom === undefined ? openTofuReads(uri, names) : inSameModule(seenFrom, uri, names));
  return docs
    .flatMap((doc) => (doc.kind === 'terraform' && doc.model.terraform && takes(doc.uri) ? [{ uri: doc.uri, file: doc.model.terraform as TerraformFile }] : []))
    .sort(byUri);
}

export function byUri(a: ModuleFile, b: ModuleFile): number {
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0;
}
