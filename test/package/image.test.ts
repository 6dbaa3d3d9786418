/**
 * The container image (Dockerfile at the root) built with buildah as CI would, and run where this machine
 * allows: `buildah run` with chroot isolation executes the image's own files as its user, with the project
 * mounted at /work, which is what `docker run --rm -v "$PWD:/work" berth` does (podman/crun cannot run
 * containers here).
 *
 * The Dockerfile starts FROM node:20-slim pinned by digest, and no registry but npm's is reachable from
 * tests. So the build replaces that base (`--from`) with a local stand-in assembled from this machine's
 * files: the same node binary and npm, /bin/sh, rm, env and the libraries node needs, and a `node` user with
 * uid 1000 as in the official image. Everything after FROM is the shipped Dockerfile, unchanged.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../cli/cliHarness';
import { containerStorage } from '../deploy/helpers/services';
import { packCli } from './packedCli';

const IMAGE = 'localhost/berth:test';
const BASE = 'localhost/berth-test-node:20';

let storage: ReturnType<typeof containerStorage>;
let work: string;

function buildah(args: readonly string[]) {
  const r = spawnSync('buildah', args, { env: { ...process.env, ...storage.env }, encoding: 'utf8', timeout: 300_000 });
  if (r.error) throw r.error;
  return r;
}

function imageConfig(): { User: string; WorkingDir: string; Entrypoint: string[]; Cmd: string[] } {
  return (JSON.parse(must(['inspect', '--type', 'image', IMAGE])) as { OCIv1: { config: ReturnType<typeof imageConfig> } }).OCIv1.config;
}

function must(args: readonly string[]): string {
  const r = buildah(args);
  assert.equal(r.status, 0, `buildah ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout.trim();
}

/** A root filesystem that stands in for node:20-slim: this machine's node and npm where the image keeps them. */
function baseRootfs(dir: string): void {
  const node = realpathSync(process.execPath);
  const npm = join(dirname(realpathSync(spawnSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).stdout.trim())), '..');
  const put = (from: string, to: string) => {
    mkdirSync(dirname(join(dir, to)), { recursive: true });
    copyFileSync(from, join(dir, to));
  };
  put(node, 'usr/local/bin/node');
  cpSync(npm, join(dir, 'usr/local/lib/node_modules/npm'), { recursive: true, dereference: true });
  symlinkSync('../lib/node_modules/npm/bin/npm-cli.js', join(dir, 'usr/local/bin/npm'));
  put('/bin/sh', 'bin/sh');
  put('/bin/rm', 'bin/rm');
  put('/usr/bin/env', 'usr/bin/env'); // npm's and berth's #! lines
  // The shared libraries node and the tools load, at the paths the loader looks for them.
  const ldd = spawnSync('ldd', [node, '/bin/sh', '/bin/rm', '/usr/bin/env'], { encoding: 'utf8' }).stdout;
  for (const lib of new Set([...ldd.matchAll(/(\/\S+\.so[.\d]*) \(0x/g)].map((m) => m[1]!))) put(realpathSync(lib), lib.slice(1));
  mkdirSync(join(dir, 'etc'));
  writeFileSync(join(dir, 'etc/passwd'), 'root:x:0:0:root:/root:/bin/sh\nnode:x:1000:1000::/home/node:/bin/sh\n');
  writeFileSync(join(dir, 'etc/group'), 'root:x:0:\nnode:x:1000:\n');
  for (const d of ['tmp', 'root', 'home/node']) mkdirSync(join(dir, d), { recursive: true });
  chmodSync(join(dir, 'tmp'), 0o1777);
  spawnSync('chown', ['1000:1000', join(dir, 'home/node')]);
}

before(async () => {
  storage = containerStorage('localhost:1');
  work = mkdtempSync(join(tmpdir(), 'berth-image-'));
  // The stand-in base image.
  baseRootfs(join(work, 'base', 'rootfs'));
  writeFileSync(join(work, 'base', 'Containerfile'), 'FROM scratch\nCOPY rootfs/ /\nENV PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin\n');
  must(['build', '--storage-driver', 'vfs', '--isolation', 'chroot', '-q', '-t', BASE, join(work, 'base')]);
  // The build context users have: the packed CLI beside the Dockerfile and .dockerignore.
  const context = join(work, 'context');
  mkdirSync(context);
  await packCli(context);
  copyFileSync(join(ROOT, '.dockerignore'), join(context, '.dockerignore'));
  writeFileSync(join(context, 'notes.txt'), 'not for the image\n');
  must(['build', '--storage-driver', 'vfs', '--isolation', 'chroot', '--pull=never', '--from', BASE, '-f', join(ROOT, 'Dockerfile'), '-t', IMAGE, context]);
});

after(() => {
  storage?.cleanup();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the container image', () => {
  it('Berth lints its own Dockerfile with no findings, and the base is node:20-slim pinned by digest', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'lint', 'Dockerfile'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.stdout, 'No problems in 1 file.\n');
    assert.equal(r.status, 0);
    assert.match(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'), /^FROM node:20-slim@sha256:[0-9a-f]{64}$/m);
  });

  it('runs berth as the non-root user node, in /work, with `lint` as the default command', () => {
    const config = imageConfig();
    assert.equal(config.User, 'node');
    assert.equal(config.WorkingDir, '/work');
    assert.deepEqual(config.Entrypoint, ['berth']);
    assert.deepEqual(config.Cmd, ['lint']);
  });

  it('holds the installed CLI, and neither the tarball nor the rest of the build context', () => {
    const container = must(['from', '--pull-never', IMAGE]);
    try {
      const root = must(['mount', container]);
      assert.equal(spawnSync('readlink', [join(root, 'usr/local/bin/berth')], { encoding: 'utf8' }).stdout.trim(), '../lib/node_modules/berth/dist/cli.js');
      assert.deepEqual(spawnSync('ls', ['-A', join(root, 'tmp')], { encoding: 'utf8' }).stdout, '');
      assert.equal(spawnSync('sh', ['-c', `find "${root}" -name notes.txt -o -name '*.tgz' | head -1`], { encoding: 'utf8' }).stdout, '');
    } finally {
      buildah(['rm', container]);
    }
  });

  it('`docker run --rm -v "$PWD:/work" berth` lints the mounted project as the repository build does', () => {
    const project = join(work, 'project');
    cpSync(join(ROOT, 'examples'), project, { recursive: true });
    spawnSync('chmod', ['-R', 'a+rX', project]);
    const container = must(['from', '--pull-never', IMAGE]);
    try {
      const run = (args: readonly string[]) => buildah(['run', '--isolation', 'chroot', '--volume', `${project}:/work`, container, '--', ...args]);
      const { Entrypoint, Cmd } = imageConfig();
      const lint = run([...Entrypoint, ...Cmd]); // what the runtime starts when given no arguments
      const expected = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'lint'], { cwd: project, encoding: 'utf8' });
      assert.equal(expected.status, 1);
      assert.notEqual(lint.status, 0, 'the examples hold errors: berth exits 1');
      assert.equal(lint.stdout, expected.stdout);
      assert.match(lint.stdout, /^api\/task-definition\.json:6:13: error: Fargate does not offer 4096 MiB/m);
      const version = run([...Entrypoint, '--version']);
      assert.equal(version.status, 0, version.stderr);
      assert.equal(version.stdout, `${(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version}\n`);
      const uid = run(['node', '-p', 'process.getuid()']);
      assert.equal(uid.stdout, '1000\n');
      // Bad input: the CLI's messages and exit codes come through the container.
      const missing = run([...Entrypoint, 'lint', 'no/such.json']);
      assert.match(missing.stderr, /^berth: no files matched "no\/such\.json"$/m);
      assert.match(missing.stderr, /exit status 2/, 'buildah reports the exit code berth gave');
      const option = run([...Entrypoint, 'lint', '--frobnicate']);
      assert.match(option.stderr, /^berth: unknown option "--frobnicate"$/m);
      assert.notEqual(option.status, 0);
    } finally {
      buildah(['rm', container]);
    }
  });
});
