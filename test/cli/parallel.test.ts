/**
 * `berth lint` on two threads (server/src/cli/parallel.ts) prints exactly what one thread prints, on a
 * workspace whose cross-file links cross the split: services and task definitions of one family in two
 * large folders, Dockerfiles named by templates elsewhere, a deploy target across folders.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildCli, runCli } from './cliHarness';

function write(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

const taskDefinition = (family: string, port: number, arch: string) =>
  JSON.stringify(
    {
      family,
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: family.endsWith('3') ? '4096' : '512',
      runtimePlatform: { cpuArchitecture: arch, operatingSystemFamily: 'LINUX' },
      containerDefinitions: [{ name: 'app', image: `nginx:${family.endsWith('5') ? 'latest' : '1.27'}`, essential: true, portMappings: [{ containerPort: port }] }],
    },
    null,
    2,
  );

const service = (family: string, launchType: string) =>
  JSON.stringify(
    {
      serviceName: family,
      cluster: 'main',
      taskDefinition: `${family}:3`,
      desiredCount: 2,
      launchType,
      loadBalancers: [{ targetGroupArn: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/tg/1', containerName: 'web', containerPort: 80 }],
    },
    null,
    2,
  );

const dockerfile = (port: number, platform: string) => `FROM --platform=${platform} node:20.18-bookworm-slim
WORKDIR /app
COPY . .
USER node
EXPOSE ${port}
HEALTHCHECK CMD ["node", "healthcheck.js"]
CMD ["node", "server.js"]
`;

const samTemplate = (n: number) => `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Fn${n}:
    Type: AWS::Serverless::Function
    Properties:
      PackageType: Image
      Architectures: [${n % 2 ? 'arm64' : 'x86_64'}]
      MemorySize: ${n % 3 ? 1024 : 20000}
      Timeout: 30
    Metadata:
      DockerContext: ../lambdas/fn-${n}
      Dockerfile: Dockerfile
`;

/** ~120 files; folders of more than 16 files are split file by file between the threads. */
function workspace(root: string): void {
  for (let i = 0; i < 24; i++) {
    const family = `svc-${i}`;
    write(root, `tasks/${family}.json`, taskDefinition(family, 8080 + (i % 3), i % 2 ? 'ARM64' : 'X86_64'));
    write(root, `services/${family}.json`, service(family, i % 4 ? 'FARGATE' : 'EC2'));
    write(root, `apps/${family}/Dockerfile`, dockerfile(3000 + (i % 2) * 5080, i % 2 ? 'linux/amd64' : 'linux/arm64'));
    write(root, `apps/${family}/taskdef.json`, taskDefinition(`${family}-local`, 8080, i % 2 ? 'ARM64' : 'X86_64'));
  }
  for (let n = 0; n < 20; n++) {
    write(root, `templates/fn-${n}.yaml`, samTemplate(n));
    write(root, `lambdas/fn-${n}/Dockerfile`, `FROM python:3.13.1-slim\nWORKDIR /var/task\nCOPY app.py .\nUSER 1000\nCMD ["python", "app.py"]\n`);
  }
  write(root, 'templates/broken.json', '{ "AWSTemplateFormatVersion": "2010-09-09", "Resources": { "A": ');
  write(root, 'templates/notes.yaml', 'just: notes\n');
  write(root, 'apps/svc-0/.berthrc.yaml', '');
  write(root, '.berthrc.yaml', 'deploy:\n  web:\n    dockerfile: apps/svc-3/Dockerfile\n    taskDefinition: tasks/svc-7.json\n    containerName: app\n');
}

describe('berth lint on two threads', () => {
  let root: string;
  before(async () => {
    await buildCli();
    root = mkdtempSync(join(tmpdir(), 'berth-parallel-'));
    workspace(root);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const run = (workers: string, args: string[], debug = false) =>
    runCli(['lint', ...args], root, { env: { ...process.env, BERTH_WORKERS: workers, BERTH_DEBUG: debug ? '1' : '' }, timeout: 60_000 });

  it('uses a worker when told to', () => {
    assert.match(run('force', ['--format', 'json'], true).stderr, /on 2 threads/);
    assert.doesNotMatch(run('0', ['--format', 'json'], true).stderr, /on 2 threads/);
  });

  for (const format of ['json', 'text', 'sarif']) {
    it(`prints the same ${format} output, stderr and exit code as one thread`, () => {
      const one = run('0', ['--format', format]);
      const two = run('force', ['--format', format]);
      assert.equal(two.code, one.code);
      assert.equal(two.stderr, one.stderr);
      assert.equal(two.stdout, one.stdout);
      if (format === 'json') {
        const rules = new Set((JSON.parse(one.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId));
        // Findings that exist only through another file, so the comparison covers the cross-file links.
        for (const rule of ['dockerfile/valid-platform-architecture', 'dockerfile/require-lambda-runtime-api', 'ecs/valid-load-balancer-container']) {
          assert.ok(rules.has(rule), `${rule} in ${[...rules].join(', ')}`);
        }
      }
    });
  }
});
