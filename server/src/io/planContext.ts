/**
 * The configuration beside a Terraform plan (I/O). A plan's findings go to the `.tf` block that declares the
 * resource (core/terraform/planSource.ts), so `berth lint plan.json` also reads the `.tf` and `.tfvars` files of the
 * plan's folder and of its local modules' folders (`./modules/app`), as context: they are indexed, not linted.
 * Never throws.
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isTerraformName } from '../core/kinds/detect';
import { DEFAULT_LIMITS } from '../core/parse/limits';
import { parseJson } from '../core/parse/json';
import { planModules } from '../core/terraform/plan';
import { planModuleFolders } from '../core/workspace/references';
import { fileUri } from './uri';

/** `terraform show -json` writes format_version and terraform_version first; jq keeps them near the top. */
const HEAD_BYTES = 4096;

/** Absolute paths of the `.tf`/`.tfvars` files beside the plan JSON files among `targets`, that are not targets. */
export function planConfigurationFiles(targets: readonly string[]): string[] {
  const have = new Set(targets);
  const out = new Set<string>();
  const folders = new Set<string>();
  for (const file of targets) {
    if (!/\.json$/i.test(file) || isTerraformName(basename(file)) || !looksLikePlan(file)) continue;
    for (const folder of moduleFolders(file)) {
      if (folders.has(folder)) continue;
      folders.add(folder);
      let names: string[];
      try {
        names = readdirSync(folder);
      } catch {
        continue;
      }
      for (const name of names.sort()) {
        const path = join(folder, name);
        if (isTerraformName(name) && !have.has(path)) out.add(path);
      }
    }
  }
  return [...out];
}

/** The plan's folder, and the folders of the local modules its configuration calls (the core reads them). */
function moduleFolders(plan: string): string[] {
  try {
    if (statSync(plan).size > DEFAULT_LIMITS.maxFileSize) return [dirname(plan)];
    const text = readFileSync(plan, 'utf8');
    if (!text.includes('"module_calls"')) return [dirname(plan)];
    return planModuleFolders(fileUri(plan), planModules(parseJson(text, DEFAULT_LIMITS).root)).map((m) => fileURLToPath(m.folder));
  } catch {
    return [dirname(plan)];
  }
}

function looksLikePlan(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buffer = Buffer.alloc(HEAD_BYTES);
    const head = buffer.subarray(0, readSync(fd, buffer, 0, HEAD_BYTES, 0)).toString('utf8');
    return /"format_version"\s*:/.test(head) && /"terraform_version"\s*:/.test(head);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
