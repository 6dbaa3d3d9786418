/**
 * The CLI as users get it: `npm pack` of the repository (the built bundles, no runtime dependencies),
 * installed into an empty folder with production dependencies only. Needs no registry: the tarball has no
 * dependencies, and npm runs offline.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli, ROOT } from '../cli/cliHarness';

export interface PackedCli {
  /** The .tgz that `npm pack` wrote. */
  readonly tarball: string;
  /** Files in the tarball, relative to its package/ folder. */
  readonly files: string[];
  /** The folder it was installed into (has node_modules/.bin/berth). */
  readonly prefix: string;
  readonly bin: string;
}

/** npm with no update check, no audit and no registry. */
export function npm(args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  const env = { ...process.env, npm_config_offline: 'true', npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false' };
  return spawnSync('npm', args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
}

/** `npm pack` of the repository into `dir` (default: a new temp folder). */
export async function packCli(dir = mkdtempSync(join(tmpdir(), 'berth-pack-'))): Promise<{ tarball: string; files: string[] }> {
  await buildCli(); // dist/ as `npm test` built it (or a build of our own when run alone)
  const pack = npm(['pack', '--json', '--pack-destination', dir], ROOT);
  if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stdout}\n${pack.stderr}`);
  const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  return { tarball: join(dir, info!.filename), files: info!.files.map((f) => f.path).sort() };
}

export async function packAndInstall(): Promise<PackedCli> {
  const { tarball, files } = await packCli();
  const prefix = join(tarball, '..', 'app');
  mkdirSync(prefix);
  writeFileSync(join(prefix, 'package.json'), '{ "private": true }\n');
  const install = npm(['install', '--omit=dev', '--no-package-lock', tarball], prefix);
  if (install.status !== 0) throw new Error(`npm install of the tarball failed:\n${install.stdout}\n${install.stderr}`);
  return { tarball, files, prefix, bin: join(prefix, 'node_modules', '.bin', 'berth') };
}
