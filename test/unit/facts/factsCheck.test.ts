/** npm run facts:check: agrees with the installed models, and fails naming the table when a model knows more. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Runtime } from '@aws-sdk/client-lambda';

const root = join(__dirname, '../../..');

function factsCheck(env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/facts-check.ts'], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
}

describe('facts:check', () => {
  it('passes against the models in package-lock.json', () => {
    const run = factsCheck();
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /8 Fargate sizes, \d+ Lambda runtimes/);
  });

  it('fails on a newer Lambda model: its version, a runtime the table lacks, a moved timeout maximum', () => {
    const models = mkdtempSync(join(tmpdir(), 'berth-facts-'));
    const pkg = join(models, '@aws-sdk', 'client-lambda');
    mkdirSync(join(pkg, 'dist-types', 'models'), { recursive: true });
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: '@aws-sdk/client-lambda', version: '9.9.9', main: 'index.js' }));
    writeFileSync(join(pkg, 'index.js'), `exports.Runtime = ${JSON.stringify({ ...Runtime, nodejs99x: 'nodejs99.x' })};`);
    writeFileSync(join(pkg, 'dist-types', 'models', 'models_0.d.ts'), '/** <p>The default is 3 seconds, and the maximum allowed value is 3,600 seconds.</p> */');
    const run = factsCheck({ BERTH_FACTS_MODELS: models });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /@aws-sdk\/client-lambda is 9\.9\.9 in node_modules, but the fact tables were checked against 3\.\d+\.\d+/);
    assert.match(run.stderr, /Lambda runtime nodejs99\.x is in @aws-sdk\/client-lambda 9\.9\.9 but not in RUNTIME_LIFECYCLE \(server\/src\/core\/facts\/lambdaRuntimes\.ts\)/);
    assert.match(run.stderr, /Lambda Timeout maximum: @aws-sdk\/client-lambda 9\.9\.9 documents 3,600 seconds, LAMBDA_COMPUTE_LIMITS\.default\.timeout\.max/);
  });
});
