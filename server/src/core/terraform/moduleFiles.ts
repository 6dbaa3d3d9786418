/**
 * Which files of a folder make one module. OpenTofu reads `x.tofu` (`x.tofu.json`) instead of `x.tf`
 * (`x.tf.json`) when both exist; Terraform never reads `.tofu` files. A folder written for both therefore holds
 * two modules: a `.tf` file that has a `.tofu` twin is read as Terraform reads the folder (its `.tf` files), every
 * other file as OpenTofu does (its twins left out), which for a folder without `.tofu` files is all of them.
 */
import { baseName } from '../kinds/detect';

const TOFU = /\.tofu(\.json)?$/i;
const TF = /\.tf(\.json)?$/i;

/** The `.tofu` twin's name of a `.tf`/`.tf.json` name (`main.tf` → `main.tofu`), else undefined. */
function tofuTwin(name: string): string | undefined {
  return TF.test(name) ? name.replace(TF, (_, json: string | undefined) => `.tofu${json ?? ''}`).toLowerCase() : undefined;
}

/** Whether the module seen from `uri` takes `candidate`, both files of one folder (the folder's names given). */
export function inSameModule(uri: string, candidate: string, folderNames: ReadonlySet<string>): boolean {
  const own = tofuTwin(baseName(uri));
  if (own !== undefined && folderNames.has(own)) return !TOFU.test(baseName(candidate));
  return openTofuReads(candidate, folderNames);
}

/** Whether OpenTofu reads `candidate`: not a `.tf` file whose `.tofu` twin is in the folder. */
export function openTofuReads(candidate: string, folderNames: ReadonlySet<string>): boolean {
  const twin = tofuTwin(baseName(candidate));
  return twin === undefined || !folderNames.has(twin);
}

/** The lower-case file names of a folder's documents, as inSameModule takes them. */
export function namesOf(uris: Iterable<string>): Set<string> {
  const names = new Set<string>();
  for (const uri of uris) names.add(baseName(uri).toLowerCase());
  return names;
}
