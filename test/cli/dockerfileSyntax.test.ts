/** `berth lint` runs dockerfile/valid-syntax (a generic feature: a CI job has no Docker extension), unless .berthrc.yaml turns it off. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { buildCli, runCli } from './cliHarness';

const DOCKERFILE = 'FROM alpine:3.20\nRUNN apk add curl\nUSER app\n';

describe('berth lint: Dockerfile syntax', () => {
  before(async () => {
    await buildCli();
  });

  it('reports an unknown instruction as an error, at the keyword', () => {
    const dir = mkdtempSync(join(tmpdir(), 'berth-cli-syntax-'));
    writeFileSync(join(dir, 'Dockerfile'), DOCKERFILE);
    const result = runCli(['lint', '--format', 'json', 'Dockerfile'], dir);
    assert.equal(result.code, 1, result.stderr);
    const findings = (JSON.parse(result.stdout) as { findings: { ruleId: string; severity: string; line: number; column: number }[] }).findings;
    const syntax = findings.filter((f) => f.ruleId === 'dockerfile/valid-syntax');
    assert.deepEqual(syntax.map((f) => [f.severity, f.line, f.column]), [['error', 2, 1]]);
  });

  it('.berthrc.yaml can turn it off', () => {
    const dir = mkdtempSync(join(tmpdir(), 'berth-cli-syntax-off-'));
    writeFileSync(join(dir, 'Dockerfile'), DOCKERFILE);
    writeFileSync(join(dir, '.berthrc.yaml'), "rules:\n  dockerfile/valid-syntax: 'off'\n");
    const result = runCli(['lint', '--format', 'json', 'Dockerfile'], dir);
    const findings = (JSON.parse(result.stdout) as { findings: { ruleId: string }[] }).findings;
    assert.deepEqual(findings.filter((f) => f.ruleId === 'dockerfile/valid-syntax'), [], result.stdout);
  });
});
