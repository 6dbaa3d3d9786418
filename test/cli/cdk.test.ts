/** `berth lint` on CDK output: every finding names its construct, and the app's line that created it when kept. */
import assert from 'node:assert/strict';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { cdkApp } from '../helpers/cdkFixture';
import { sarifValidator } from '../helpers/sarif';
import { buildCli, runCli } from './cliHarness';

let app: string;
const ASSET = () => readdirSync(join(app, 'cdk.out')).find((n) => n.startsWith('asset.'))!;

before(async () => {
  await buildCli();
  app = cdkApp();
});

const MEMORY = '[ecs/fargate-valid-cpu-memory] (CDK construct WebStack/ApiTask, created at lib/web-stack.js:13)';
const QUEUE = '[lambda/valid-sqs-visibility-timeout] (CDK construct WebStack/Jobs/Resource, created at lib/web-stack.js:23)';

describe('berth lint cdk.out', () => {
  it('text: the construct path and the line of the app after each finding', () => {
    const r = runCli(['lint', 'cdk.out', '--min-severity', 'warning'], app);
    assert.equal(r.code, 1);
    assert.equal(r.lines.length, 3);
    assert.ok(r.lines[0]!.startsWith('cdk.out/WebStack.template.json:15:15: error: Fargate does not offer 4096 MiB'));
    assert.ok(r.lines[0]!.endsWith(MEMORY), r.lines[0]);
    assert.ok(r.lines[1]!.startsWith('cdk.out/WebStack.template.json:28:26: error: Queue JobsDF1CC2D4 has a visibility timeout of 30 s'));
    assert.ok(r.lines[1]!.endsWith(QUEUE), r.lines[1]);
    assert.equal(r.lines[2], '2 problems (2 errors, 0 warnings, 0 infos) in 1 file (4 checked)', "the image asset's copy in cdk.out is not linted");
  });

  it('a folder that holds cdk.out: the asset copy is skipped, its source linted once; paths stay as given', () => {
    const r = runCli(['lint', '.', '--min-severity', 'warning'], app);
    assert.deepEqual(r.lines.map((l) => l.split(':')[0]), ['cdk.out/WebStack.template.json', 'cdk.out/WebStack.template.json', 'image/Dockerfile', 'image/Dockerfile', '4 problems (2 errors, 2 warnings, 0 infos) in 2 files (6 checked)']);
    const absolute = runCli(['lint', join(app, 'cdk.out', 'WebStack.template.json'), '--min-severity', 'error'], '/');
    assert.ok(absolute.lines[0]!.endsWith(`(CDK construct WebStack/ApiTask, created at ${join(app, 'lib', 'web-stack.js')}:13)`), absolute.lines[0]);
    const asset = runCli(['lint', `cdk.out/${ASSET()}/Dockerfile`], app);
    assert.equal(asset.lines.length, 3, 'named explicitly, the copy is linted');
  });

  it('JSON: a construct object with the source file, line and column', () => {
    const json = JSON.parse(runCli(['lint', 'cdk.out', '--format', 'json', '--min-severity', 'error'], app).stdout) as { findings: { ruleId: string; construct?: unknown }[] };
    assert.deepEqual(
      json.findings.map((f) => [f.ruleId, f.construct]),
      [
        ['ecs/fargate-valid-cpu-memory', { path: 'WebStack/ApiTask', source: { file: 'lib/web-stack.js', line: 13, column: 5 } }],
        ['lambda/valid-sqs-visibility-timeout', { path: 'WebStack/Jobs/Resource', source: { file: 'lib/web-stack.js', line: 23, column: 18 } }],
      ],
    );
  });

  it('SARIF: the construct as a logical location, the line of the app as a related location (valid SARIF 2.1.0)', () => {
    const log = JSON.parse(runCli(['lint', 'cdk.out', '--format', 'sarif', '--min-severity', 'error'], app).stdout) as {
      runs: { results: { locations: { logicalLocations: unknown }[]; relatedLocations: { physicalLocation: { artifactLocation: unknown; region: unknown } }[] }[] }[];
    };
    assert.equal(sarifValidator()(log), true);
    const [memory] = log.runs[0]!.results;
    assert.deepEqual(memory!.locations[0]!.logicalLocations, [{ fullyQualifiedName: 'WebStack/ApiTask', kind: 'resource' }]);
    assert.deepEqual(memory!.relatedLocations[0]!.physicalLocation, { artifactLocation: { uri: 'lib/web-stack.js', uriBaseId: '%SRCROOT%' }, region: { startLine: 13, startColumn: 5 } });
  });

  it('a synth without --debug keeps no traces: the construct path alone; a broken manifest.json is no trace either', () => {
    const plain = cdkApp();
    rmSync(join(plain, 'cdk.out', 'WebStack.metadata.json'));
    assert.ok(runCli(['lint', 'cdk.out', '--min-severity', 'error'], plain).lines[0]!.endsWith('[ecs/fargate-valid-cpu-memory] (CDK construct WebStack/ApiTask)'));
    const broken = cdkApp();
    writeFileSync(join(broken, 'cdk.out', 'manifest.json'), '{ "artifacts": ');
    const r = runCli(['lint', 'cdk.out/WebStack.template.json', '--min-severity', 'error'], broken);
    assert.equal(r.code, 1);
    assert.ok(r.lines[0]!.endsWith('[ecs/fargate-valid-cpu-memory] (CDK construct WebStack/ApiTask)'));
  });
});
