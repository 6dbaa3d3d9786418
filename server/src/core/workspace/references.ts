/** Pure helpers for how documents refer to each other (no index state). */

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
