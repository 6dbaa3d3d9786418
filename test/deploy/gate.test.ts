/**
 * The deploy gate lints as `berth lint` does (server/src/deploy/steps/lint.ts through cli/lint.ts lintWorkspace):
 * the project's .berthrc.yaml (rules, excludes), the whole workspace indexed (cross-file rules, deploy targets),
 * the generic Dockerfile features. Each case compares the gate with the built CLI run in the same folder.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { deploy } from '../../server/src/deploy/engine';
import { lintAsBerthLint } from '../../server/src/deploy/steps/lint';
import type { Question } from '../../server/src/deploy/types';
import { buildCli, runCli } from '../cli/cliHarness';
import { fakeRunner, useAwsEnv } from './helpers/workspace';

const TARGET = { ecrRepository: 'web', containerName: 'app', taskDefinition: 'ecs/web.json', dockerfile: 'app/Dockerfile', context: 'app', cluster: 'prod', service: 'web' };
const taskDefinition = (memory: string) =>
  JSON.stringify({
    family: 'web',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory,
    runtimePlatform: { cpuArchitecture: 'X86_64', operatingSystemFamily: 'LINUX' },
    containerDefinitions: [{ name: 'app', image: 'placeholder', essential: true }],
  }, null, 2);
const GOOD_DOCKERFILE = 'FROM --platform=linux/amd64 node:20.11-slim\nUSER node\nCMD ["node", "server.js"]\n';

interface Case {
  readonly name: string;
  readonly files: Record<string, string>;
  /** The rule ids of the errors both report on the target's files. */
  readonly errors: readonly string[];
}

const CASES: readonly Case[] = [
  {
    name: 'a rule set to off in .berthrc.yaml does not block',
    files: { 'ecs/web.json': taskDefinition('4096'), 'app/Dockerfile': GOOD_DOCKERFILE, rules: 'rules:\n  ecs/fargate-valid-cpu-memory: "off"\n' },
    errors: [],
  },
  {
    name: 'the same error blocks when the rule is on',
    files: { 'ecs/web.json': taskDefinition('4096'), 'app/Dockerfile': GOOD_DOCKERFILE },
    errors: ['ecs/fargate-valid-cpu-memory'],
  },
  {
    name: 'a cross-file error (the deploy target links the arm64 Dockerfile to the X86_64 task definition) blocks',
    files: { 'ecs/web.json': taskDefinition('512'), 'app/Dockerfile': GOOD_DOCKERFILE.replace('linux/amd64', 'linux/arm64') },
    errors: ['dockerfile/valid-platform-architecture'],
  },
  {
    name: 'an excluded file is not linted',
    files: { 'ecs/web.json': taskDefinition('4096'), 'app/Dockerfile': GOOD_DOCKERFILE, rules: 'exclude:\n  - ecs/**\n' },
    errors: [],
  },
  {
    name: 'a Dockerfile syntax error (a generic Dockerfile feature) blocks',
    files: { 'ecs/web.json': taskDefinition('512'), 'app/Dockerfile': 'FROM --platform=linux/amd64 node:20.11-slim\nRUNN npm ci\nUSER node\n' },
    errors: ['dockerfile/valid-syntax'],
  },
];

const root = mkdtempSync(join(tmpdir(), 'berth-gate-'));
after(() => rmSync(root, { recursive: true, force: true }));

function workspace(i: number, c: Case): string {
  const dir = join(root, `case-${i}`);
  const target = Object.entries(TARGET).map(([k, v]) => `      ${k}: ${v}\n`).join('');
  for (const [path, text] of Object.entries(c.files)) {
    if (path === 'rules') continue;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  writeFileSync(join(dir, '.berthrc.yaml'), `${c.files.rules ?? ''}deploy:\n  targets:\n    web:\n${target}`);
  return dir;
}

describe('the deploy gate and berth lint agree', () => {
  before(async () => {
    await buildCli();
  });

  CASES.forEach((c, i) => {
    test(c.name, async () => {
      const dir = workspace(i, c);
      const cli = runCli(['lint', '--format', 'json'], dir);
      const fromCli = (JSON.parse(cli.stdout) as { findings: { file: string; line: number; column: number; severity: string; message: string; ruleId: string }[] }).findings
        .filter((f) => f.severity === 'error' && (f.file === TARGET.taskDefinition || f.file === TARGET.dockerfile))
        .map((f) => `${f.file}:${f.line}:${f.column}: ${f.message} (${f.ruleId})`);
      const fromGate = await lintAsBerthLint([join(dir, TARGET.dockerfile), join(dir, TARGET.taskDefinition)], dir);
      assert.deepEqual(fromGate, fromCli);
      assert.deepEqual(fromGate.map((e) => /\(([^()]+)\)$/.exec(e)![1]), c.errors);
    });
  });
});

describe('a deploy is gated by that judgement', () => {
  let restore: () => void;
  before(() => {
    restore = useAwsEnv();
  });
  after(() => restore());

  const attempt = async (i: number) => {
    const asked: Question['kind'][] = [];
    const result = await deploy('web', {
      workspace: join(root, `case-${i}`),
      // Nothing listens here: a deploy that passes the gate stops at the identity step, and nothing reaches AWS.
      endpoint: 'http://127.0.0.1:9',
      maxAttempts: 1,
      runner: fakeRunner(),
      containerCli: 'podman',
      confirm: async (q) => (asked.push(q.kind), false),
    });
    return { result, asked };
  };

  test('a rule set to off does not block: the deploy goes on to the identity step', async () => {
    const { result, asked } = await attempt(0);
    assert.deepEqual(asked, []);
    assert.deepEqual(result.steps.map((s) => [s.id, s.status]), [['lint', 'done'], ['identity', 'failed']]);
    assert.equal(result.steps[0]!.message, 'No errors in app/Dockerfile, ecs/web.json.');
  });

  test('a cross-file error blocks: "deploy anyway?" is asked, and declining does nothing', async () => {
    const { result, asked } = await attempt(2);
    assert.deepEqual(asked, ['lint-errors']);
    assert.equal(result.outcome, 'declined');
    assert.match(result.message, /^Berth found 1 error\(s\) in the target's files \(first: app\/Dockerfile:1:17: .* \(dockerfile\/valid-platform-architecture\)\)/);
    assert.deepEqual(result.steps.map((s) => s.id), ['lint']);
  });
});
