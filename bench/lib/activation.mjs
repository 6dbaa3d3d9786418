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

/** Builds both bundles into `bin`; returns their paths. */
export async function buildActivationBundles(bin) {
  mkdirSync(bin, { recursive: true });
  const client = path.join(bin, 'client.release.js');
  const library = path.join(bin, 'languageclient.release.js');
  await esbuild.build({ ...RELEASE, entryPoints: [path.join(ROOT, 'client/src/extension.ts')], outfile: client });
  await esbuild.build({ ...RELEASE, stdin: { contents: "module.exports = require('vscode-languageclient/node');", resolveDir: ROOT }, outfile: library });
  return { client, library };
}

/** `runs` fresh processes each: load + activate() call of the client, and the load of the library alone. */
export function activationRuns({ client, library }, runs) {
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
  return { ...summarize(sum), loadMs: summarize(load).median, activateCallMs: summarize(call).median, libraryLoadMs: summarize(lib).median };
}
