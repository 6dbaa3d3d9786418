/** Pure helpers for how documents refer to each other (no index state). */
import { isLocalModuleSource, type PlanModule, type TerraformFile } from '../model/terraform';
import { getPair, scalarString, type Node } from '../parse/tree';

/** family, family:revision, or arn:aws:ecs:region:account:task-definition/family:revision. */
export function parseTaskDefinitionReference(value: string): { family: string; revision?: number } | undefined {
  const tail = value.startsWith('arn:') ? value.slice(value.indexOf('task-definition/') + 'task-definition/'.length) : value;
  if (!tail || value.startsWith('arn:') && !value.includes('task-definition/')) return undefined;
  const match = /^([A-Za-z0-9_-]+)(?::(\d+))?$/.exec(tail);
  if (!match) return undefined;
  return match[2] ? { family: match[1]!, revision: Number(match[2]) } : { family: match[1]! };
}

export function folderOf(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/') + 1);
}

/** Resolves a relative path against a folder URI ending in '/', normalising `.` and `..`. */
export function resolveUri(folderUri: string, relative: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(relative)) return relative;
  const schemeEnd = folderUri.indexOf('://');
  const authorityEnd = schemeEnd === -1 ? 0 : folderUri.indexOf('/', schemeEnd + 3);
  const prefix = folderUri.slice(0, authorityEnd);
  const base = relative.startsWith('/') ? '' : folderUri.slice(authorityEnd);
  const parts: string[] = [];
  for (const part of `${base}/${relative}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `${prefix}/${parts.join('/')}`;
}

/** The folders (URIs ending in '/') of a Terraform plan's local modules, by module address ('' for the root module). */
export function planModuleFolders(planUri: string, modules: readonly PlanModule[]): { address: string; folder: string }[] {
  return modules.map(({ address, folder }) => ({ address, folder: folder === '.' ? folderOf(planUri) : `${resolveUri(folderOf(planUri), folder)}/` }));
}

/** The folder (URI ending in '/') a Terraform module block in the document at `uri` calls, when its source is local. */
export function calledFolder(uri: string, call: { readonly body: Node }): string | undefined {
  const source = scalarString(getPair(call.body, 'source')?.value);
  return source !== undefined && isLocalModuleSource(source) ? `${resolveUri(folderOf(uri), source.replace(/\\/g, '/'))}/` : undefined;
}

/** The folders a Terraform file's module blocks call (local sources only). */
export function calledFolders(uri: string, file: TerraformFile | undefined): string[] {
  return [...(file?.modules.values() ?? [])].flatMap((call) => calledFolder(uri, call) ?? []);
}
