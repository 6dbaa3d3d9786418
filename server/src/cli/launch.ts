/**
 * dist/cli.js, the `berth` command: runs the CLI bundle, dist/cli-main.js, with V8's code cache. Compiling the
 * 3.4 MB bundle was ~40 ms of CPU in every run (node's own start is ~50 ms); with the cache, V8 reuses the
 * bytecode a previous run produced (what Node 22's module.enableCompileCache() does; Node 20 has only vm's
 * cachedData). The cache is a file per installed bundle in the user's cache folder, written at the end of a run
 * that had none, so it also holds the functions that run compiled (the YAML parser, the rules). Anything wrong
 * with it (no folder, a read-only home, a stale or foreign file, which V8 rejects) only means compiling as before.
 *   BERTH_COMPILE_CACHE=off   no cache;   BERTH_COMPILE_CACHE=<folder>   where the cache files go.
 * The bundle is Berth's own, beside this file; the cache only ever holds what V8 made from it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

const MAIN = path.join(__dirname, 'cli-main.js');

/** The folder of the cache files, or undefined when there is to be no cache. */
function compileCacheFolder(env: NodeJS.ProcessEnv = process.env, platform = process.platform, home = homedir()): string | undefined {
  const setting = env['BERTH_COMPILE_CACHE'];
  if (setting === 'off' || setting === '0') return undefined;
  if (setting) return path.resolve(setting);
  const base = platform === 'win32' ? env['LOCALAPPDATA'] : platform === 'darwin' ? path.join(home, 'Library', 'Caches') : env['XDG_CACHE_HOME'] || path.join(home, '.cache');
  return base ? path.join(base, 'berth', 'compile-cache') : undefined;
}

/**
 * The cache file of this bundle: named by its path, and by the file itself and the node that runs it. V8 checks
 * only the source's length, and npm gives every installed file the same mtime, so the name holds the inode and
 * ctime too: an upgrade writes a new file, and a new name, even when the bundle's size stays the same.
 */
function cacheFile(folder: string, bundle: string): { file: string; prefix: string } | undefined {
  try {
    const stat = statSync(bundle);
    const hash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);
    const prefix = `cli-${hash(bundle)}-`;
    return { file: path.join(folder, `${prefix}${hash(`${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${process.version}:${process.arch}`)}.bin`), prefix };
  } catch {
    return undefined;
  }
}

function readOrUndefined(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes the new cache beside the old ones of this bundle (replaced); whole or not at all (a rename). */
function writeCache(folder: string, { file, prefix }: { file: string; prefix: string }, cachedData: () => Buffer): void {
  try {
    const data = cachedData();
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    for (const old of readdirSync(folder)) if (old.startsWith(prefix)) rmSync(path.join(folder, old), { force: true });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, data, { mode: 0o600 });
    renameSync(partial, file);
  } catch {
    // No cache this time: the next run compiles as this one did.
  }
}

function run(): void {
  const folder = compileCacheFolder();
  const target = folder ? cacheFile(folder, MAIN) : undefined;
  // Node before 20.12 cannot give a vm script the dynamic import() the bundle uses (web-tree-sitter's loader).
  const importModuleDynamically = (vm.constants as Partial<typeof vm.constants> | undefined)?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
  if (!folder || !target || !importModuleDynamically) {
    // A fixed path beside this file; computed only so that esbuild keeps the bundle out of this one.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(MAIN);
    return;
  }
  const cachedData = readOrUndefined(target.file);
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${readFileSync(MAIN, 'utf8')}\n})`;
  const script = new vm.Script(wrapped, { filename: MAIN, cachedData, importModuleDynamically });
  if (cachedData === undefined || script.cachedDataRejected === true) {
    process.once('exit', () => writeCache(folder, target, () => script.createCachedData()));
  }
  const main = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void).call(main.exports, main.exports, createRequire(MAIN), main, MAIN, __dirname);
}

run();
