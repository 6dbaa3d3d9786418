/** `.berthrc.yaml` and command-line usage, through the built CLI. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { buildCli, fixture, ROOT, runCli } from './cliHarness';

const WEB_MEMORY =
  'Fargate does not offer 4096 MiB of memory with 0.25 vCPU, so RegisterTaskDefinition rejects this task definition. With 0.25 vCPU, memory must be 512, 1024, 2048 MiB; the nearest is 2048 MiB.';

before(async () => {
  await buildCli();
});

describe('berth lint: .berthrc.yaml', () => {
  it('applies rule severities and excludes from the current folder, warns about unknown rule ids, ignores other sections', () => {
    const r = runCli(['lint'], fixture('config'));
    assert.deepEqual(r.lines, [
      `task.json:6:13: warning: ${WEB_MEMORY} [ecs/fargate-valid-cpu-memory]`,
      '1 problem (0 errors, 1 warning, 0 infos) in 1 file (3 checked)',
    ]);
    assert.equal(r.code, 0, 'the error was lowered to a warning');
    assert.equal(
      r.stderr,
      'berth: warning: .berthrc.yaml:5:3: Unknown rule id "made-up/rule"; it is ignored. Check the spelling against the rule list in the README.\n',
    );
  });

  it('an excluded file given explicitly is not linted, and then nothing matched', () => {
    const r = runCli(['lint', 'generated/task.json'], fixture('config'));
    assert.equal(r.code, 2);
    assert.match(r.stderr, /generated\/task\.json: excluded by the configuration/);
  });

  it('--no-error-on-unmatched-pattern skips excluded and missing files, as pre-commit passes them, and lints the rest', () => {
    const r = runCli(['lint', '--no-error-on-unmatched-pattern', 'generated/task.json', 'gone.json', 'task.json'], fixture('config'));
    assert.equal(r.code, 0);
    assert.match(r.lines.at(-1)!, /in 1 file \(1 checked\)$/);
    assert.match(r.stderr, /generated\/task\.json: excluded by the configuration/);
    const none = runCli(['lint', '--no-error-on-unmatched-pattern', 'generated/task.json'], fixture('config'));
    assert.equal(none.code, 0);
    assert.deepEqual(none.lines, ['No problems in 0 files.']);
  });

  it('--config FILE replaces the configuration of the current folder', () => {
    const r = runCli(['lint', '--config', '../configs/off.yaml', 'task.json', 'generated'], fixture('config'));
    assert.deepEqual(r.lines, ['No problems in 2 files.']);
    assert.equal(r.code, 0);
  });

  it('a YAML syntax error exits 2 and names the line', () => {
    const r = runCli(['lint', '--config', '../configs/broken-syntax.yaml'], fixture('project'));
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^berth: \.\.\/configs\/broken-syntax\.yaml:4:3: Invalid YAML: /);
    assert.match(r.stderr, /nothing was checked/);
  });

  it('a bad severity exits 2 and names its line and column', () => {
    const r = runCli(['lint', '--config', '../configs/bad-severity.yaml'], fixture('project'));
    assert.equal(r.code, 2);
    assert.equal(
      r.stderr.split('\n')[0],
      'berth: ../configs/bad-severity.yaml:3:33: The setting of rule ecs/fargate-valid-cpu-memory must be one of off, info, warning, error, not "loud".',
    );
  });

  it('a missing --config file exits 2', () => {
    const r = runCli(['lint', '--config', 'nope.yaml'], fixture('project'));
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^berth: nope\.yaml: cannot read the configuration file \(no such file\)/);
  });
});

describe('berth: usage', () => {
  const cwd = fixture('project');

  it('--help prints the usage and exits 0; --version prints the package version', () => {
    const help = runCli(['lint', '--help'], cwd);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: berth lint \[options\] \[paths or globs\.\.\.\]/);
    for (const option of ['--format text|json|sarif', '--min-severity', '--max-warnings N', '--config FILE', '--quiet']) assert.ok(help.stdout.includes(option), option);
    const version = runCli(['--version'], cwd);
    assert.equal(version.code, 0);
    assert.equal(version.stdout, `${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}\n`);
  });

  const bad: [string[], RegExp][] = [
    [['lint', '--bogus'], /^berth: unknown option "--bogus"/],
    [['lint', '--format', 'xml'], /^berth: --format must be one of text, json, sarif, not "xml"/],
    [['lint', '--min-severity', 'fatal'], /^berth: --min-severity must be one of error, warning, info, not "fatal"/],
    [['lint', '--max-warnings', 'many'], /^berth: --max-warnings must be a whole number of 0 or more, not "many"/],
    [['lint', '--format'], /^berth: option --format needs a value/],
    [['check'], /^berth: unknown command "check"; the commands are lint, deploy and mcp/],
    [[], /^berth: missing command/],
  ];
  for (const [args, message] of bad) {
    it(`berth ${args.join(' ') || '(nothing)'} exits 2 with a clear message and the usage`, () => {
      const r = runCli(args, cwd);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, message);
      assert.match(r.stderr, /\n\nUsage: berth lint/);
    });
  }
});
