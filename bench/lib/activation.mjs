// Client activation outside VS Code: the extension as the .vsix ships it (minified) and, as its floor, the
// language-client library alone, each loaded in a fresh Node process with a no-op `vscode` (activation.cjs).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { summarize } from './stats.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PROBE = path.join(ROOT, 'bench', 'lib', 'activation.cjs');

/** Options as esbuild.mjs --release uses them for dist/client.js. */
const RELEASE = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, logLevel: 'error', loader: { '.md': 'text' }, external: ['vscode'], legalComments: 'none', mainFields: ['module', 'main'] };

/** Builds both bundles into `bin`; returns their paths, and what the client bundle holds beyond the library. */
export async function buildActivationBundles(bin) {
  mkdirSync(bin, { recursive: true });
  const client = path.join(bin, 'client.release.js');
  const library = path.join(bin, 'languageclient.release.js');
  const built = await esbuild.build({ ...RELEASE, entryPoints: [path.join(ROOT, 'client/src/extension.ts')], outfile: client, metafile: true });
  const libraryBuilt = await esbuild.build({ ...RELEASE, stdin: { contents: "module.exports = require('vscode-languageclient/node');", resolveDir: ROOT }, outfile: library, metafile: true });
  return { client, library, beyondLibrary: beyondLibrary(built.metafile, libraryBuilt.metafile) };
}

/** The packages and source folders of the client bundle that the library's bundle lacks, largest first (minified KB). */
function beyondLibrary(clientMeta, libraryMeta) {
  const inLibrary = new Set(Object.keys(Object.values(libraryMeta.outputs)[0].inputs));
  const sizes = new Map();
  for (const [file, input] of Object.entries(Object.values(clientMeta.outputs)[0].inputs)) {
    if (inLibrary.has(file)) continue;
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? path.dirname(file);
    sizes.set(pkg, (sizes.get(pkg) ?? 0) + input.bytesInOutput);
  }
  return [...sizes].sort((a, b) => b[1] - a[1]).map(([name, bytes]) => ({ name, kb: Math.round(bytes / 102.4) / 10 }));
}

/** `runs` fresh processes each: load + activate() call of the client, and the load of the library alone. */
export function activationRuns({ client, library, beyondLibrary: extra }, runs) {
  const probe = (file) => {
    const r = spawnSync(process.execPath, [PROBE, file], { encoding: 'utf8', timeout: 30000 });
    if (r.status !== 0) throw new Error(`activation probe failed on ${file}: ${r.stderr}`);
    return JSON.parse(r.stdout);
  };
  const load = [];
  const call = [];
  const lib = [];
  for (let i = 0; i < runs; i++) {
    const c = probe(client);
    load.push(c.loadMs);
    call.push(c.activateCallMs);
    lib.push(probe(library).loadMs);
  }
  const sum = load.map((v, i) => v + call[i]);
  return { ...summarize(sum), loadMs: summarize(load).median, activateCallMs: summarize(call).median, libraryLoadMs: summarize(lib).median, beyondLibrary: extra };
}
