/**
 * The GitHub Action run the way the runner runs it: action.yml's composite steps executed with bash, the `lint`
 * step's environment built from its `env:` mapping with each `${{ inputs.x }}` replaced by the workflow's value
 * or the input's default, GITHUB_WORKSPACE, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY set, in a repository checkout.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { buildCli, ROOT } from '../cli/cliHarness';
import { cdkApp } from '../helpers/cdkFixture';
import { sarifValidator } from '../helpers/sarif';

interface Step {
  id?: string;
  name?: string;
  shell: string;
  run: string;
  env?: Record<string, string>;
}
interface ActionYml {
  name: string;
  description: string;
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml;

interface Run {
  code: number | null;
  stdout: string;
  outputs: string;
  summary: string;
  workspace: string;
}

/** Runs every step of the composite action as the runner would, with `with:` values `inputs`. */
function runAction(workspace: string, inputs: Record<string, string> = {}): Run {
  const outputFile = join(workspace, '..', `output-${Math.random().toString(36).slice(2)}`);
  const summaryFile = `${outputFile}-summary`;
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const base = { ...process.env, GITHUB_ACTION_PATH: ROOT, GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_ACTIONS: 'true' };
  let stdout = '';
  let code: number | null = 0;
  for (const step of action.runs.steps) {
    const env: Record<string, string | undefined> = { ...base };
    for (const [name, expression] of Object.entries(step.env ?? {})) {
      env[name] = expression.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, input: string) => inputs[input] ?? action.inputs[input]?.default ?? '');
    }
    const r = spawnSync(step.shell, ['-e', '-c', step.run], { cwd: workspace, env, encoding: 'utf8', timeout: 60_000 });
    stdout += r.stdout;
    code = r.status;
    if (code !== 0) break;
  }
  return { code, stdout, outputs: readFileSync(outputFile, 'utf8'), summary: readFileSync(summaryFile, 'utf8'), workspace };
}

const annotations = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('::'));

function checkout(): string {
  const repo = mkdtempSync(join(tmpdir(), 'berth-action-'));
  const workspace = join(repo, 'repo');
  mkdirSync(join(workspace, 'ecs'), { recursive: true });
  writeFileSync(
    join(workspace, 'ecs', 'task.json'),
    '{\n  "family": "api",\n  "networkMode": "awsvpc",\n  "requiresCompatibilities": ["FARGATE"],\n  "cpu": "256",\n  "memory": "4096",\n  "containerDefinitions": [{ "name": "api", "image": "nginx:1.27", "essential": true, "readonlyRootFilesystem": true }]\n}\n',
  );
  writeFileSync(join(workspace, 'Dockerfile'), 'FROM node:22-bookworm-slim\nUSER node\nCMD node server.js\n');
  writeFileSync(join(workspace, 'package.json'), '{ "name": "app" }\n');
  return workspace;
}

const MEMORY = 'Fargate does not offer 4096 MiB of memory with 0.25 vCPU, so RegisterTaskDefinition rejects this task definition. With 0.25 vCPU, memory must be 512, 1024, 2048 MiB; the nearest is 2048 MiB.';

before(async () => {
  await buildCli(); // dist/action.js with the rest of dist/
});

describe('action.yml', () => {
  it('is a composite action whose lint step passes every input as INPUT_<NAME> and whose outputs come from it', () => {
    assert.equal(action.runs.using, 'composite');
    const lint = action.runs.steps.find((s) => s.id === 'lint')!;
    assert.equal(lint.run, 'node "$GITHUB_ACTION_PATH/dist/action.js"');
    assert.deepEqual(
      Object.entries(lint.env!).sort(),
      Object.keys(action.inputs).map((name) => [`INPUT_${name.toUpperCase()}`, `\${{ inputs.${name} }}`]).sort(),
    );
    assert.deepEqual(Object.keys(action.inputs), ['paths', 'config', 'min-severity', 'sarif-file', 'fail', 'working-directory']);
    for (const [name, output] of Object.entries(action.outputs)) assert.equal(output.value, `\${{ steps.lint.outputs.${name} }}`);
    for (const input of Object.values(action.inputs)) assert.ok(input.description.length > 20);
  });

  it('builds nothing when dist/ is there (a release tag), and otherwise installs the checkout of the action, which builds it', () => {
    const build = action.runs.steps[0]!;
    assert.match(build.run, /\[ ! -f "\$GITHUB_ACTION_PATH\/dist\/action\.js" \]/);
    assert.match(build.run, /npm ci --prefix "\$GITHUB_ACTION_PATH"/);
    assert.ok(existsSync(join(ROOT, 'dist/action.js')));
    assert.match(readFileSync(join(ROOT, 'scripts/build-if-missing.mjs'), 'utf8'), /'dist\/action\.js'/, 'npm ci builds the bundle the action runs');
  });
});

describe('the Action on a checkout', () => {
  it('annotates every finding on its file and range, fails on the error, and writes SARIF, outputs and a summary', () => {
    const r = runAction(checkout());
    assert.equal(r.code, 1);
    const [warning, error, ...more] = annotations(r.stdout);
    assert.match(warning!, /^::warning file=Dockerfile,line=3,endLine=3,col=5,endColumn=19,title=Berth%3A dockerfile\/prefer-exec-form::CMD in shell form runs under \/bin\/sh -c, /);
    assert.equal(error, `::error file=ecs/task.json,line=6,endLine=6,col=13,endColumn=19,title=Berth%3A ecs/fargate-valid-cpu-memory::${MEMORY}`);
    assert.deepEqual(more, []);
    assert.match(r.stdout, /^2 problems \(1 error, 1 warning, 0 infos\) in 2 files \(3 checked\)$/m, 'the log has the text report too');

    const sarif = JSON.parse(readFileSync(join(r.workspace, 'berth.sarif'), 'utf8')) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }[] }[] }[] };
    assert.equal(sarifValidator()(sarif), true);
    assert.deepEqual(sarif.runs[0]!.results.map((x) => [x.ruleId, x.locations[0]!.physicalLocation.artifactLocation.uri]), [
      ['dockerfile/prefer-exec-form', 'Dockerfile'],
      ['ecs/fargate-valid-cpu-memory', 'ecs/task.json'],
    ]);
    assert.equal(r.outputs, 'errors=1\nwarnings=1\ninfos=0\nfiles=3\nsarif-file=berth.sarif\n');
    assert.match(r.summary, /^## Berth\n\n\*\*1 error, 1 warning, 0 infos\*\* in 3 files checked \(`\.`\)\.\n/);
    assert.match(r.summary, /^\| error \| `ecs\/task\.json:6:13` \| \[ecs\/fargate-valid-cpu-memory\]\(https:\/\/\S+\) \| Fargate does not offer/m);
    assert.match(r.summary, /SARIF: `berth\.sarif`/);
  });

  it('fail: false reports the same and passes; min-severity: error keeps errors only; sarif-file: "" writes none', () => {
    const lenient = runAction(checkout(), { fail: 'false' });
    assert.equal(lenient.code, 0);
    assert.equal(annotations(lenient.stdout).length, 2);
    const errorsOnly = runAction(checkout(), { 'min-severity': 'error', 'sarif-file': '' });
    assert.equal(errorsOnly.code, 1);
    assert.deepEqual(annotations(errorsOnly.stdout).map((a) => a.split(' ')[0]), ['::error']);
    assert.equal(errorsOnly.outputs, 'errors=1\nwarnings=0\ninfos=0\nfiles=3\nsarif-file=\n');
    assert.equal(existsSync(join(errorsOnly.workspace, 'berth.sarif')), false);
  });

  it('working-directory and paths: files and SARIF URIs stay relative to the repository root', () => {
    const workspace = checkout();
    mkdirSync(join(workspace, 'services', 'api'), { recursive: true });
    writeFileSync(join(workspace, 'services', 'api', 'task.json'), readFileSync(join(workspace, 'ecs', 'task.json')));
    const r = runAction(workspace, { 'working-directory': 'services', paths: 'api/task.json\napi' });
    assert.equal(r.code, 1);
    assert.match(annotations(r.stdout)[0]!, /^::error file=services\/api\/task\.json,line=6,/);
    const sarif = JSON.parse(readFileSync(join(workspace, 'services', 'berth.sarif'), 'utf8')) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    assert.equal(sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri, 'services/api/task.json');
    assert.match(r.outputs, /^sarif-file=services\/berth\.sarif$/m);
  });
});

describe('the Action on a CDK app', () => {
  it("annotates a finding in cdk.out on the app's line that created the construct (cdk.out is not in the pull request)", () => {
    const r = runAction(cdkApp(), { paths: 'cdk.out', 'min-severity': 'error' });
    assert.equal(r.code, 1);
    assert.equal(
      annotations(r.stdout)[0],
      `::error file=lib/web-stack.js,line=13,col=5,title=Berth%3A ecs/fargate-valid-cpu-memory::${MEMORY} (in cdk.out/WebStack.template.json:15:15, synthesized from the CDK construct WebStack/ApiTask)`,
    );
  });
});

describe('the Action: bad input (exit 2, an error annotation that says what to fix)', () => {
  const expectError = (r: Run, message: RegExp) => {
    assert.equal(r.code, 2, r.stdout);
    assert.ok(annotations(r.stdout).some((a) => message.test(a)), `no annotation matches ${message}:\n${r.stdout}`);
  };

  it('inputs out of range', () => {
    expectError(runAction(checkout(), { 'min-severity': 'fatal' }), /^::error title=Berth::Input min-severity must be one of error, warning, info, not "fatal"\.$/);
    expectError(runAction(checkout(), { fail: 'maybe' }), /^::error title=Berth::Input fail must be true or false, not "maybe"\.$/);
    expectError(runAction(checkout(), { 'working-directory': 'nowhere' }), /^::error title=Berth::Input working-directory nowhere does not exist\.$/);
  });

  it('a path that matches nothing', () => {
    expectError(runAction(checkout(), { paths: 'ecs missing/*.json' }), /^::error title=Berth::No files matched "missing\/\*\.json" in \. \(input paths\)\.$/);
  });

  it('a broken .berthrc.yaml: the annotation is on the file and line', () => {
    const workspace = checkout();
    writeFileSync(join(workspace, '.berthrc.yaml'), 'rules:\n  ecs/fargate-valid-cpu-memory: fatal\n');
    const r = runAction(workspace);
    expectError(r, /^::error file=\.berthrc\.yaml,line=2,col=\d+,title=Berth::\.berthrc\.yaml:2:\d+: .*Nothing was checked/);
    assert.equal(r.outputs, '', 'no outputs: nothing was linted');
  });

  it('a config file that does not exist', () => {
    expectError(runAction(checkout(), { config: 'ci/berth.yaml' }), /cannot read the configuration file \(no such file\)/);
  });

  it('an unreadable file is a finding on that file, not a crash', () => {
    const workspace = checkout();
    spawnSync('ln', ['-s', 'gone.json', join(workspace, 'ecs', 'broken.json')]);
    const r = runAction(workspace, { paths: 'ecs' });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^::error file=ecs\/broken\.json,line=1,endLine=1,col=1,endColumn=1,title=Berth%3A parse\/unreadable-file::/m);
  });
});
