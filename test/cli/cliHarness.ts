/**
 * Builds dist/cli.js once per test process and runs it as a child process, the way users run `berth`.
 * The built file is copied to a private folder so that another suite rebuilding dist/ meanwhile cannot
 * hand us a half-written file.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const FIXTURES = join(__dirname, 'fixtures');

let built: string | undefined;

/** `npm run build` once the other entry points exist; until then the CLI entry alone, with the same options. */
export async function buildCli(): Promise<string> {
  if (built) return built;
  const unlock = await lock(join(ROOT, 'dist', '.cli-build.lock'));
  try {
    built = await buildAndCopy();
  } finally {
    unlock();
  }
  return built;
}

/** Test files run in parallel processes: one build of dist/ at a time, and no copy of a half-written file. */
async function lock(path: string): Promise<() => void> {
  mkdirSync(join(path, '..'), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(path);
      return () => rmdirSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      try {
        if (Date.now() - statSync(path).mtimeMs > 180_000) rmdirSync(path); // left by a killed run
      } catch {
        // released meanwhile
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${path}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function buildAndCopy(): Promise<string> {
  const entries = ['client/src/extension.ts', 'server/src/lsp/main.ts'].map((p) => join(ROOT, p));
  // `npm test` builds once before any test runs and says so; a lone `node --test` builds here.
  if (process.env.BERTH_BUILT === '1' && existsSync(join(ROOT, 'dist/cli.js'))) {
    // already built
  } else if (entries.every((p) => existsSync(p))) {
    const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
  } else {
    const esbuild = await import('esbuild');
    await esbuild.build({
      entryPoints: [join(ROOT, 'server/src/cli/main.ts')],
      outfile: join(ROOT, 'dist/cli.js'),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      mainFields: ['module', 'main'],
      sourcemap: true,
      loader: { '.md': 'text' },
      external: ['vscode'],
      banner: { js: '#!/usr/bin/env node' },
      logLevel: 'warning',
    });
  }
  const dir = mkdtempSync(join(tmpdir(), 'berth-cli-'));
  chmodSync(dir, 0o755); // readable by the unprivileged user of the unreadable-file test
  const target = join(dir, 'cli.js');
  copyFileSync(join(ROOT, 'dist/cli.js'), target);
  chmodSync(target, 0o755);
  // The launcher runs the bundle beside it, with a code cache this test process keeps to itself.
  if (existsSync(join(ROOT, 'dist/cli-main.js'))) copyFileSync(join(ROOT, 'dist/cli-main.js'), join(dir, 'cli-main.js'));
  process.env['BERTH_COMPILE_CACHE'] = join(dir, 'compile-cache');
  // The Terraform grammar: the bundle reads its WASM files from beside itself.
  for (const wasm of ['web-tree-sitter.wasm', 'tree-sitter-terraform.wasm']) if (existsSync(join(ROOT, 'dist', wasm))) copyFileSync(join(ROOT, 'dist', wasm), join(dir, wasm));
  return target;
}

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout split into lines, without the final empty one. */
  readonly lines: string[];
}

export function runCli(args: readonly string[], cwd: string, extra: Omit<SpawnSyncOptions, 'cwd' | 'encoding'> = {}): CliResult {
  if (!built) throw new Error('call buildCli() in a before hook first');
  const result = spawnSync(process.execPath, [built, ...args], { cwd, encoding: 'utf8', timeout: 30_000, ...extra });
  if (result.error) throw result.error;
  const stdout = String(result.stdout);
  return { code: result.status, stdout, stderr: String(result.stderr), lines: stdout.split('\n').filter((l, i, all) => !(l === '' && i === all.length - 1)) };
}

export function fixture(name: string): string {
  return join(FIXTURES, name);
}
