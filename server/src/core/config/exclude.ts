/**
 * What an exclude pattern means: one meaning for `berth lint`, the language server and the deploy gate, read the
 * way .gitignore reads a pattern (test/helpers/excludeCases.ts is the table both front ends are tested against).
 *
 * - Patterns are relative to a root: the folder of the .berthrc.yaml, or the workspace folder for `berth.exclude`.
 * - A pattern without a slash (a trailing one aside) matches a name at any depth: `task.json`, `*.generated.json`,
 *   `legacy`. A pattern with one is anchored at the root: `generated/**`, `sub/task.json`; so is a name written
 *   with a leading `/` or `./` (`/task.json`: the root's task.json only).
 * - A pattern that matches a folder excludes everything in it (`vendor`, `legacy/`, `sub/legacy`). A trailing
 *   slash matches folders only.
 * - Hidden names match like any other (`*.json` matches `.aws.json`). Negation (`!…`) is not supported: such a
 *   pattern matches nothing here, and the .berthrc.yaml reader reports it.
 *
 * picomatch is required on first use, so that a server or CLI without excludes never loads it.
 */
import type picomatch from 'picomatch';

/** Tests a path relative to the root, with `/` separators; `directory` says the path itself is a folder. */
export type ExcludeMatcher = (relativePath: string, directory?: boolean) => boolean;

interface Compiled {
  readonly anchored: readonly string[];
  readonly anyDepth: readonly string[];
  readonly folderOnly: boolean;
}

/** Why a pattern cannot be used (a sentence), or undefined when it can. */
export function excludePatternProblem(pattern: string): string | undefined {
  if (pattern.trim() === '') return 'An exclude pattern must not be empty.';
  if (pattern.startsWith('!')) return `Negated patterns such as "${pattern}" are not supported; list what to exclude instead.`;
  if (normalize(pattern).body === '') return `The pattern "${pattern}" names the root folder itself, which would exclude every file.`;
  return undefined;
}

export function excludeMatcher(patterns: readonly string[]): ExcludeMatcher {
  const usable = patterns.filter((p) => excludePatternProblem(p) === undefined).map(normalize);
  if (usable.length === 0) return () => false;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const compile = require('picomatch/posix') as typeof picomatch;
  const groups: Compiled[] = [false, true].map((folderOnly) => ({
    folderOnly,
    anchored: usable.filter((p) => p.folderOnly === folderOnly && p.anchored).map((p) => p.body),
    anyDepth: usable.filter((p) => p.folderOnly === folderOnly && !p.anchored).map((p) => p.body),
  }));
  const matchers = groups.map((group) => ({
    folderOnly: group.folderOnly,
    anchored: group.anchored.length > 0 ? compile(group.anchored, { dot: true }) : undefined,
    anyDepth: group.anyDepth.length > 0 ? compile(group.anyDepth, { dot: true }) : undefined,
  }));
  return (relativePath, directory = false) => {
    const segments = relativePath.split('/').filter((s) => s !== '' && s !== '.');
    // The path itself and each folder above it: a match on a folder excludes what is inside.
    for (let n = 1; n <= segments.length; n++) {
      const isFolder = n < segments.length || directory;
      const prefix = segments.slice(0, n).join('/');
      const name = segments[n - 1]!;
      for (const m of matchers) {
        if (m.folderOnly && !isFolder) continue;
        if (m.anchored?.(prefix) || m.anyDepth?.(name)) return true;
      }
    }
    return false;
  };
}

function normalize(pattern: string): { body: string; anchored: boolean; folderOnly: boolean } {
  let body = pattern.trim();
  let anchored = false;
  while (body.startsWith('./') || body.startsWith('/')) {
    body = body.startsWith('/') ? body.slice(1) : body.slice(2);
    anchored = true;
  }
  const folderOnly = body.endsWith('/');
  body = body.replace(/\/+$/, '');
  if (body === '.') body = '';
  if (body.includes('/')) anchored = true;
  return { body, anchored, folderOnly };
}
