/** `berth lint` under bad conditions: broken files become findings, output stays valid, nothing crashes. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildCli, fixture, runCli } from './cliHarness';

let dir: string;

before(async () => {
  await buildCli();
  dir = mkdtempSync(join(tmpdir(), 'berth-bad-'));
  chmodSync(dir, 0o755);
});

after(() => {
  if (dir) {
    try {
      chmodSync(join(dir, 'locked', 'locked.json'), 0o644);
    } catch {
      // not made
    }
    rmSync(dir, { recursive: true, force: true });
  }
});

function folder(name: string): string {
  const path = join(dir, name);
  mkdirSync(path, { recursive: true });
  chmodSync(path, 0o755);
  return path;
}

describe('berth lint: broken files are findings', () => {
  it('binary content and invalid UTF-8 are parse/invalid-encoding errors at the offending byte', () => {
    const d = folder('encoding');
    writeFileSync(join(d, 'binary.json'), Buffer.from('{"family":"x",\u0000"containerDefinitions":[]}', 'latin1'));
    writeFileSync(join(d, 'latin1.yaml'), Buffer.from('Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition # caf\xe9\n', 'latin1'));
    const r = runCli(['lint'], d);
    assert.deepEqual(r.lines, [
      'binary.json:1:15: error: This file contains binary data (a NUL byte at byte 14); Berth analyses text files only. [parse/invalid-encoding]',
      'latin1.yaml:3:41: error: This file is not valid UTF-8 (first invalid byte at 56); save it as UTF-8, which AWS tools expect. [parse/invalid-encoding]',
      '2 problems (2 errors, 0 warnings, 0 infos) in 2 files (2 checked)',
    ]);
    assert.equal(r.code, 1);
    const json = JSON.parse(runCli(['lint', '--format', 'json'], d).stdout);
    assert.deepEqual(
      json.findings.map((f: { file: string; ruleId: string }) => [f.file, f.ruleId]),
      [
        ['binary.json', 'parse/invalid-encoding'],
        ['latin1.yaml', 'parse/invalid-encoding'],
      ],
    );
  });

  it('a symlink loop and a broken symlink are parse/unreadable-file findings; a folder loop ends; JSON and SARIF stay valid', () => {
    const d = folder('links');
    symlinkSync('loop.yaml', join(d, 'loop.yaml'));
    symlinkSync('missing.json', join(d, 'dangling.json'));
    mkdirSync(join(d, 'sub'));
    symlinkSync('..', join(d, 'sub', 'up'));
    copyFileSync(join(fixture('project'), 'tasks', 'worker.json'), join(d, 'sub', 'worker.json'));
    const r = runCli(['lint'], d);
    assert.deepEqual(r.lines, [
      'dangling.json:1:1: error: This file cannot be read (a broken symbolic link or a file that vanished); it was not checked. [parse/unreadable-file]',
      'loop.yaml:1:1: error: This file cannot be read (a loop of symbolic links); it was not checked. [parse/unreadable-file]',
      'sub/worker.json:3:3: warning: Duplicate key "family": only the last value counts, so the earlier one is silently ignored. Remove one of them. [parse/duplicate-key]',
      '3 problems (2 errors, 1 warning, 0 infos) in 3 files (1 checked)',
    ]);
    assert.equal(r.code, 1);
    const json = JSON.parse(runCli(['lint', '--format', 'json'], d).stdout);
    assert.deepEqual(json.summary, { files: 1, errors: 2, warnings: 1, infos: 0 });
    const sarif = JSON.parse(runCli(['lint', '--format', 'sarif'], d).stdout);
    const rules = sarif.runs[0].tool.driver.rules;
    const unreadable = sarif.runs[0].results.find((res: { ruleId: string }) => res.ruleId === 'parse/unreadable-file');
    assert.equal(rules[unreadable.ruleIndex].id, 'parse/unreadable-file');
  });

  it('a folder named like a file is walked, not read as a file', () => {
    const d = folder('dirs');
    mkdirSync(join(d, 'task.json'));
    copyFileSync(join(fixture('project'), 'tasks', 'worker.json'), join(d, 'task.json', 'inner.json'));
    const r = runCli(['lint', 'task.json'], d);
    assert.match(r.lines[0]!, /^task\.json\/inner\.json:3:3: warning: Duplicate key "family"/);
    assert.equal(r.code, 0);
  });

  it('an empty file named on the command line gets a clear word; an empty Dockerfile a finding', () => {
    const d = folder('empty');
    writeFileSync(join(d, 'task.json'), '');
    writeFileSync(join(d, 'Dockerfile'), '');
    const r = runCli(['lint', 'task.json', 'Dockerfile'], d);
    assert.equal(r.stderr, 'berth: warning: task.json: the file is empty; nothing to check\n');
    assert.deepEqual(r.lines, [
      'Dockerfile:1:1: info: This file is empty: there is nothing for AWS to read. Add content or delete the file. [parse/invalid-encoding]',
      '1 problem (0 errors, 0 warnings, 1 info) in 1 file (2 checked)',
    ]);
    assert.equal(r.code, 0);
  });

  it('a file too large to analyse gets one finding instead of a long run', () => {
    const d = folder('large');
    writeFileSync(join(d, 'config.yaml'), 'limits:\n  maxFileSize: 1000\n');
    const padding = `${'#'.repeat(99)}\n`.repeat(40);
    writeFileSync(join(d, 'task.json'), `{"family":"x","containerDefinitions":[]}\n${padding}`);
    const r = runCli(['lint', '--config', 'config.yaml', 'task.json'], d);
    assert.deepEqual(r.lines, [
      'task.json:1:1: warning: This file is 3.9 KB, over the 1000 bytes that Berth analyses (limits.maxFileSize); it was not checked. [parse/too-complex]',
      '1 problem (0 errors, 1 warning, 0 infos) in 1 file (1 checked)',
    ]);
  });
});

const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

/** Root reads everything: run the CLI as an unprivileged user when we can, else the case cannot be made. */
function canDropPrivileges(): boolean {
  if (!isRoot) return true;
  const probe = spawnSync(process.execPath, ['-e', 'process.exit(0)'], { uid: NOBODY, gid: NOBODY });
  return probe.status === 0;
}

describe('berth lint: unreadable files', () => {
  const skip = !canDropPrivileges();
  it(`a chmod 000 file is a parse/unreadable-file error${skip ? ' (skipped: running as root and cannot switch to an unprivileged user, so the file stays readable)' : ''}`, { skip }, () => {
    const d = folder('locked');
    writeFileSync(join(d, 'locked.json'), '{"family":"x","containerDefinitions":[]}');
    chmodSync(join(d, 'locked.json'), 0o000);
    const asUser = isRoot ? { uid: NOBODY, gid: NOBODY } : {};
    const r = runCli(['lint', 'locked.json'], d, asUser);
    assert.deepEqual(r.lines, [
      'locked.json:1:1: error: This file cannot be read (permission denied); it was not checked. [parse/unreadable-file]',
      '1 problem (1 error, 0 warnings, 0 infos) in 1 file (0 checked)',
    ]);
    assert.equal(r.code, 1);
    const json = JSON.parse(runCli(['lint', '--format', 'json', '.'], d, asUser).stdout);
    assert.equal(json.findings[0].ruleId, 'parse/unreadable-file');
  });
});
