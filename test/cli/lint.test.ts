/** `berth lint` end to end: the built dist/cli.js run on fixture folders. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { sarifValidator } from '../helpers/sarif';
import { buildCli, fixture, ROOT, runCli } from './cliHarness';

const DOCS = 'https://github.com/berth-tools/berth/blob/main/server/src/core/rules/';
const WEB_MEMORY =
  'Fargate does not offer 4096 MiB of memory with 0.25 vCPU, so RegisterTaskDefinition rejects this task definition. With 0.25 vCPU, memory must be 512, 1024, 2048 MiB; the nearest is 2048 MiB.';
const DUPLICATE_FAMILY = 'Duplicate key "family": only the last value counts, so the earlier one is silently ignored. Remove one of them.';
const EMPTY_FILE = 'This file is empty: there is nothing for AWS to read. Add content or delete the file.';

const project = fixture('project');

before(async () => {
  await buildCli();
});

describe('berth lint: CloudFormation .template files', () => {
  const folder = fixture('cfn-template');
  const TIMEOUT = 'Timeout 2400 s is over 1800 s: Lambda stops every invocation after 30 minutes, and the deployment is rejected. Split the work into shorter steps (Step Functions), or run it as an AWS Batch job or an ECS/Fargate task, which have no such limit.';

  it('a folder walk reads .template files as JSON or YAML by their content, and stays silent on other .template files', () => {
    const r = runCli(['lint'], folder);
    assert.deepEqual(r.lines, [
      `queue.template:10:16: error: ${TIMEOUT} [lambda/valid-timeout]`,
      `stack.template:6:184: error: ${TIMEOUT} [lambda/valid-timeout]`,
      '2 problems (2 errors, 0 warnings, 0 infos) in 2 files (3 checked)',
    ]);
  });

  it('a .template file named on the command line is read, not refused', () => {
    const r = runCli(['lint', 'stack.template'], folder);
    assert.deepEqual(r.lines, [`stack.template:6:184: error: ${TIMEOUT} [lambda/valid-timeout]`, '1 problem (1 error, 0 warnings, 0 infos) in 1 file (1 checked)']);
    assert.equal(r.stderr, '');
  });
});

describe('berth lint: text output', () => {
  it('lints the current folder by default, skipping node_modules and names that are not JSON/YAML/Dockerfile', () => {
    const r = runCli(['lint'], project);
    assert.deepEqual(r.lines, [
      `Dockerfile:1:1: info: ${EMPTY_FILE} [parse/invalid-encoding]`,
      `tasks/web.json:6:13: error: ${WEB_MEMORY} [ecs/fargate-valid-cpu-memory]`,
      `tasks/worker.json:3:3: warning: ${DUPLICATE_FAMILY} [parse/duplicate-key]`,
      '3 problems (1 error, 1 warning, 1 info) in 3 files (5 checked)',
    ]);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, '');
  });

  it('prints paths as given: a folder with ./, a single file, an absolute path', () => {
    assert.deepEqual(runCli(['lint', './tasks/'], project).lines.slice(0, 2).map((l) => l.split(':')[0]), ['./tasks/web.json', './tasks/worker.json']);
    const single = runCli(['lint', 'tasks/worker.json'], project);
    assert.deepEqual(single.lines, [`tasks/worker.json:3:3: warning: ${DUPLICATE_FAMILY} [parse/duplicate-key]`, '1 problem (0 errors, 1 warning, 0 infos) in 1 file (1 checked)']);
    assert.equal(single.code, 0, 'a warning alone does not fail the run');
    const absolute = join(project, 'tasks', 'web.json');
    assert.equal(runCli(['lint', absolute], ROOT).lines[0], `${absolute}:6:13: error: ${WEB_MEMORY} [ecs/fargate-valid-cpu-memory]`);
  });

  it('exits 0 and says so when there is nothing to report', () => {
    const r = runCli(['lint', 'template.yaml', 'notes'], project);
    assert.deepEqual(r.lines, ['No problems in 2 files.']);
    assert.equal(r.code, 0);
  });

  it('lints a file reached twice (a path and a glob) once', () => {
    const r = runCli(['lint', 'tasks/web.json', 'tasks/*.json'], project);
    assert.equal(r.lines.filter((l) => l.includes('web.json')).length, 1);
    assert.match(r.lines.at(-1)!, /in 2 files \(2 checked\)$/);
  });
});

describe('berth lint: severity filters and exit codes', () => {
  it('--min-severity warning drops infos; --min-severity error and --quiet keep errors only', () => {
    assert.deepEqual(runCli(['lint', '--min-severity', 'warning'], project).lines, [
      `tasks/web.json:6:13: error: ${WEB_MEMORY} [ecs/fargate-valid-cpu-memory]`,
      `tasks/worker.json:3:3: warning: ${DUPLICATE_FAMILY} [parse/duplicate-key]`,
      '2 problems (1 error, 1 warning, 0 infos) in 2 files (5 checked)',
    ]);
    const errorsOnly = [`tasks/web.json:6:13: error: ${WEB_MEMORY} [ecs/fargate-valid-cpu-memory]`, '1 problem (1 error, 0 warnings, 0 infos) in 1 file (5 checked)'];
    assert.deepEqual(runCli(['lint', '--min-severity=error'], project).lines, errorsOnly);
    const quiet = runCli(['lint', '--quiet'], project);
    assert.deepEqual(quiet.lines, errorsOnly);
    assert.equal(quiet.code, 1);
  });

  it('--max-warnings N fails the run only when warnings exceed N', () => {
    const folder = fixture('project/tasks');
    assert.equal(runCli(['lint', 'worker.json'], folder).code, 0);
    assert.equal(runCli(['lint', 'worker.json', '--max-warnings', '1'], folder).code, 0);
    const over = runCli(['lint', 'worker.json', '--max-warnings', '0'], folder);
    assert.equal(over.code, 1);
    assert.match(over.stderr, /1 warnings, more than --max-warnings 0/);
    assert.equal(runCli(['lint', 'worker.json', '--max-warnings', '0', '--quiet'], folder).code, 0, '--quiet does not count warnings');
  });
});

describe('berth lint: globs and matching', () => {
  it('expands globs relative to the current folder', () => {
    const r = runCli(['lint', 'tasks/*.json', '**/*.yaml'], project);
    assert.deepEqual(
      r.lines.map((l) => l.split(':')[0]),
      ['tasks/web.json', 'tasks/worker.json', '2 problems (1 error, 1 warning, 0 infos) in 2 files (3 checked)'],
    );
  });

  it('exits 2 with "no files matched" for a glob, a path or a non-candidate name that matches nothing', () => {
    for (const pattern of ['tasks/*.yml', 'missing.json', 'README.md']) {
      const r = runCli(['lint', pattern], project);
      assert.equal(r.code, 2, pattern);
      assert.match(r.stderr, new RegExp(`no files matched "${pattern.replace(/[.*]/g, '\\$&')}"`));
      assert.equal(r.stdout, '');
    }
  });
});

describe('berth lint: JSON output', () => {
  it('prints the documented version-1 shape, 1-based', () => {
    const r = runCli(['lint', '--format', 'json'], project);
    assert.equal(r.code, 1);
    assert.deepEqual(JSON.parse(r.stdout), {
      version: 1,
      findings: [
        {
          file: 'Dockerfile',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          severity: 'info',
          ruleId: 'parse/invalid-encoding',
          message: EMPTY_FILE,
          docsUrl: `${DOCS}parse/invalid-encoding.md`,
        },
        {
          file: 'tasks/web.json',
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 19,
          severity: 'error',
          ruleId: 'ecs/fargate-valid-cpu-memory',
          message: WEB_MEMORY,
          docsUrl: `${DOCS}ecs/fargate-valid-cpu-memory.md`,
        },
        {
          file: 'tasks/worker.json',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 11,
          severity: 'warning',
          ruleId: 'parse/duplicate-key',
          message: DUPLICATE_FAMILY,
          docsUrl: `${DOCS}parse/duplicate-key.md`,
        },
      ],
      summary: { files: 5, errors: 1, warnings: 1, infos: 1 },
    });
  });
});

describe('berth lint: SARIF output', () => {
  it('is valid SARIF 2.1.0 with rule metadata, levels, relative URIs and 1-based regions', () => {
    const validate = sarifValidator();
    const r = runCli(['lint', '--format', 'sarif'], project);
    assert.equal(r.code, 1);
    const log = JSON.parse(r.stdout);
    assert.equal(validate(log), true, JSON.stringify(validate.errors, null, 2));

    const run = log.runs[0];
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.equal(run.tool.driver.name, 'berth');
    assert.equal(run.tool.driver.version, pkg.version);
    assert.equal(run.tool.driver.informationUri, pkg.repository.url);
    const levels = run.results.map((res: { level: string }) => res.level);
    assert.deepEqual(levels, ['note', 'error', 'warning']);
    const web = run.results[1];
    assert.equal(web.ruleId, 'ecs/fargate-valid-cpu-memory');
    assert.equal(web.message.text, WEB_MEMORY);
    assert.deepEqual(web.locations[0].physicalLocation, {
      artifactLocation: { uri: 'tasks/web.json', uriBaseId: '%SRCROOT%' },
      region: { startLine: 6, startColumn: 13, endLine: 6, endColumn: 19 },
    });
    const rule = run.tool.driver.rules[web.ruleIndex];
    assert.equal(rule.id, 'ecs/fargate-valid-cpu-memory');
    assert.equal(rule.helpUri, `${DOCS}ecs/fargate-valid-cpu-memory.md`);
    assert.equal(rule.defaultConfiguration.level, 'error');
    assert.match(rule.shortDescription.text, /^Require /);
    assert.equal(rule.fullDescription, undefined);
    // A rule whose severity depends on the case says so; each result carries its own level.
    const runtime = run.tool.driver.rules.find((r: { id: string }) => r.id === 'lambda/no-deprecated-runtime');
    assert.equal(runtime.defaultConfiguration.level, 'error');
    assert.match(runtime.fullDescription.text, /\. The level depends on the case: error, warning, note\.$/);
    for (const res of run.results) assert.equal(run.tool.driver.rules[res.ruleIndex].id, res.ruleId);
  });

  it('the validator really rejects a malformed log (level "info" is not SARIF)', () => {
    const validate = sarifValidator();
    const log = JSON.parse(runCli(['lint', '--format', 'sarif'], project).stdout);
    log.runs[0].results[0].level = 'info';
    assert.equal(validate(log), false);
  });

  it('stays valid with no findings', () => {
    const log = JSON.parse(runCli(['lint', '--format', 'sarif', 'template.yaml'], project).stdout);
    assert.equal(sarifValidator()(log), true);
    assert.deepEqual(log.runs[0].results, []);
  });
});

describe('berth lint: inline suppression and cross-file rules', () => {
  it('# berth-ignore <rule-id> on the line before suppresses that finding in a YAML template', () => {
    const r = runCli(['lint'], fixture('suppress'));
    assert.deepEqual(r.lines, [`reported.yaml:10:15: error: ${WEB_MEMORY} [ecs/fargate-valid-cpu-memory]`, '1 problem (1 error, 0 warnings, 0 infos) in 1 file (2 checked)']);
  });

  it('indexes every file before linting, so a service in another file changes the task definition finding', () => {
    const folder = fixture('cross');
    // Other rules (service advice) may report too; this test is about the headline finding only.
    const headline = (lines: string[]) => lines.filter((l) => l.endsWith('[ecs/no-static-host-port-behind-load-balancer]'));
    const both = headline(runCli(['lint'], folder).lines);
    assert.equal(both.length, 1);
    assert.match(both[0]!, /^task\.json:12:59: warning: Container shop .* service shop-svc puts it behind a load balancer\. .* \[ecs\/no-static-host-port-behind-load-balancer\]$/);
    const alone = headline(runCli(['lint', 'task.json'], folder).lines);
    assert.equal(alone.length, 1);
    assert.match(alone[0]!, /^task\.json:12:59: warning: Container shop publishes port 80 on the fixed host port 8080 in bridge mode, so each instance/);
  });
});
