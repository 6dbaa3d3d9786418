/**
 * Which files a lint reads (`berth lint`, the deploy gate): paths, directories (walked) and globs, minus
 * node_modules, .git and the configured excludes. Only names that make a file a JSON/YAML/Dockerfile candidate are collected from walks
 * and globs. Real paths are tracked, so symlink loops end and a file reached twice is linted once.
 * Nothing here throws for a bad file: it becomes a target with an `error`, which the linter reports.
 */
import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import { formatOf, isDockerfileName } from '../core/kinds/detect';
import { isCdkAssetCopy } from './cdk';
import { excluder } from './exclude';
import { describeError } from './read';

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

const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/** True when the file name makes it a JSON, YAML or Dockerfile candidate. */
export function isCandidateName(absolute: string): boolean {
  return formatOf(pathToFileURL(absolute).href) !== undefined;
}

export function collectFiles(patterns: readonly string[], options: CollectOptions): Collected {
  const { cwd } = options;
  const targets: Target[] = [];
  const unmatched: string[] = [];
  const warnings: string[] = [];
  const seenFiles = new Set<string>();
  const isExcluded = excluder(options.excludeRoot, options.exclude);

  const addFile = (display: string, absolute: string, error?: string, folder = false): boolean => {
    if (error) {
      targets.push(folder ? { display, absolute, error, folder } : { display, absolute, error });
      return true;
    }
    let real = absolute;
    try {
      real = realpathSync(absolute);
    } catch {
      // Reported when it is read.
    }
    if (seenFiles.has(real)) return true;
    seenFiles.add(real);
    targets.push({ display, absolute });
    return true;
  };

  /** Walks a directory; returns how many targets it added. */
  const walk = (dirAbs: string, dirDisplay: string, visited: Set<string>, accept: (display: string) => boolean): number => {
    let count = 0;
    let real: string;
    try {
      real = realpathSync(dirAbs);
    } catch (error) {
      addFile(dirDisplay || '.', dirAbs, describeError(error), true);
      return 1;
    }
    if (visited.has(real)) return 0; // a symlink loop, or a folder already walked
    visited.add(real);
    let names: string[];
    try {
      names = readdirSync(dirAbs).sort();
    } catch (error) {
      addFile(dirDisplay || '.', dirAbs, describeError(error), true);
      return 1;
    }
    for (const name of names) {
      const abs = join(dirAbs, name);
      const display = joinDisplay(dirDisplay, name);
      let stats: Stats | undefined;
      let error: string | undefined;
      try {
        stats = statSync(abs);
      } catch (e) {
        error = describeError(e);
      }
      if (isExcluded(abs, stats?.isDirectory())) continue;
      if (stats?.isDirectory()) {
        // cdk.out/asset.<hash>/ are the synth's copies of files linted where they live.
        if (SKIPPED_DIRS.has(name) || isCdkAssetCopy(abs)) continue;
        count += walk(abs, display, visited, accept);
        continue;
      }
      if (!isCandidateName(abs) || !accept(display)) continue;
      if (error) {
        addFile(display, abs, error);
        count++;
      } else if (stats?.isFile()) {
        addFile(display, abs);
        count++;
      }
      // Sockets, FIFOs and devices are never read.
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
          added = walk(baseAbs, scan.base === '' ? '' : base, new Set(), (display) => matcher(stripDotSlash(display)));
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
      const added = walk(absolute, pattern === '.' ? '' : trimSlash(pattern), new Set(), () => true);
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

function joinDisplay(dir: string, name: string): string {
  if (dir === '') return name;
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

function trimSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.replace(/\/+$/, '') : path;
}

function stripDotSlash(path: string): string {
  return path.startsWith('./') ? path.slice(2) : path;
}
