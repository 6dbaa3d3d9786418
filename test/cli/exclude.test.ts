/** `berth lint` honours exclude patterns as the shared table says (the server is held to the same table). */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EXCLUDE_CASES, TASK_RULE, writeCase } from '../helpers/excludeCases';
import { buildCli, runCli } from './cliHarness';

const root = mkdtempSync(join(tmpdir(), 'berth-exclude-cli-'));
before(async () => {
  await buildCli();
});
after(() => rmSync(root, { recursive: true, force: true }));

describe('berth lint: exclude patterns in .berthrc.yaml', () => {
  EXCLUDE_CASES.forEach((c, i) => {
    it(`${JSON.stringify(c.patterns)}: lints exactly the kept files`, () => {
      const dir = join(root, `case-${i}`);
      writeCase(dir, c);
      const r = runCli(['lint', '--format', 'json'], dir);
      const findings = (JSON.parse(r.stdout) as { findings: { file: string; ruleId: string }[] }).findings;
      assert.deepEqual(findings.filter((f) => f.ruleId === TASK_RULE).map((f) => f.file).sort(), [...c.kept].sort(), r.stderr);
      assert.equal(r.code, c.kept.length > 0 ? 1 : 0);
    });
  });

  it('an excluded file named on the command line is not linted, also when a folder above it is excluded', () => {
    const c = EXCLUDE_CASES.find((e) => e.patterns[0] === 'legacy')!;
    const r = runCli(['lint', 'sub/legacy/task.json'], join(root, `case-${EXCLUDE_CASES.indexOf(c)}`));
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'berth: warning: sub/legacy/task.json: excluded by the configuration; not checked\nberth: no files matched "sub/legacy/task.json"\n');
  });
});
