/**
 * dist/cli.js runs the CLI bundle through V8's code cache (server/src/cli/launch.ts): the cache file is written by
 * a run that had none, reused by the next, replaced when V8 rejects it, and never changes what `berth` prints.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildCli, fixture, ROOT, runCli } from './cliHarness';

const folder = fixture('project');
let root: string;

before(async () => {
  await buildCli();
  root = mkdtempSync(join(tmpdir(), 'berth-compile-cache-'));
});

after(() => rmSync(root, { recursive: true, force: true }));

function lintWith(cache: string) {
  return runCli(['lint', '--format', 'json'], folder, { env: { ...process.env, BERTH_COMPILE_CACHE: cache } });
}

const cacheFiles = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.bin'));

describe('berth: the code cache of the CLI bundle', () => {
  it('a first run writes one cache file, the next reuses it as it is, and both print the same findings', () => {
    const dir = join(root, 'reuse');
    const first = lintWith(dir);
    const files = cacheFiles(dir);
    assert.equal(files.length, 1);
    assert.match(files[0]!, /^cli-[0-9a-f]{16}-[0-9a-f]{16}\.bin$/);
    const written = statSync(join(dir, files[0]!)).mtimeMs;
    const second = lintWith(dir);
    assert.deepEqual(cacheFiles(dir), files);
    assert.equal(statSync(join(dir, files[0]!)).mtimeMs, written);
    assert.equal(second.code, first.code);
    assert.equal(second.stdout, first.stdout);
    assert.ok((JSON.parse(first.stdout) as { findings: unknown[] }).findings.length > 0);
  });

  it('a cache file V8 rejects (here: garbage) is replaced, and the run is not affected', () => {
    const dir = join(root, 'garbage');
    const expected = lintWith(dir);
    const [file] = cacheFiles(dir);
    writeFileSync(join(dir, file!), 'not a code cache');
    const r = lintWith(dir);
    assert.equal(r.stdout, expected.stdout);
    assert.equal(r.stderr, '');
    assert.ok(readFileSync(join(dir, file!)).length > 1000, 'the rejected file is written anew');
  });

  it('a bundle replaced by another of the same length and time (an npm upgrade) does not run the old one\'s cached code', () => {
    const dir = join(root, 'upgrade');
    const bin = join(root, 'upgrade-bin');
    mkdirSync(bin);
    copyFileSync(join(ROOT, 'dist/cli.js'), join(bin, 'cli.js'));
    const main = join(bin, 'cli-main.js');
    copyFileSync(join(ROOT, 'dist/cli-main.js'), main);
    // npm gives every file it installs this time.
    const npmTime = new Date('1985-10-26T08:15:00Z');
    utimesSync(main, npmTime, npmTime);
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const run = () => spawnSync(process.execPath, [join(bin, 'cli.js'), '--version'], { encoding: 'utf8', env: { ...process.env, BERTH_COMPILE_CACHE: dir } }).stdout.trim();
    assert.equal(run(), version);
    assert.equal(cacheFiles(dir).length, 1);
    const other = version.replace(/\d/g, '9');
    const text = readFileSync(main, 'utf8');
    assert.ok(text.includes(`"${version}"`));
    writeFileSync(main, text.replaceAll(`"${version}"`, `"${other}"`));
    utimesSync(main, npmTime, npmTime);
    assert.equal(statSync(main).size, Buffer.byteLength(text));
    assert.equal(run(), other);
  });

  it('BERTH_COMPILE_CACHE=off writes nothing; a folder that cannot be made only means no cache', () => {
    const expected = lintWith(join(root, 'expected'));
    const cwdBefore = readdirSync(folder);
    assert.equal(lintWith('off').stdout, expected.stdout);
    assert.deepEqual(readdirSync(folder), cwdBefore);
    const blocked = join(root, 'a-file');
    writeFileSync(blocked, '');
    const r = lintWith(join(blocked, 'cache'));
    assert.equal(r.stdout, expected.stdout);
    assert.equal(r.stderr, '');
  });
});
