/** Exclude patterns applied to absolute paths (core/config/exclude.ts says what a pattern means). */
import { isAbsolute, relative, sep } from 'node:path';
import { excludeMatcher } from '../core/config/exclude';

/** Whether a path is excluded; `directory` says the path itself is a folder. */
export type Excluder = (absolutePath: string, directory?: boolean) => boolean;

/** Patterns relative to `root`; a path outside `root` (or `root` itself) is never excluded by them. */
export function excluder(root: string, patterns: readonly string[]): Excluder {
  if (patterns.length === 0) return () => false;
  const matches = excludeMatcher(patterns);
  return (absolutePath, directory) => {
    const rel = relative(root, absolutePath);
    if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return false;
    return matches(rel.split(sep).join('/'), directory);
  };
}
