/**
 * Deploy targets as the client sees them: `.berthrc.yaml` files in the workspace (or above a file), read with
 * the core's one reader (no engine, no SDK), so the CodeLens and the target pick never load dist/deploy.js.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CONFIG_FILE_GLOB, CONFIG_FILE_NAMES } from '../../../server/src/core/config/fileNames';
import type { DeployTarget } from '../../../server/src/core/config/targets';
import type * as ConfigReader from './configReader';

export interface FoundTarget {
  /** The folder of the .berthrc.yaml: the engine's workspace. */
  readonly folder: string;
  readonly configFile: string;
  readonly target: DeployTarget;
}

export interface ConfigTargets {
  readonly folder: string;
  readonly configFile: string;
  readonly targets: FoundTarget[];
  readonly errors: string[];
}

let reader: typeof ConfigReader | undefined;

/**
 * The core's one reader (with the `yaml` parser) is its own bundle, dist/berthrc.js, required the first time a
 * .berthrc.yaml is read: activation does not load it (even unevaluated inside dist/client.js it cost ~3 ms).
 */
function configReader(): typeof ConfigReader {
  // A computed path, so esbuild leaves the reader out of dist/client.js.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  reader ??= require(path.join(__dirname, 'berthrc.js')) as typeof ConfigReader;
  return reader;
}

const cache = new Map<string, { version: string; value: ConfigTargets }>();

/** Targets of the .berthrc.yaml in `folder`, or undefined when it has none. Cached by the file's mtime and size. */
export async function readConfig(folder: string): Promise<ConfigTargets | undefined> {
  for (const name of CONFIG_FILE_NAMES) {
    const file = path.join(folder, name);
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(vscode.Uri.file(file));
    } catch {
      continue;
    }
    const version = `${stat.mtime}:${stat.size}`;
    const hit = cache.get(file);
    if (hit && hit.version === version) return hit.value;
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.file(file)));
    const { readBerthrc, formatProblem } = configReader();
    const parsed = readBerthrc(text);
    const value: ConfigTargets = {
      folder,
      configFile: file,
      targets: Object.values(parsed.targets).map((target) => ({ folder, configFile: file, target })),
      errors: parsed.targetErrors.map((e) => formatProblem(name, text, e)),
    };
    cache.set(file, { version, value });
    return value;
  }
  return undefined;
}

/** The nearest .berthrc.yaml at or above `file`'s folder, up to its workspace folder (or the file system root). */
export async function nearestConfig(file: string): Promise<ConfigTargets | undefined> {
  const root = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file))?.uri.fsPath;
  let dir = path.dirname(file);
  for (;;) {
    const found = await readConfig(dir);
    if (found) return found;
    const parent = path.dirname(dir);
    if (parent === dir || (root !== undefined && path.relative(root, dir) === '')) return undefined;
    dir = parent;
  }
}

/** Every .berthrc.yaml in the workspace folders (and above the active editor's file), with its targets. */
export async function allConfigs(): Promise<ConfigTargets[]> {
  const folders = new Set<string>();
  for (const uri of await vscode.workspace.findFiles(CONFIG_FILE_GLOB, '**/node_modules/**', 50)) folders.add(path.dirname(uri.fsPath));
  for (const f of vscode.workspace.workspaceFolders ?? []) if (f.uri.scheme === 'file') folders.add(f.uri.fsPath);
  const out: ConfigTargets[] = [];
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file') {
    const near = await nearestConfig(active.fsPath);
    if (near) {
      out.push(near);
      folders.delete(near.folder);
    }
  }
  for (const folder of [...folders].sort()) {
    const config = await readConfig(folder);
    if (config) out.push(config);
  }
  return out;
}

/** A target in one line (quick picks, the deploy log): where it deploys, and whether it asks first. */
export function describeTarget(t: DeployTarget): string {
  const where =
    t.kind === 'lambda' ? (t.function ? `λ ${t.function}${t.alias ? `:${t.alias}` : ''}` : undefined)
    : t.kind === 'express' ? (t.service ? `Express ${t.cluster ?? 'default'}/${t.service}` : undefined)
    : t.cluster && t.service ? `${t.cluster}/${t.service}` : undefined;
  const parts = [where, t.ecrRepository ? `ECR ${t.ecrRepository}` : undefined, t.region, t.confirm ? 'confirm' : undefined].filter(Boolean);
  return parts.join(' · ') || 'incomplete';
}

/** The folder a new target is saved in: the active file's workspace folder, else the first one. */
export function defaultFolder(): string | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  return folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined;
}

/** Whether `file` is the target's task definition (paths resolved against the config's folder). */
export function isTaskDefinitionOf(found: FoundTarget, file: string): boolean {
  return found.target.taskDefinition !== undefined && path.resolve(found.folder, found.target.taskDefinition) === path.resolve(file);
}

/** The 0-based lines in `text` that name `service` as an ECS service (service JSON, CloudFormation, CLI input). */
export function serviceLines(text: string, service: string): number[] {
  const escaped = service.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`^\\s*(?:"serviceName"\\s*:\\s*"${escaped}"|"?(?:ServiceName|serviceName)"?\\s*:\\s*["']?${escaped}["']?\\s*,?\\s*$)`);
  const lines: number[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (re.test(line)) lines.push(i);
  });
  return lines;
}
