/**
 * Log in to the registry, build the image, check it (the preflight's image half: its platform, and for Lambda its
 * runtime interface client, read with `image inspect` before anything is pushed), push it. The registry password
 * goes to the container CLI on stdin, into a temporary DOCKER_CONFIG / REGISTRY_AUTH_FILE that is deleted
 * afterwards, also on failure and cancel.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetAuthorizationTokenCommand } from '@aws-sdk/client-ecr';
import type { ContainerCliName } from '../../core/config/targets';
import { decodeAuthorizationToken, digestFromPushOutput, imageRef, isDigest, parseImageInspect, registryHostOf } from '../../core/deploy/image';
import { checkImage, checkRuntimeClient, type PreflightCheck } from '../../core/deploy/preflight';
import { readTextIfExists } from '../../io/read';
import { Stop, type DeployRun } from '../run';
import { childEnv, detectContainerCli } from '../runner';
import { conclude, wantedPlatform } from './preflight';

/** Login, build and push, with the temporary credentials folder around them. Sets result.image and result.digest. */
export async function buildAndPush(run: DeployRun): Promise<void> {
  const { target, options } = run;
  const cli = detectContainerCli(run.env, options.containerCli ?? target.containerCli);
  if (!cli) throw new Stop('failed', `No container CLI found${target.containerCli ? ` (${target.containerCli} was asked for)` : ''}: install docker, podman or finch, or set containerCli in the target. Nothing was pushed.`);
  const authDir = mkdtempSync(join(tmpdir(), 'berth-auth-'));
  try {
    const env = childEnv(run.env, { DOCKER_CONFIG: authDir, REGISTRY_AUTH_FILE: join(authDir, 'auth.json') });
    writeFileSync(join(authDir, 'config.json'), '{}\n', { mode: 0o600 });
    const session: Session = { cli, env, authDir };
    await login(run, session);
    await build(run, session);
    await inspect(run, session);
    await push(run, session);
  } finally {
    rmSync(authDir, { recursive: true, force: true });
  }
}

interface Session {
  readonly cli: ContainerCliName;
  /** The child environment, pointing at the temporary credentials. */
  readonly env: NodeJS.ProcessEnv;
  readonly authDir: string;
}

async function login(run: DeployRun, { cli, env }: Session): Promise<void> {
  const { options, state } = run;
  await run.step('login', async (rec) => {
    const repository = state.repository;
    const token = await run.send<{ authorizationData?: { authorizationToken?: string; proxyEndpoint?: string }[] }>(
      run.clients.ecr,
      new GetAuthorizationTokenCommand(repository?.registryId ? { registryIds: [repository.registryId] } : {}),
    );
    const data = token.authorizationData?.[0];
    const creds = data?.authorizationToken ? decodeAuthorizationToken(data.authorizationToken) : undefined;
    if (!creds) throw new Stop('failed', 'ECR returned no usable authorization token. Nothing was pushed.');
    const host = options.registryHost ?? registryHostOf(data!.proxyEndpoint ?? repository?.repositoryUri?.split('/')[0] ?? '');
    state.registryHost = host;
    const res = await run.runner.run(cli, ['login', ...tlsArgs(cli, host), '--username', creds.user, '--password-stdin', host], {
      env,
      input: `${creds.password}\n`,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (res.aborted) throw new Stop('cancelled', 'Cancelled during the registry login. Nothing was pushed.');
    if (res.code !== 0) throw new Stop('failed', `${cli} login to ${host} failed: ${lastLines(res.stderr || res.stdout)} Nothing was pushed.`);
    rec.message = `Logged in to ${host} with ${cli} (temporary credentials file).`;
  });
}

async function build(run: DeployRun, { cli, env }: Session): Promise<void> {
  const { target, options, state } = run;
  const ref = imageRef(state.registryHost ?? '', target.ecrRepository!, state.tag!);
  run.result.image = ref;
  await run.step('build', async (rec) => {
    const args = ['build', '--platform', state.platform, '-f', run.path(target.dockerfile), '-t', ref];
    for (const [k, v] of Object.entries(target.buildArgs)) args.push('--build-arg', `${k}=${v}`);
    args.push(run.path(target.context));
    const res = await run.runner.run(cli, args, { env, cwd: options.workspace, onLine: (line) => run.log(line), ...(options.signal ? { signal: options.signal } : {}) });
    if (res.aborted) throw new Stop('cancelled', 'Cancelled during the build. Nothing was pushed.');
    if (res.code !== 0) throw new Stop('failed', `The image build failed (${cli} exit ${res.code}): ${lastLines(res.stderr || res.stdout)} Nothing was pushed.`);
    rec.message = `Built ${ref} for ${state.platform}.`;
  });
}

/** The built image against where it must run; a failure stops before the push. */
async function inspect(run: DeployRun, { cli, env }: Session): Promise<void> {
  const { options, state, result: r } = run;
  await run.step('inspect', async (rec) => {
    const signal = options.signal ? { signal: options.signal } : {};
    const res = await run.runner.run(cli, ['image', 'inspect', r.image!], { env, ...signal });
    if (res.aborted) throw new Stop('cancelled', 'Cancelled after the build. Nothing was pushed.');
    state.image = res.code === 0 ? parseImageInspect(res.stdout) : undefined;
    const wanted = wantedPlatform(run);
    const checks: PreflightCheck[] = [checkImage(state.image, state.platform, wanted)];
    if (run.kind === 'lambda' && run.mode === 'deploy') {
      let runtime = checkRuntimeClient(state.image, state.lambda ?? {});
      if (runtime.status === 'warning' && state.image) {
        // The build history may show the runtime interface client being installed (pip, npm, …).
        const history = await run.runner.run(cli, ['image', 'history', '--no-trunc', '--format', '{{.CreatedBy}}', r.image!], { env, ...signal });
        if (history.code === 0) state.image = { ...state.image, history: history.stdout.split('\n').filter(Boolean) };
        runtime = checkRuntimeClient(state.image, state.lambda ?? {});
      }
      checks.push(runtime);
    }
    for (const c of checks) run.emitCheck(c);
    r.preflight = [...(r.preflight ?? []), ...checks];
    await conclude(run, checks, (message) => (rec.message = message));
    if (checks.every((c) => c.status === 'passed')) rec.message = checks.map((c) => c.message).join(' ');
  });
}

async function push(run: DeployRun, { cli, env, authDir }: Session): Promise<void> {
  const { target, options, state, result: r } = run;
  const ref = r.image!;
  await run.step('push', async (rec) => {
    const digestFile = join(authDir, 'digest');
    const args = cli === 'podman' ? ['push', ...tlsArgs(cli, state.registryHost ?? ''), '--digestfile', digestFile, ref] : ['push', ref];
    const res = await run.runner.run(cli, args, { env, onLine: (line) => run.log(line), ...(options.signal ? { signal: options.signal } : {}) });
    if (res.aborted) throw new Stop('cancelled', `Cancelled during the push of ${ref}: the image may be partly uploaded; nothing was registered and the service was not changed.`);
    if (res.code !== 0) {
      const out = `${res.stderr}\n${res.stdout}`;
      const why = /already exists|tag invalid|immutable/i.test(out)
        ? `the tag ${state.tag} already exists in the immutable repository ${target.ecrRepository}.`
        : /denied|unauthorized|forbidden|403/i.test(out)
          ? `the registry denied the push (${lastLines(out)}). Check ecr:InitiateLayerUpload, ecr:UploadLayerPart, ecr:CompleteLayerUpload, ecr:PutImage and ecr:BatchCheckLayerAvailability on the repository.`
          : lastLines(out);
      throw new Stop('failed', `Pushing ${ref} failed: ${why} Nothing was registered and the service was not changed.`);
    }
    let digest = cli === 'podman' ? readTextIfExists(digestFile)?.trim() : undefined;
    digest ??= digestFromPushOutput(`${res.stdout}\n${res.stderr}`);
    if (!digest || !isDigest(digest)) throw new Stop('failed', `Pushed ${ref}, but its digest could not be read from ${cli}'s output. Nothing was registered.`);
    r.digest = digest;
    run.did(`Pushed ${ref} (${digest}).`);
    rec.message = `Pushed ${ref}; digest ${digest}.`;
  });
}

function tlsArgs(cli: ContainerCliName, host: string): string[] {
  // podman refuses plain HTTP even on loopback; docker and finch allow it for 127.0.0.0/8 and localhost.
  return cli === 'podman' && /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(host) ? ['--tls-verify=false'] : [];
}

function lastLines(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.slice(-3).join(' / ') || '(no output)';
}
