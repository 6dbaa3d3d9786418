/**
 * The pre-commit hook (.pre-commit-hooks.yaml) run by the real pre-commit: `pre-commit try-repo` against this
 * repository installs it as pre-commit does for every user (npm install, which builds dist/; npm pack; npm
 * install -g), offline from npm's cache, and runs it on a small project's files.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { formatOf } from '../../server/src/core/kinds/detect';
import { ROOT } from '../cli/cliHarness';

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  require_serial?: boolean;
}
const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const hook = hooks.find((h) => h.id === 'berth-lint')!;

describe('.pre-commit-hooks.yaml', () => {
  it('berth-lint runs berth lint once over every file (cross-file rules), skipping excluded ones', () => {
    assert.equal(hook.language, 'node');
    assert.equal(hook.entry, 'berth lint --no-error-on-unmatched-pattern');
    assert.equal(hook.require_serial, true);
  });

  it('`files` selects exactly the names Berth reads (keep it equal to formatOf in core/kinds/detect.ts)', () => {
    // pre-commit applies the pattern with Python's re.search to the path from the repository root.
    const pattern = new RegExp(hook.files.replace(/^\(\?i\)/, ''), 'i');
    const names = [
      'task.json', 'a/b/service.JSON', 'tsconfig.jsonc', 'template.yaml', 'ci/serverless.yml', 'Dockerfile', 'app/Dockerfile.prod',
      'Containerfile', 'web.dockerfile', 'build/api.Containerfile', 'stack.template', 'main.tf', 'prod.tfvars', 'main.tf.json', 'containers.json.tpl', 'user-data.tftpl', 'README.md', 'Makefile', 'dockerfiles/run.sh',
      'my-dockerfile', 'json', 'notes.yaml.bak', 'Dockerfile/readme.txt',
    ];
    for (const name of names) {
      assert.equal(pattern.test(name), formatOf(`file:///repo/${name}`) !== undefined, `${name}: the hook's files pattern and formatOf disagree`);
    }
  });
});

describe('pre-commit try-repo (the real pre-commit, offline)', () => {
  const env = {
    ...process.env,
    npm_config_offline: 'true', // every package comes from npm's cache, filled by npm ci
    npm_config_update_notifier: 'false',
    GIT_AUTHOR_NAME: 'Berth Test',
    GIT_AUTHOR_EMAIL: 'test@example.invalid',
    GIT_COMMITTER_NAME: 'Berth Test',
    GIT_COMMITTER_EMAIL: 'test@example.invalid',
  };
  const run = (command: string, args: readonly string[], cwd: string) => {
    const r = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 300_000 });
    if (r.error) throw r.error;
    return r;
  };

  it('installs the hook from this repository and fails the commit on an error, skipping excluded files', () => {
    const version = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
    assert.equal(version.status, 0, 'pre-commit is not installed: bash .ci/install-deps.sh installs it (Debian package pre-commit)');
    const project = mkdtempSync(join(tmpdir(), 'berth-pre-commit-'));
    mkdirSync(join(project, 'generated'));
    const task = (memory: string) => JSON.stringify({ family: 'web', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory, containerDefinitions: [{ name: 'web', image: 'nginx:1.27', essential: true }] }, null, 2) + '\n';
    writeFileSync(join(project, 'task.json'), task('4096'));
    writeFileSync(join(project, 'generated', 'task.json'), task('4096')); // excluded below: pre-commit passes it, Berth skips it
    writeFileSync(join(project, '.berthrc.yaml'), 'exclude:\n  - generated/**\n');
    writeFileSync(join(project, 'package.json'), '{ "name": "app" }\n'); // JSON but no AWS config: read, nothing found
    writeFileSync(join(project, 'README.md'), '# app\n'); // not passed to the hook at all
    assert.equal(run('git', ['init', '-q'], project).status, 0);
    assert.equal(run('git', ['add', '.'], project).status, 0);

    // try-repo installs into a store of its own each time (~30 s: npm install of this repository), so one run.
    const result = run('pre-commit', ['try-repo', ROOT, 'berth-lint', '--all-files'], project);
    const out = result.stdout + result.stderr;
    assert.equal(result.status, 1, out);
    assert.match(out, /^berth lint\.+Failed$/m);
    assert.match(out, /^task\.json:\d+:\d+: error: Fargate does not offer 4096 MiB of memory with 0\.25 vCPU.*\[ecs\/fargate-valid-cpu-memory\]$/m);
    // task.json, package.json and .berthrc.yaml were read; the info is ecs/prefer-readonly-root-filesystem.
    assert.match(out, /^2 problems \(1 error, 0 warnings, 1 info\) in 1 file \(3 checked\)$/m);
    assert.match(out, /generated\/task\.json: excluded by the configuration; not checked/);
  });
});
