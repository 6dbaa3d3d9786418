/**
 * Deploy integration on loopback: moto for ECR/ECS/STS (through the standard AWS_ENDPOINT_URL variable), a real
 * image built by podman (vfs, chroot) and pushed to Debian's docker-registry with htpasswd auth whose user and
 * password are the ones moto's ECR token decodes to; the digest is read back from the registry API and compared
 * with the registered task definition. The docker CLI path goes through `podman system service`.
 * If moto is missing the suite fails with a clear message; it never skips.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { CreateRepositoryCommand, DescribeRepositoriesCommand, ECRClient, GetAuthorizationTokenCommand } from '@aws-sdk/client-ecr';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateAliasCommand, CreateFunctionCommand, GetAliasCommand, GetFunctionCommand, LambdaClient, PublishVersionCommand } from '@aws-sdk/client-lambda';
import { CreateClusterCommand, CreateServiceCommand, DescribeServicesCommand, DescribeTaskDefinitionCommand, ECSClient, ListTaskDefinitionsCommand, RegisterTaskDefinitionCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { decodeAuthorizationToken } from '../../server/src/core/deploy/image';
import { deploy, listResources, saveTarget, loadTarget, type DeployOptions, type DeployResult, type ProgressEvent } from '../../server/src/deploy/main';
import { spawnRunner, type ProcessRunner } from '../../server/src/deploy/runner';
import { containerStorage, manifestDigest, registryImageConfig, requireMoto, startMoto, startPodmanService, startRegistry } from './helpers/services';
import { makeWorkspace, SECRET_KEY, TASK_DEFINITION, useAwsEnv } from './helpers/workspace';

requireMoto();

let moto: Awaited<ReturnType<typeof startMoto>>;
let registry: Awaited<ReturnType<typeof startRegistry>>;
let storage: ReturnType<typeof containerStorage>;
let restoreEnv: () => void;
let registryUser = '';
let registryPassword = '';
const spawned: { command: string; args: readonly string[] }[] = [];
const progress: ProgressEvent[] = [];
const results: DeployResult[] = [];

const recordingRunner: ProcessRunner = {
  run(command, args, options) {
    spawned.push({ command, args: [...args] });
    return spawnRunner.run(command, args, options);
  },
};

const ecs = (): ECSClient => new ECSClient({});
const ecr = (): ECRClient => new ECRClient({});

before(async () => {
  moto = await startMoto();
  restoreEnv = useAwsEnv({ AWS_ENDPOINT_URL: moto.url, AWS_REGION: 'us-east-1' });
  const token = await ecr().send(new GetAuthorizationTokenCommand({}));
  const creds = decodeAuthorizationToken(token.authorizationData![0]!.authorizationToken!)!;
  registryUser = creds.user;
  registryPassword = creds.password;
  registry = await startRegistry(registryUser, registryPassword);
  storage = containerStorage(`localhost:${registry.port}`);
});

after(async () => {
  await registry?.close();
  await moto?.close();
  storage?.cleanup();
  restoreEnv?.();
});

let ws: ReturnType<typeof makeWorkspace>;
beforeEach(async () => {
  await moto.reset();
  ws = makeWorkspace({ region: 'us-east-1' });
  // The live service: cluster prod, service web on web:1.
  await ecs().send(new CreateClusterCommand({ clusterName: 'prod' }));
  await ecs().send(new RegisterTaskDefinitionCommand(TASK_DEFINITION as never));
  await ecs().send(new CreateServiceCommand({ cluster: 'prod', serviceName: 'web', taskDefinition: 'web', desiredCount: 1 }));
});
afterEach(() => ws.cleanup());

function options(extra: Partial<DeployOptions> = {}): DeployOptions {
  return {
    workspace: ws.dir,
    registryHost: `localhost:${registry.port}`,
    containerCli: 'podman',
    runner: recordingRunner,
    env: { ...process.env, ...storage.env },
    wait: false,
    confirm: async (q) => q.kind === 'create-repository',
    onProgress: (e) => progress.push(e),
    ...extra,
  };
}

async function run(extra: Partial<DeployOptions> = {}): Promise<DeployResult> {
  const r = await deploy('web', options(extra));
  results.push(r);
  return r;
}

describe('moto: the AWS side', () => {
  test('typed errors and the token, as the engine sees them', async () => {
    await assert.rejects(ecr().send(new DescribeRepositoriesCommand({ repositoryNames: ['nope'] })), { name: 'RepositoryNotFoundException' });
    await assert.rejects(ecs().send(new UpdateServiceCommand({ cluster: 'nope', service: 'web', taskDefinition: 'web:1' })), { name: 'ClusterNotFoundException' });
    await assert.rejects(ecs().send(new UpdateServiceCommand({ cluster: 'prod', service: 'nope', taskDefinition: 'web:1' })), { name: 'ServiceNotFoundException' });
    await assert.rejects(ecs().send(new RegisterTaskDefinitionCommand({ family: 'bad', containerDefinitions: [{ name: 'a', image: 'x' }] })), {
      name: 'ClientException',
      message: /At least one of 'memory' or 'memoryReservation' must be specified/,
    });
    assert.equal(registryUser, 'AWS');
    assert.match(registryPassword, /^\d{12}-auth-token$/);
  });

  test('the choices of a first deploy list the real clusters, services and repositories; a saved target loads back', async () => {
    await ecr().send(new CreateRepositoryCommand({ repositoryName: 'team/api' }));
    const choices = await listResources({});
    assert.deepEqual({ ...choices }, { account: '123456789012', region: 'us-east-1', clusters: ['prod'], services: { prod: ['web'] }, repositories: ['team/api'] });
    const target = { ...loadTarget(ws.dir, 'web'), name: 'api', ecrRepository: 'team/api' };
    saveTarget(ws.dir, target);
    assert.deepEqual(loadTarget(ws.dir, 'api'), target);
    assert.equal(loadTarget(ws.dir, 'web').ecrRepository, 'web');
  });

  test('dry run against moto: reads only; the repository is not created', async () => {
    const r = await run({ dryRun: true });
    assert.equal(r.outcome, 'planned', r.message);
    assert.match(r.steps.find((s) => s.id === 'repository')!.message, /does not exist; a deploy would offer to create it/);
    await assert.rejects(ecr().send(new DescribeRepositoriesCommand({ repositoryNames: ['web'] })), { name: 'RepositoryNotFoundException' });
    assert.equal((await ecs().send(new ListTaskDefinitionsCommand({}))).taskDefinitionArns!.length, 1);
  });

  test('service missing in moto: stops before the build with a clear message', async () => {
    ws.cleanup();
    ws = makeWorkspace({ region: 'us-east-1', service: 'api' });
    const before = spawned.length;
    const r = await run();
    assert.equal(r.outcome, 'failed');
    assert.equal(r.message, 'The service "api" was not found in cluster "prod" (MISSING). Nothing was done.');
    assert.deepEqual(spawned.slice(before).filter((s) => s.command !== 'git'), []);
  });
});

describe('the real image path: podman → docker-registry, moto for AWS', () => {
  test('creates the repository, builds, pushes, registers web:2 with the pushed digest, updates the service; again → web:3', async () => {
    const r = await run();
    assert.equal(r.outcome, 'not-watched', `${r.message}\n${progress.map((e) => e.message).join('\n')}`);
    // repository created as asked: IMMUTABLE, scan on push
    const repo = (await ecr().send(new DescribeRepositoriesCommand({ repositoryNames: ['web'] }))).repositories![0]!;
    assert.equal(repo.imageTagMutability, 'IMMUTABLE');
    assert.equal(repo.imageScanningConfiguration?.scanOnPush, true);
    // the digest in the registry is the one in the registered task definition
    const tag = r.image!.split(':').at(-1)!;
    const digest = await manifestDigest(registry.url, registryUser, registryPassword, 'web', tag);
    assert.match(digest ?? '', /^sha256:[0-9a-f]{64}$/);
    assert.equal(r.digest, digest);
    const td = (await ecs().send(new DescribeTaskDefinitionCommand({ taskDefinition: r.taskDefinitionArn! }))).taskDefinition!;
    assert.equal(td.revision, 2);
    assert.equal(td.containerDefinitions![0]!.image, `localhost:${registry.port}/web@${digest}`);
    assert.deepEqual(td.containerDefinitions![0]!.environment, [{ name: 'EMPTY', value: '' }]);
    const svc = (await ecs().send(new DescribeServicesCommand({ cluster: 'prod', services: ['web'] }))).services![0]!;
    assert.equal(svc.taskDefinition, r.taskDefinitionArn);
    assert.match(r.previousTaskDefinitionArn!, /task-definition\/web:1$/);
    // podman got the platform from runtimePlatform (ARM64)
    const build = spawned.filter((s) => s.command === 'podman' && s.args[0] === 'build').at(-1)!;
    assert.deepEqual(build.args.slice(0, 3), ['build', '--platform', 'linux/arm64']);
    // the preflight read the built image before the push; the registry's copy of its configuration agrees
    const pushedConfig = await registryImageConfig(registry.url, registryUser, registryPassword, 'web', digest!);
    assert.equal(`${pushedConfig.os}/${pushedConfig.architecture}`, 'linux/arm64');
    assert.deepEqual(r.preflight!.find((c) => c.id === 'image'), { id: 'image', title: "Built image's architecture", status: 'passed', message: "The image is linux/arm64, as the task definition's runtimePlatform needs." });

    // a second deploy: a new revision, the old ones left registered
    const again = await run({ now: () => new Date(Date.now() + 61_000) });
    assert.equal(again.outcome, 'not-watched', again.message);
    assert.match(again.taskDefinitionArn!, /task-definition\/web:3$/);
    assert.equal((await ecs().send(new ListTaskDefinitionsCommand({ familyPrefix: 'web', status: 'ACTIVE' }))).taskDefinitionArns!.length, 3);
    const history = JSON.parse(readFileSync(join(ws.dir, '.berth', 'deploy-history.json'), 'utf8'));
    assert.deepEqual(
      history.targets.web.map((e: { taskDefinitionArn: string }) => e.taskDefinitionArn.split('/').at(-1)),
      ['web:2', 'web:3'],
    );
  });

  test('the docker CLI path through podman system service (image only)', async () => {
    const service = await startPodmanService(storage.env);
    try {
      const r = await run({ mode: 'image', containerCli: 'docker', env: { ...process.env, ...storage.env, DOCKER_HOST: service.dockerHost } });
      assert.equal(r.outcome, 'pushed', `${r.message}\n${progress.slice(-10).map((e) => e.message).join('\n')}`);
      const digest = await manifestDigest(registry.url, registryUser, registryPassword, 'web', r.image!.split(':').at(-1)!);
      assert.equal(r.digest, digest);
      const login = spawned.filter((s) => s.command === 'docker' && s.args[0] === 'login').at(-1)!;
      assert.deepEqual(login.args, ['login', '--username', 'AWS', '--password-stdin', `localhost:${registry.port}`]);
    } finally {
      await service.close();
    }
  });
});

describe('moto rejects the registration', () => {
  test('register rejected (ClientException from moto): pushed, not registered, service still on web:1', async () => {
    ws.cleanup();
    ws = makeWorkspace({ region: 'us-east-1' }, { family: 'web', containerDefinitions: [{ name: 'app', image: 'placeholder' }] });
    writeFileSync(join(ws.dir, 'hello.txt'), 'content no earlier build cached\n'); // see "podman's layer cache" below
    const asked: string[] = [];
    // Berth's own lint finds the missing memory first; "deploy anyway" lets the API have its say.
    const r = await run({ now: () => new Date(Date.now() + 122_000), confirm: async (q) => (asked.push(q.kind), true) });
    assert.deepEqual(asked, ['lint-errors', 'create-repository']);
    assert.equal(r.outcome, 'failed', r.message);
    assert.match(r.message, /^ClientException: Invalid setting for container 'app'\. At least one of 'memory' or 'memoryReservation' must be specified\.$/);
    assert.deepEqual(r.done.map((d) => d.split(' ')[0]), ['Created', 'Pushed']);
    const svc = (await ecs().send(new DescribeServicesCommand({ cluster: 'prod', services: ['web'] }))).services![0]!;
    assert.match(svc.taskDefinition!, /task-definition\/web:1$/);
    assert.equal((await ecs().send(new ListTaskDefinitionsCommand({}))).taskDefinitionArns!.length, 1);
  });
});

describe("the preflight reads the real built image: podman's layer cache", () => {
  test('the same files built for arm64 and then for amd64: the verdict matches what podman really built, and a mismatch is never pushed', async (t) => {
    ws.cleanup();
    ws = makeWorkspace({ region: 'us-east-1' });
    writeFileSync(join(ws.dir, 'hello.txt'), `cache probe ${Date.now()}\n`);
    const first = await run({ now: () => new Date(Date.now() + 183_000) });
    assert.equal(first.outcome, 'not-watched', first.message);
    assert.equal(first.preflight!.find((c) => c.id === 'image')!.message, "The image is linux/arm64, as the task definition's runtimePlatform needs.");
    // Now the task runs on X86_64; the files are unchanged, so podman may answer from its cache.
    writeFileSync(join(ws.dir, 'td.json'), JSON.stringify({ ...TASK_DEFINITION, runtimePlatform: { cpuArchitecture: 'X86_64', operatingSystemFamily: 'LINUX' } }));
    const second = await run({ now: () => new Date(Date.now() + 244_000) });
    const built = spawned.filter((x) => x.command === 'podman' && x.args[0] === 'build').at(-1)!;
    assert.deepEqual(built.args.slice(0, 3), ['build', '--platform', 'linux/amd64']);
    const tag = built.args[built.args.indexOf('-t') + 1]!;
    const truth = spawnSync('podman', ['image', 'inspect', '--format', '{{.Os}}/{{.Architecture}}', tag], { env: { ...process.env, ...storage.env }, encoding: 'utf8' }).stdout.trim();
    const check = second.preflight!.find((c) => c.id === 'image')!;
    t.diagnostic(`podman built ${truth} for --platform linux/amd64; the preflight said ${check.status}`);
    if (truth === 'linux/amd64') {
      assert.equal(check.status, 'passed', check.message);
      assert.equal(second.outcome, 'not-watched', second.message);
    } else {
      // podman 4.3 (Debian 12) reuses the arm64 layer for --platform linux/amd64: caught before the push.
      assert.equal(check.status, 'failed');
      assert.equal(second.outcome, 'failed');
      assert.match(second.message, new RegExp(`^The preflight stopped the deploy before anything was pushed: The built image is ${truth.replace('/', '\\/')}, but the task definition's runtimePlatform runs linux/amd64`));
      assert.ok(!spawned.slice(-2).some((x) => x.args[0] === 'push'), 'not pushed');
      assert.equal(await manifestDigest(registry.url, registryUser, registryPassword, 'web', tag.split(':').at(-1)!), undefined, 'the tag is not in the registry');
      assert.equal((await ecs().send(new ListTaskDefinitionsCommand({ familyPrefix: 'web' }))).taskDefinitionArns!.length, 2, 'nothing registered after web:2');
    }
  });
});

describe('a Lambda image target against moto: build for the function, push, UpdateFunctionCode by digest, version, alias', () => {
  test('arm64 function: built for linux/arm64, the runtime interface client found, alias live moved to the published version', async () => {
    const lambda = new LambdaClient({});
    const iam = new IAMClient({});
    try {
      await iam.send(new CreateRoleCommand({ RoleName: 'worker', AssumeRolePolicyDocument: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }) }));
      await lambda.send(new CreateFunctionCommand({ FunctionName: 'worker', Role: 'arn:aws:iam::123456789012:role/worker', PackageType: 'Image', Code: { ImageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/worker@sha256:${'0'.repeat(64)}` }, Architectures: ['arm64'] }));
      await lambda.send(new PublishVersionCommand({ FunctionName: 'worker' }));
      await lambda.send(new CreateAliasCommand({ FunctionName: 'worker', Name: 'live', FunctionVersion: '1' }));
      ws.cleanup();
      ws = makeWorkspace({ region: 'us-east-1', kind: 'lambda', ecrRepository: 'worker', function: 'worker', alias: 'live', containerName: undefined, taskDefinition: undefined, cluster: undefined, service: undefined });
      writeFileSync(join(ws.dir, 'Dockerfile'), 'FROM scratch\nENV LAMBDA_TASK_ROOT=/var/task LAMBDA_RUNTIME_DIR=/var/runtime\nCOPY hello.txt /var/task/hello.txt\nENTRYPOINT ["/lambda-entrypoint.sh"]\nCMD ["app.handler"]\n');
      const r = await run({ wait: true, pollIntervalMs: 100 });
      assert.equal(r.outcome, 'completed', `${r.message}\n${progress.slice(-8).map((e) => e.message).join('\n')}`);
      const build = spawned.filter((x) => x.command === 'podman' && x.args[0] === 'build').at(-1)!;
      assert.deepEqual(build.args.slice(0, 3), ['build', '--platform', 'linux/arm64']);
      assert.deepEqual(r.preflight!.filter((c) => c.status !== 'passed'), []);
      const fn = await lambda.send(new GetFunctionCommand({ FunctionName: 'worker' }));
      assert.equal(fn.Code!.ImageUri, `localhost:${registry.port}/worker@${r.digest}`);
      assert.equal(await manifestDigest(registry.url, registryUser, registryPassword, 'worker', r.image!.split(':').at(-1)!), r.digest);
      const pushed = await registryImageConfig(registry.url, registryUser, registryPassword, 'worker', r.digest!);
      assert.deepEqual([pushed.architecture, (pushed.config as { Entrypoint?: string[] }).Entrypoint], ['arm64', ['/lambda-entrypoint.sh']]);
      const alias = await lambda.send(new GetAliasCommand({ FunctionName: 'worker', Name: 'live' }));
      assert.equal(alias.FunctionVersion, r.functionVersion);
      assert.equal(r.functionVersion, '2');
      assert.deepEqual(r.done.slice(-2), ['Published version 2 of worker.', 'Moved alias live from version 1 to 2.']);
    } finally {
      lambda.destroy();
      iam.destroy();
    }
  });
});

describe('secrets', () => {
  test('neither the registry password nor the secret key appears in argv, progress, results or service logs', () => {
    assert.ok(spawned.length >= 6, 'the tests above spawned the container CLI');
    assert.ok(progress.length > 0 && results.length >= 3);
    const haystacks: [string, string][] = [
      ['argv', JSON.stringify(spawned)],
      ['progress', JSON.stringify(progress)],
      ['results', JSON.stringify(results)],
      ['moto log', moto.log()],
      ['registry log', registry.log()],
    ];
    for (const [name, text] of haystacks) {
      assert.ok(!text.includes(registryPassword), `registry password in ${name}`);
      assert.ok(!text.includes(SECRET_KEY), `secret key in ${name}`);
    }
  });
});
