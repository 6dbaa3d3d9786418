/**
 * `berth lint` on Terraform: .tf and .tfvars files are walked, the grammar is loaded only when one is there, a
 * module's files are read together, and a broken file is reported region by region while the rest is checked.
 * On two threads (200+ files) each thread loads the grammar for its share.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildCli, ROOT, runCli } from './cliHarness';

const PLAN_FIXTURE = join(ROOT, 'test', 'fixtures', 'terraform-plan');

function write(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

const taskDefinition = (name: string, memory: string) =>
  `resource "aws_ecs_task_definition" "${name}" {\n  family                   = "${name}"\n  requires_compatibilities = ["FARGATE"]\n  network_mode             = "awsvpc"\n  cpu                      = 256\n  memory                   = ${memory}\n}\n`;

describe('berth lint on Terraform', () => {
  let root: string;
  before(async () => {
    await buildCli();
    root = mkdtempSync(join(tmpdir(), 'berth-cli-tf-'));
    write(root, 'infra/main.tf', taskDefinition('web', 'var.web_memory'));
    write(root, 'infra/variables.tf', 'variable "web_memory" {\n  default = 512\n}\n');
    write(root, 'infra/terraform.tfvars', 'web_memory = 4096\n');
    write(root, 'infra/broken.tf', `resource "aws_sqs_queue" "q" {\n  delay_seconds =\n}\n\n${taskDefinition('api', '3000')}`);
    write(root, 'notes/readme.md', '# not checked\n');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('reads the module together: the tfvars value is judged where it is used; a broken file still has its other blocks checked', () => {
    const r = runCli(['lint', 'infra'], root);
    assert.equal(r.stderr, '');
    assert.deepEqual(r.lines, [
      'infra/broken.tf:2:3: error: "delay_seconds =" has no value after "=": Terraform cannot parse it. Give it a value. Terraform rejects the file until this is fixed; Berth still checks the blocks around it. [parse/syntax-error]',
      'infra/broken.tf:10:30: error: Fargate does not offer 3000 MiB of memory with 0.25 vCPU, so RegisterTaskDefinition rejects this task definition. With 0.25 vCPU, memory must be 512, 1024, 2048 MiB; the nearest is 2048 MiB. [ecs/fargate-valid-cpu-memory]',
      'infra/main.tf:6:30: error: Fargate does not offer 4096 MiB of memory with 0.25 vCPU, so RegisterTaskDefinition rejects this task definition. With 0.25 vCPU, memory must be 512, 1024, 2048 MiB; the nearest is 2048 MiB. [ecs/fargate-valid-cpu-memory]',
      '3 problems (3 errors, 0 warnings, 0 infos) in 2 files (4 checked)',
    ]);
    assert.equal(r.code, 1);
  });

  it('JSON output names the file that holds the value as related information', () => {
    const r = runCli(['lint', '--format', 'json', 'infra/main.tf', 'infra/variables.tf', 'infra/terraform.tfvars'], root);
    const json = JSON.parse(r.stdout) as { findings: { file: string; line: number; ruleId: string }[] };
    assert.deepEqual(json.findings.map((f) => [f.file, f.line, f.ruleId]), [['infra/main.tf', 6, 'ecs/fargate-valid-cpu-memory']]);
  });

  it('on two threads, the same findings as on one', () => {
    const many = mkdtempSync(join(tmpdir(), 'berth-cli-tf-many-'));
    try {
      for (let i = 0; i < 240; i++) write(many, `m${i % 12}/r${i}.tf`, taskDefinition(`t${i}`, i % 40 === 0 ? '4096' : '512'));
      const r = runCli(['lint', '--format', 'json'], many, { env: { ...process.env, BERTH_WORKERS: 'force', BERTH_DEBUG: '1' }, timeout: 60_000 });
      assert.match(r.stderr, /linted 240 files on 2 threads/);
      const json = JSON.parse(r.stdout) as { findings: { file: string }[]; summary: { files: number } };
      assert.deepEqual(json.findings.map((f) => f.file).sort(), ['m0/r0.tf', 'm0/r120.tf', 'm4/r160.tf', 'm4/r40.tf', 'm8/r200.tf', 'm8/r80.tf']);
      assert.equal(json.summary.files, 240);
    } finally {
      rmSync(many, { recursive: true, force: true });
    }
  });

  describe('a plan in JSON (terraform show -json)', () => {
    const plan = readFileSync(join(PLAN_FIXTURE, 'plan.json'), 'utf8');
    const runtime = 'warning: Runtime python3.8 has been deprecated since 2024-10-14: it no longer gets security patches, and new functions are blocked from 2027-02-01. Move to python3.14. [lambda/no-deprecated-runtime]';
    const memory = 'error: Fargate does not offer 3072 MiB of memory with 0.25 vCPU, so RegisterTaskDefinition rejects this task definition. With 0.25 vCPU, memory must be 512, 1024, 2048 MiB; the nearest is 2048 MiB. [ecs/fargate-valid-cpu-memory]';
    const lambdaMemory = 'error: memory_size 20000 MB is outside what Lambda allows (128–10240 MB), so the deployment is rejected. Use a value from 128 to 10240; the nearest is 10240. [lambda/valid-memory-size]';
    const wanted = (lines: readonly string[]) => lines.filter((l) => /fargate-valid-cpu-memory|no-deprecated-runtime|valid-memory-size|valid-target-type/.test(l));

    it('berth lint plan.json beside its .tf files: the findings are shown at the .tf blocks, the configuration read as context', () => {
      write(root, 'planned/plan.json', plan);
      write(root, 'planned/main.tf', readFileSync(join(PLAN_FIXTURE, 'main.tf'), 'utf8'));
      const r = runCli(['lint', 'planned/plan.json'], root);
      assert.equal(r.stderr, '');
      assert.deepEqual(wanted(r.lines), [
        `planned/main.tf:16:30: ${memory}`,
        // Found by the plan on the target group and by main.tf on the service: printed once, as main.tf reports it.
        'planned/main.tf:52:24: error: Target group aws_lb_target_group.api has no target_type, which means instance; tasks in awsvpc network mode register by IP address, so ECS cannot register them and the service fails. Set target_type to ip on the target group. [ecs/valid-target-type]',
        `planned/main.tf:61:19: ${runtime}`,
        // A child module's resource: at the plan's JSON path.
        `planned/plan.json:157:32: ${lambdaMemory}`,
      ]);
      assert.match(r.lines.at(-1)!, /in 2 files \(1 checked\)$/);
      assert.equal(r.code, 1);
    });

    it('given with the .tf files, a finding the source already makes is printed once', () => {
      const r = runCli(['lint', 'planned'], root);
      assert.equal(r.lines.filter((l) => l.includes('[ecs/fargate-valid-cpu-memory]')).length, 1);
      assert.equal(r.lines.filter((l) => l.includes('[lambda/no-deprecated-runtime]')).length, 1);
      assert.deepEqual(r.lines.filter((l) => l.includes('[ecs/valid-target-type]')).map((l) => l.split(': ')[0]), ['planned/main.tf:52:24']);
    });

    it('a child module\'s resource is shown in the local module\'s folder, read as context too', () => {
      write(root, 'modular/plan.json', plan);
      write(root, 'modular/main.tf', readFileSync(join(PLAN_FIXTURE, 'main.tf'), 'utf8'));
      write(root, 'modular/modules/jobs/main.tf', readFileSync(join(PLAN_FIXTURE, 'modules', 'jobs', 'main.tf'), 'utf8'));
      const r = runCli(['lint', 'modular/plan.json'], root);
      assert.equal(r.stderr, '');
      assert.deepEqual(wanted(r.lines).filter((l) => l.includes('valid-memory-size')), [`modular/modules/jobs/main.tf:12:19: ${lambdaMemory}`]);
      // main.tf and modules/jobs/main.tf show findings; the plan keeps none.
      assert.match(r.lines.at(-1)!, /in 2 files \(1 checked\)$/);
    });

    it('without the configuration, at the plan JSON paths (one line, as terraform writes it)', () => {
      const compact = JSON.stringify(JSON.parse(plan));
      write(root, 'ci/plan.json', compact);
      const column = (key: string, value: string) => compact.indexOf(`${key}:${value}`) + key.length + 2;
      const r = runCli(['lint', '--format', 'json', 'ci/plan.json'], root);
      const json = JSON.parse(r.stdout) as { findings: { file: string; line: number; column: number; ruleId: string }[] };
      assert.deepEqual(
        json.findings.filter((f) => wanted([f.ruleId]).length).map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`),
        [
          `ci/plan.json:1:${column('"memory"', '"3072"')} ecs/fargate-valid-cpu-memory`,
          `ci/plan.json:1:${column('"runtime"', '"python3.8"')} lambda/no-deprecated-runtime`,
          `ci/plan.json:1:${column('"target_type"', '"instance"')} ecs/valid-target-type`,
          `ci/plan.json:1:${column('"memory_size"', '20000')} lambda/valid-memory-size`,
        ],
      );
    });
  });
});
