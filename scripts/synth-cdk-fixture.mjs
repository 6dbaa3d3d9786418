#!/usr/bin/env node
// Regenerates test/fixtures/cdk/app/cdk.out/ from the CDK app beside it: installs the pinned aws-cdk-lib,
// constructs and CDK CLI into a temporary folder (npm registry), runs `cdk synth --debug` there (--debug keeps
// the stack trace that created each construct), and copies back the files Berth reads. The absolute path of
// the temporary app folder in those traces becomes `<app>`; the tests put their own folder in its place.
// fixture.json records the versions and a hash of the app's sources, which a test compares.
//   node scripts/synth-cdk-fixture.mjs
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const VERSIONS = { 'aws-cdk-lib': '2.278.0', constructs: '10.8.1', 'aws-cdk': '2.1149.0' };
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixture = path.join(root, 'test', 'fixtures', 'cdk');
const appDir = path.join(fixture, 'app');
/** What a synth produces that Berth reads (the asset folders stay out: only their presence matters, see below). */
const KEEP = /^(manifest\.json|cdk\.out|[^/]+\.template\.json|[^/]+\.metadata\.json|[^/]+\.assets\.json)$/;

/** The app's own files (not cdk.out), in a stable order: their hash says whether cdk.out is current. */
export function appSourcesHash(dir = appDir) {
  const hash = createHash('sha256');
  const walk = (rel) => {
    for (const name of readdirSync(path.join(dir, rel)).sort()) {
      const file = path.join(rel, name);
      if (file === 'cdk.out') continue;
      if (isDir(path.join(dir, file))) walk(file);
      else hash.update(`${file.split(path.sep).join('/')}\0${readFileSync(path.join(dir, file))}\0`);
    }
  };
  walk('');
  return hash.digest('hex');
}

function isDir(p) {
  return statSync(p).isDirectory();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const work = mkdtempSync(path.join(tmpdir(), 'berth-cdk-'));
  try {
    writeFileSync(path.join(work, 'package.json'), '{ "private": true }\n');
    const packages = Object.entries(VERSIONS).map(([name, version]) => `${name}@${version}`);
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', ...packages], { cwd: work, stdio: 'inherit' });
    const app = path.join(work, 'app');
    cpSync(appDir, app, { recursive: true, filter: (src) => !src.includes(`${path.sep}cdk.out`) });
    execFileSync(path.join(work, 'node_modules', '.bin', 'cdk'), ['synth', '--no-notices', '--no-version-reporting', '--debug', '-q', '-o', 'cdk.out'], {
      cwd: app,
      stdio: 'inherit',
      env: { ...process.env, CDK_DISABLE_CLI_TELEMETRY: 'true' },
    });
    const out = path.join(appDir, 'cdk.out');
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out);
    const assets = [];
    for (const name of readdirSync(path.join(app, 'cdk.out')).sort()) {
      if (name.startsWith('asset.')) assets.push(name);
      if (!KEEP.test(name)) continue;
      const text = readFileSync(path.join(app, 'cdk.out', name), 'utf8').split(app).join('<app>');
      writeFileSync(path.join(out, name), text);
    }
    // The image asset's copy of image/ (a Dockerfile): kept, so tests see that Berth skips asset folders.
    for (const name of assets) cpSync(path.join(app, 'cdk.out', name), path.join(out, name), { recursive: true });
    const record = { generatedBy: 'scripts/synth-cdk-fixture.mjs', command: 'cdk synth --debug', versions: VERSIONS, appSources: appSourcesHash() };
    writeFileSync(path.join(fixture, 'fixture.json'), `${JSON.stringify(record, null, 2)}\n`);
    console.log(`wrote ${path.relative(root, out)} (${readdirSync(out).length} entries) and test/fixtures/cdk/fixture.json`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
