/** Dockerfiles linked to where their image runs, through the real CLI (issue 6's folder fixtures). */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { buildCli, runCli } from './cliHarness';

const FIXTURES = join(__dirname, '../fixtures/crossfile');

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  ruleId: string;
  severity: string;
}

describe('berth lint: Dockerfiles linked to a task definition and a SAM function', () => {
  before(() => buildCli());

  const lint = (): JsonFinding[] => {
    const result = runCli(['lint', '--format', 'json', '.'], FIXTURES);
    assert.equal(result.code, 1, result.stderr);
    return (JSON.parse(result.stdout) as { findings: JsonFinding[] }).findings;
  };

  it('checks the Dockerfile beside a single-container task definition against it', () => {
    const ecs = lint().filter((f) => f.file === 'ecs/Dockerfile');
    assert.deepEqual(
      ecs.map((f) => [f.ruleId, f.severity, f.line, f.column, f.endLine, f.endColumn]),
      [
        ['dockerfile/valid-platform-architecture', 'error', 1, 17, 1, 28],
        ['dockerfile/valid-expose-port-mapping', 'warning', 5, 1, 5, 7],
        ['dockerfile/valid-expose-port-mapping', 'warning', 5, 8, 5, 12],
        ['dockerfile/no-ignored-healthcheck', 'info', 6, 1, 6, 12],
      ],
    );
  });

  it('checks the Dockerfile a SAM image function names against the function', () => {
    const sam = lint().filter((f) => f.file === 'sam/app/Dockerfile');
    assert.deepEqual(sam.map((f) => [f.ruleId, f.severity, f.line, f.column]), [['dockerfile/require-lambda-runtime-api', 'error', 5, 5]]);
  });

  it('stays silent about the AWS-aware rules when the Dockerfile is linted alone', () => {
    const result = runCli(['lint', '--format', 'json', 'ecs/Dockerfile'], join(FIXTURES));
    const alone = (JSON.parse(result.stdout) as { findings: JsonFinding[] }).findings;
    // Without the task definition the link is unknown; only the generic rules may speak.
    assert.deepEqual(alone.filter((f) => /platform-architecture|expose-port-mapping|ignored-healthcheck/.test(f.ruleId)), []);
  });
});

describe('berth lint: a .berthrc.yaml deploy target links a Dockerfile to a task definition in another folder', () => {
  before(() => buildCli());

  it('checks the Dockerfile against the target container', () => {
    const result = runCli(['lint'], join(__dirname, '../fixtures/crossfile-deploy'));
    assert.equal(result.code, 1, result.stderr);
    assert.deepEqual(result.lines, [
      'app/Dockerfile:1:17: error: This image is built for arm64 (linux/arm64), but the task definition runs it on X86_64 (runtimePlatform.cpuArchitecture). The task stops with "exec format error". Build for linux/amd64 or change cpuArchitecture. [dockerfile/valid-platform-architecture]',
      '1 problem (1 error, 0 warnings, 0 infos) in 1 file (3 checked)',
    ]);
  });
});
