/**
 * Which files a lint reads (`berth lint`, the deploy gate, the GitHub Action, `berth mcp`): paths, directories and
 * globs. Folders are walked by io/walk.ts, the walk the language server's index uses too (the same candidate names,
 * skipped folders and excludes). A file reached twice is linted once.
 * Nothing here throws for a bad file: it becomes a target with an `error`, which the linter reports.
 */
import { lstatSync, statSync, type Stats } from 'node:fs';
import { basename, resolve } from 'node:path';
import picomatch from 'picomatch';
import { isDockerfileName } from '../core/kinds/detect';
import { excluder } from './exclude';
import { describeError } from './read';
import { isCandidateName, realPath, walkFolder } from './walk';

export interface Target {
  /** The path to print: as given on the command line, or joined onto what was given. */
  readonly display: string;
  readonly absolute: string;
  /** Why it cannot be read, when collecting already found out (a short reason such as "permission denied"). */
  readonly error?: string;
  /** The unreadable thing is a folder. */
  readonly folder?: boolean;
}

export interface Collected {
  readonly targets: Target[];
  /** Patterns given explicitly that matched no file. */
  readonly unmatched: string[];
  /** Things worth telling on stderr (skipped names, excluded files given explicitly). */
  readonly warnings: string[];
}

export interface CollectOptions {
  readonly cwd: string;
  /** Folder that exclude globs are relative to. */
  readonly excludeRoot: string;
  readonly exclude: readonly string[];
}

export function collectFiles(patterns: readonly string[], options: CollectOptions): Collected {
  const { cwd } = options;
  const targets: Target[] = [];
  const unmatched: string[] = [];
  const warnings: string[] = [];
  const seenFiles = new Set<string>();
  const isExcluded = excluder(options.excludeRoot, options.exclude);

  const addFile = (display: string, absolute: string, error?: string, folder = false, real?: string): void => {
    if (error) {
      targets.push(folder ? { display, absolute, error, folder } : { display, absolute, error });
      return;
    }
    real ??= realPath(absolute);
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    targets.push({ display, absolute });
  };

  /** Walks a directory (io/walk.ts); returns how many targets it added. */
  const walk = (dirAbs: string, dirDisplay: string, accept?: (display: string) => boolean): number => {
    let count = 0;
    for (const file of walkFolder(dirAbs, dirDisplay, { isExcluded, ...(accept ? { accept } : {}) })) {
      addFile(file.display, file.absolute, file.error, file.folder, file.real);
      count++;
    }
    return count;
  };

  for (const pattern of patterns) {
    const absolute = resolve(cwd, pattern);
    let stats: Stats | undefined;
    let statError: unknown;
    try {
      stats = statSync(absolute);
    } catch (error) {
      statError = error;
    }

    if (!stats && picomatch.scan(pattern).isGlob) {
      const scan = picomatch.scan(pattern);
      const base = scan.base === '' ? '.' : scan.base;
      const matcher = picomatch(stripDotSlash(pattern), { dot: true });
      const baseAbs = resolve(cwd, base);
      let added = 0;
      try {
        if (statSync(baseAbs).isDirectory()) {
          added = walk(baseAbs, scan.base === '' ? '' : base, (display) => matcher(stripDotSlash(display)));
        }
      } catch {
        // The glob's base does not exist: no match.
      }
      if (added === 0) unmatched.push(pattern);
      continue;
    }

    if (!stats) {
      const code = (statError as NodeJS.ErrnoException).code;
      let isLink = false;
      try {
        isLink = lstatSync(absolute).isSymbolicLink();
      } catch {
        // Not there at all.
      }
      if (code === 'ENOENT' && !isLink) unmatched.push(pattern);
      else addFile(pattern, absolute, describeError(statError));
      continue;
    }

    if (stats.isDirectory()) {
      if (isExcluded(absolute, true)) {
        warnings.push(`${pattern}: excluded by the configuration; not checked`);
        unmatched.push(pattern);
        continue;
      }
      const added = walk(absolute, pattern === '.' ? '' : trimSlash(pattern));
      if (added === 0) unmatched.push(pattern);
      continue;
    }

    if (isExcluded(absolute)) {
      warnings.push(`${pattern}: excluded by the configuration; not checked`);
      unmatched.push(pattern);
    } else if (!isCandidateName(absolute)) {
      warnings.push(`${pattern}: not a JSON, YAML or Dockerfile name; not checked`);
      unmatched.push(pattern);
    } else if (!stats.isFile()) {
      addFile(pattern, absolute, 'not a regular file');
    } else {
      // A file named on the command line deserves a word when there is nothing in it to check.
      if (stats.size === 0 && !isDockerfileName(basename(absolute))) warnings.push(`${pattern}: the file is empty; nothing to check`);
      addFile(pattern, absolute);
    }
  }
  return { targets, unmatched, warnings };
}

function trimSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.replace(/\/+$/, '') : path;
}

function stripDotSlash(path: string): string {
  return path.startsWith('./') ? path.slice(2) : path;
}
