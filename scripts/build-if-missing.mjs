#!/usr/bin/env node
// postinstall: builds the bundles that `npm pack` ships (dist/cli.js, dist/deploy.js, ...) when they are
// missing, so a fresh clone installed by pre-commit (`language: node`: npm install, npm pack, npm install -g)
// or by the GitHub Action packs a working `berth`. A no-op once dist/ is built, and inside an installed
// package (which has the bundles and no esbuild.mjs). Build output goes to stderr: pre-commit reads the
// tarball name from `npm pack`'s stdout, which is also why this is not a prepack script.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shipped = ['dist/cli.js', 'dist/cli-main.js', 'dist/deploy.js', 'dist/mcp.js', 'dist/action.js'];
if (!existsSync(join(root, 'esbuild.mjs')) || shipped.every((f) => existsSync(join(root, f)))) process.exit(0);
process.stderr.write('berth: building dist/ (release)…\n');
const result = spawnSync(process.execPath, ['esbuild.mjs', '--release'], { cwd: root, stdio: ['ignore', 2, 2] });
process.exit(result.status ?? 1);
