/**
 * The one walk of a folder, for `berth lint` (and the deploy gate, the GitHub Action, `berth mcp`) and for the
 * language server's workspace index, so that both read the same files and cross-file findings agree: names that
 * make a file a JSON, YAML, Dockerfile or Terraform candidate, outside the configured excludes and the folders that
 * hold no sources of their own (SKIPPED_FOLDERS). Symbolic links are followed; real paths are tracked, so a loop
 * ends and a folder reached twice is walked once. Nothing here throws: what cannot be read is yielded with its reason.
 */
import { readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatOf } from '../core/kinds/detect';
import { isCdkAssetCopy } from './cdk';
import type { Excluder } from './exclude';
import { describeError } from './read';

/**
 * Folders a walk does not enter: version control, installed dependencies, build output and tool caches, whose AWS
 * files are copies or generated from sources linted where they live (`.aws-sam/build` from template.yaml,
 * `.serverless` from serverless.yml) or are not the project's (`.terraform` holds downloaded modules). A folder
 * named on the command line (or opened as a workspace folder) is walked all the same. `cdk.out` is not among them:
 * its templates are the only CloudFormation a CDK app has, and Berth lints them on purpose; only its asset.<hash>/
 * folders, the synth's copies of sources linted where they live, are skipped (isCdkAssetCopy).
 */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['.git', '.hg', '.svn', 'node_modules', 'dist', 'out', '.aws-sam', '.serverless', '.terraform']);

export interface WalkedFile {
  readonly absolute: string;
  /** The path to print: the name joined onto the display of the folder walked. */
  readonly display: string;
  /** The real path (symbolic links resolved), so that a file reached twice can be read once. */
  readonly real: string;
  /** Why it cannot be read (a short reason such as "permission denied"); a folder's reason when `folder`. */
  readonly error?: string;
  readonly folder?: boolean;
}

export interface WalkOptions {
  readonly isExcluded: Excluder;
  /** A further test on the display path (a glob's matcher). */
  readonly accept?: (display: string) => boolean;
}

/** True when the file name makes it a JSON, YAML, Dockerfile or Terraform candidate. */
export function isCandidateName(absolute: string): boolean {
  // Through the URL form: a name such as `50%off.json` is not a valid escape on its own.
  return formatOf(pathToFileURL(absolute).href) !== undefined;
}

/** Walks `folder` depth-first in name order, yielding candidate files (and what could not be read). */
export function* walkFolder(folder: string, display: string, options: WalkOptions): Generator<WalkedFile, void, undefined> {
  yield* walk(folder, display, options, new Set());
}

function* walk(dirAbs: string, dirDisplay: string, options: WalkOptions, visited: Set<string>): Generator<WalkedFile, void, undefined> {
  let real: string;
  let names: string[];
  try {
    real = realpathSync(dirAbs);
    if (visited.has(real)) return; // a symlink loop, or a folder already walked
    visited.add(real);
    names = readdirSync(dirAbs).sort();
  } catch (error) {
    yield { absolute: dirAbs, display: dirDisplay || '.', real: dirAbs, error: describeError(error), folder: true };
    return;
  }
  for (const name of names) {
    const absolute = join(dirAbs, name);
    const display = joinDisplay(dirDisplay, name);
    let stats: Stats | undefined;
    let error: string | undefined;
    try {
      stats = statSync(absolute);
    } catch (e) {
      error = describeError(e);
    }
    if (options.isExcluded(absolute, stats?.isDirectory())) continue;
    if (stats?.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(name) && !isCdkAssetCopy(absolute)) yield* walk(absolute, display, options, visited);
      continue;
    }
    if (!isCandidateName(absolute) || (options.accept && !options.accept(display))) continue;
    if (error) yield { absolute, display, real: absolute, error };
    else if (stats?.isFile()) yield { absolute, display, real: realPath(absolute) };
    // Sockets, FIFOs and devices are never read.
  }
}

/** The real path of a file (symbolic links resolved), or the path itself when it cannot be resolved. */
export function realPath(absolute: string): string {
  try {
    return realpathSync(absolute);
  } catch {
    return absolute; // reported when it is read
  }
}

function joinDisplay(dir: string, name: string): string {
  if (dir === '') return name;
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}
