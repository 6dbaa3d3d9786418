/**
 * The configuration beside a Terraform plan (I/O). A plan's findings go to the `.tf` block that declares the
 * resource (core/terraform/planSource.ts), so `berth lint plan.json` also reads the `.tf` and `.tfvars` files of the
 * plan's folder, as context: they are indexed, not linted. Never throws.
 */
import { closeSync, openSync, readdirSync, readSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isTerraformName } from '../core/kinds/detect';

/** `terraform show -json` writes format_version and terraform_version first; jq keeps them near the top. */
const HEAD_BYTES = 4096;

/** Absolute paths of the `.tf`/`.tfvars` files beside the plan JSON files among `targets`, that are not targets. */
export function planConfigurationFiles(targets: readonly string[]): string[] {
  const have = new Set(targets);
  const out = new Set<string>();
  const folders = new Set<string>();
  for (const file of targets) {
    if (!/\.json$/i.test(file) || isTerraformName(basename(file)) || folders.has(dirname(file)) || !looksLikePlan(file)) continue;
    folders.add(dirname(file));
    let names: string[];
    try {
      names = readdirSync(dirname(file));
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      const path = join(dirname(file), name);
      if (isTerraformName(name) && !have.has(path)) out.add(path);
    }
  }
  return [...out];
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
