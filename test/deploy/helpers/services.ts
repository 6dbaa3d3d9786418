/**
 * Real local services for the deploy integration tests, all on 127.0.0.1: moto (AWS APIs), Debian's
 * docker-registry with htpasswd auth (a stand-in for ECR), and `podman system service` (the Docker API for the
 * plain docker CLI). Each is started on a free port, awaited with a bounded readiness poll, and killed by its
 * pid in close(). Their output is kept, so the secrets test can grep it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Service {
  readonly url: string;
  readonly port: number;
  /** Everything the process printed. */
  log(): string;
  close(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Polls `probe` every 100 ms, at most `attempts` times. */
export async function waitFor(what: string, probe: () => Promise<boolean>, attempts = 150, child?: ChildProcess, log?: () => string): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    if (child && child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}:\n${log?.() ?? ''}`);
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} was not ready after ${attempts * 100} ms:\n${log?.() ?? ''}`);
}

function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): { child: ChildProcess; log: () => string; close: () => Promise<void> } {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (output += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (output += c));
  child.on('error', (e) => (output += `spawn error: ${e.message}\n`));
  const close = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  return { child, log: () => output, close };
}

/** Fails (never skips) when moto is not importable. */
export function requireMoto(): void {
  const check = spawnSync('python3', ['-c', 'import moto'], { encoding: 'utf8' });
  if (check.status !== 0) {
    throw new Error(
      `moto is missing: "python3 -c 'import moto'" failed (${(check.stderr || check.error?.message || '').trim()}). The deploy integration tests need moto (with Flask) in this machine's python3; see shared recipes section 4. Failing instead of skipping.`,
    );
  }
}

export async function startMoto(): Promise<Service & { reset(): Promise<void> }> {
  requireMoto();
  const port = await freePort();
  const p = startProcess('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)]);
  const url = `http://127.0.0.1:${port}`;
  await waitFor('moto', async () => (await fetch(`${url}/moto-api/`)).status < 500, 150, p.child, p.log);
  return {
    url,
    port,
    log: p.log,
    close: p.close,
    reset: async () => {
      const res = await fetch(`${url}/moto-api/reset`, { method: 'POST' });
      if (!res.ok) throw new Error(`moto reset: HTTP ${res.status}`);
    },
  };
}

/** docker-registry on 127.0.0.1 with one htpasswd user. */
export async function startRegistry(user: string, password: string): Promise<Service & { dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'berth-registry-'));
  const port = await freePort();
  const htpasswd = spawnSync('htpasswd', ['-Bbn', user, password], { encoding: 'utf8' });
  if (htpasswd.status !== 0) throw new Error(`htpasswd failed: ${htpasswd.stderr}`);
  writeFileSync(join(dir, 'htpasswd'), htpasswd.stdout);
  mkdirSync(join(dir, 'data'));
  writeFileSync(
    join(dir, 'config.yml'),
    `version: 0.1\nlog:\n  level: info\nstorage:\n  filesystem:\n    rootdirectory: ${join(dir, 'data')}\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:${port}\nauth:\n  htpasswd:\n    realm: berth-test\n    path: ${join(dir, 'htpasswd')}\n`,
  );
  const p = startProcess('docker-registry', ['serve', join(dir, 'config.yml')]);
  const url = `http://127.0.0.1:${port}`;
  await waitFor('docker-registry', async () => (await fetch(`${url}/v2/`)).status === 401, 150, p.child, p.log);
  return {
    url,
    port,
    dir,
    log: p.log,
    close: async () => {
      await p.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Isolated container storage (vfs, chroot isolation) in a temp dir: the environment for podman/buildah. */
export function containerStorage(insecureRegistry: string): { env: Record<string, string>; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'berth-storage-'));
  writeFileSync(join(dir, 'storage.conf'), `[storage]\ndriver = "vfs"\ngraphroot = "${join(dir, 'graph')}"\nrunroot = "${join(dir, 'run')}"\n`);
  writeFileSync(join(dir, 'registries.conf'), `[[registry]]\nlocation = "${insecureRegistry}"\ninsecure = true\n`);
  return {
    env: { CONTAINERS_STORAGE_CONF: join(dir, 'storage.conf'), CONTAINERS_REGISTRIES_CONF: join(dir, 'registries.conf'), BUILDAH_ISOLATION: 'chroot', STORAGE_DRIVER: 'vfs' },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** `podman system service` on a unix socket: DOCKER_HOST for the docker CLI. */
export async function startPodmanService(env: Record<string, string>): Promise<Service & { dockerHost: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'berth-podman-'));
  const socket = join(dir, 'podman.sock');
  const p = startProcess('podman', ['system', 'service', '--time=0', `unix://${socket}`], { ...process.env, ...env });
  const dockerHost = `unix://${socket}`;
  await waitFor('podman system service', async () => spawnSync('docker', ['version', '--format', '{{.Server.Version}}'], { env: { ...process.env, DOCKER_HOST: dockerHost }, encoding: 'utf8', timeout: 5000 }).status === 0, 100, p.child, p.log);
  return {
    url: dockerHost,
    port: 0,
    dockerHost,
    log: p.log,
    close: async () => {
      await p.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The manifest digest of repo:tag, read from the registry API (Docker-Content-Digest). */
export async function manifestDigest(registryUrl: string, user: string, password: string, repository: string, reference: string): Promise<string | undefined> {
  const res = await fetch(`${registryUrl}/v2/${repository}/manifests/${reference}`, {
    method: 'HEAD',
    headers: {
      authorization: `Basic ${btoa(`${user}:${password}`)}`,
      accept: 'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.index.v1+json',
    },
  });
  return res.ok ? (res.headers.get('docker-content-digest') ?? undefined) : undefined;
}

/** The image configuration (os, architecture, config) of repo@reference, read from the registry: manifest, then its config blob. */
export async function registryImageConfig(registryUrl: string, user: string, password: string, repository: string, reference: string): Promise<{ os?: string; architecture?: string; config?: Record<string, unknown> }> {
  const authorization = `Basic ${btoa(`${user}:${password}`)}`;
  const manifest = await fetch(`${registryUrl}/v2/${repository}/manifests/${reference}`, {
    headers: { authorization, accept: 'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json' },
  });
  if (!manifest.ok) throw new Error(`manifest ${repository}@${reference}: HTTP ${manifest.status}`);
  const { config } = (await manifest.json()) as { config: { digest: string } };
  const blob = await fetch(`${registryUrl}/v2/${repository}/blobs/${config.digest}`, { headers: { authorization } });
  if (!blob.ok) throw new Error(`config blob ${config.digest}: HTTP ${blob.status}`);
  return (await blob.json()) as { os?: string; architecture?: string; config?: Record<string, unknown> };
}
