// Writes every benchmark input into bench/out/inputs and returns a manifest of what it wrote.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { dockerfile } from './dockerfiles.mjs';
import { cloudFormationSchema } from './schema.mjs';
import { buildTemplate, rng, serializeTemplate, taskDefinition, taskDefinitionOfLines } from './templates.mjs';

const lineCount = (text) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

function write(file, text) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return { file, lines: lineCount(text), bytes: Buffer.byteLength(text) };
}

export const SIZE_LABEL = (n) => (n >= 1000 ? `${n / 1000}k` : String(n));

/**
 * sizes: template line targets; containers: task definition container counts; instructions: Dockerfile
 * instruction counts; workspaceFiles: files in the workspace; openFiles: copies of the 1k templates for RSS.
 */
export function generateAll(outDir, { sizes, containers, instructions, workspaceFiles, openFiles }) {
  const dir = path.join(outDir, 'inputs');
  rmSync(dir, { recursive: true, force: true });
  const manifest = { templates: [], taskDefinitions: [], dockerfiles: [], open: { yaml: [], json: [] } };
  const models = [];
  for (const size of sizes) {
    for (const format of ['yaml', 'json']) {
      const model = buildTemplate(size, format);
      models.push(model);
      const entry = write(path.join(dir, `cfn-${SIZE_LABEL(size)}.${format}`), serializeTemplate(model, format));
      manifest.templates.push({ ...entry, size, format, languageId: format, resources: Object.keys(model.Resources).length });
    }
  }
  const hundred = taskDefinitionOfLines(100);
  manifest.firstDiagnostics = { ...write(path.join(dir, 'taskdef-100-lines.json'), hundred.text), containers: hundred.containers, languageId: 'json' };
  for (const n of containers) {
    const entry = write(path.join(dir, `taskdef-${n}-containers.json`), `${JSON.stringify(taskDefinition(n), null, 2)}\n`);
    manifest.taskDefinitions.push({ ...entry, containers: n, languageId: 'json' });
  }
  for (const n of instructions) {
    const entry = write(path.join(dir, 'docker', `${n}`, 'Dockerfile'), dockerfile(n));
    manifest.dockerfiles.push({ ...entry, instructions: n, languageId: 'dockerfile' });
  }
  for (const format of ['yaml', 'json']) {
    for (let i = 0; i < openFiles; i++) {
      const model = buildTemplate(1000, format, 100 + i);
      manifest.open[format].push(write(path.join(dir, 'open', `cfn-open-${i}.${format}`), serializeTemplate(model, format)));
    }
  }
  const schema = cloudFormationSchema(models);
  manifest.schema = write(path.join(dir, 'cfn-mini-schema.json'), `${JSON.stringify(schema, null, 2)}\n`);
  manifest.schemaTypes = Object.keys(schema.definitions).length;
  manifest.workspace = workspace(path.join(dir, 'workspace'), workspaceFiles);
  return manifest;
}

// ---------------------------------------------------------------- the 1,000-file workspace

/**
 * A monorepo of services: per service a Dockerfile, a task definition, a service definition and the
 * usual unrelated JSON/YAML (package.json, tsconfig.json, docker-compose.yml, Kubernetes manifests,
 * workflows); infra/ holds CloudFormation and SAM templates, serverless.yml, Lambda and Batch configs.
 * About 45 % of the files are AWS configuration, the rest is what sits next to it.
 */
export function workspace(root, total) {
  rmSync(root, { recursive: true, force: true });
  const r = rng(11);
  const files = [];
  const kinds = {};
  const add = (rel, text, kind) => {
    if (files.length >= total) return;
    files.push(write(path.join(root, rel), text));
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  };
  const json = (v) => `${JSON.stringify(v, null, 2)}\n`;
  for (let s = 0; files.length < total; s++) {
    const svc = `svc-${String(s).padStart(3, '0')}`;
    const base = `services/${svc}`;
    const task = taskDefinition(1 + Math.floor(r() * 3), s);
    task.family = svc;
    add(`${base}/deploy/taskdef.json`, json(task), 'ecs-task-definition');
    add(`${base}/deploy/service.json`, json({ cluster: 'main', serviceName: svc, taskDefinition: svc, desiredCount: 2, launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d'], securityGroups: ['sg-0a1b2c3d'], assignPublicIp: 'DISABLED' } }, loadBalancers: [{ targetGroupArn: `arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/${svc}/0123456789abcdef`, containerName: 'app', containerPort: 8000 }] }), 'ecs-service');
    add(`${base}/Dockerfile`, dockerfile(12 + (s % 20), s), 'dockerfile');
    add(`${base}/package.json`, json({ name: svc, version: '1.0.0', private: true, scripts: { build: 'tsc -p .', test: 'node --test' }, dependencies: { express: '^4.21.0', pino: '^9.4.0' }, devDependencies: { typescript: '~5.6.0' } }), 'unrelated');
    add(`${base}/tsconfig.json`, json({ extends: '../../tsconfig.base.json', compilerOptions: { outDir: 'dist', rootDir: 'src' }, include: ['src'] }), 'unrelated');
    add(`${base}/docker-compose.yml`, `services:\n  app:\n    build: .\n    ports:\n      - "8000:8000"\n    environment:\n      STAGE: dev\n  db:\n    image: postgres:16\n`, 'unrelated');
    add(`k8s/${svc}/deployment.yaml`, `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${svc}\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: ${svc}\n  template:\n    metadata:\n      labels:\n        app: ${svc}\n    spec:\n      containers:\n        - name: app\n          image: ${svc}:1.0.0\n          ports:\n            - containerPort: 8000\n`, 'unrelated');
    add(`.github/workflows/${svc}.yml`, `name: ${svc}\non:\n  push:\n    paths: ["services/${svc}/**"]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci && npm test\n        working-directory: services/${svc}\n`, 'unrelated');
    if (s % 2 === 0) {
      const size = 100 + Math.floor(r() * 300);
      add(`infra/stack-${s}.yaml`, serializeTemplate(buildTemplate(size, 'yaml', s), 'yaml'), 'cloudformation');
    }
    if (s % 5 === 1) add(`infra/json/stack-${s}.json`, serializeTemplate(buildTemplate(150, 'json', s), 'json'), 'cloudformation');
    if (s % 4 === 3) add(`lambdas/fn-${s}/template.yaml`, serializeTemplate(buildTemplate(80, 'yaml', s), 'yaml'), 'sam');
    if (s % 6 === 2) add(`lambdas/fn-${s}/serverless.yml`, `service: fn-${s}\nframeworkVersion: "3"\nprovider:\n  name: aws\n  runtime: nodejs20.x\n  memorySize: 512\n  timeout: 20\nfunctions:\n  handler:\n    handler: src/index.handler\n    events:\n      - httpApi: "GET /fn-${s}"\n`, 'serverless');
    if (s % 6 === 4) add(`lambdas/fn-${s}/function.json`, json({ FunctionName: `fn-${s}`, Runtime: 'python3.12', Handler: 'app.handler', Role: 'arn:aws:iam::123456789012:role/fn', MemorySize: 256, Timeout: 30, Environment: { Variables: { STAGE: 'prod' } } }), 'lambda-function');
    if (s % 8 === 5) add(`batch/job-${s}.json`, json({ jobDefinitionName: `job-${s}`, type: 'container', platformCapabilities: ['FARGATE'], containerProperties: { image: `batch-${s}:1.0`, resourceRequirements: [{ type: 'VCPU', value: '1' }, { type: 'MEMORY', value: '2048' }], executionRoleArn: 'arn:aws:iam::123456789012:role/batch', networkConfiguration: { assignPublicIp: 'DISABLED' } }, retryStrategy: { attempts: 2 } }), 'batch-job-definition');
    if (s % 3 === 0) add(`config/${svc}.eslintrc.json`, json({ root: true, extends: ['eslint:recommended'], rules: { 'no-console': 'warn' } }), 'unrelated');
  }
  return { root, files: files.length, lines: files.reduce((n, f) => n + f.lines, 0), bytes: files.reduce((n, f) => n + f.bytes, 0), kinds };
}
