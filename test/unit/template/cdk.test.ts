/** CDK output: construct paths from a synthesized template, creation traces from the cloud assembly's metadata. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { parseJson } from '../../../server/src/core/parse/json';
import { assemblyStacks, constructPathAt, constructTraces, isCdkTemplate, userFrame } from '../../../server/src/core/template/cdk';

const OUT = join(__dirname, '../../fixtures/cdk/app/cdk.out');
const templateText = readFileSync(join(OUT, 'WebStack.template.json'), 'utf8');
const template = parseJson(templateText).root;
const read = (name: string): unknown => JSON.parse(readFileSync(join(OUT, name), 'utf8'));

describe('constructPathAt', () => {
  it('names the construct of the resource around an offset', () => {
    assert.equal(constructPathAt(template, templateText.indexOf('"4096"')), 'WebStack/ApiTask');
    assert.equal(constructPathAt(template, templateText.indexOf('"VisibilityTimeout"')), 'WebStack/Jobs/Resource');
    assert.equal(constructPathAt(template, templateText.indexOf('"Worker11F36D0F": {')), 'WebStack/Worker/Resource');
  });

  it('nothing outside the resources, or in a template the CDK did not write', () => {
    assert.equal(constructPathAt(template, templateText.indexOf('"BootstrapVersion": {')), undefined);
    const plain = '{ "Resources": { "Q": { "Type": "AWS::SQS::Queue" } } }';
    assert.equal(constructPathAt(parseJson(plain).root, plain.indexOf('AWS::SQS')), undefined);
    assert.equal(isCdkTemplate(parseJson(plain).root), false);
    assert.equal(isCdkTemplate(template), true);
  });
});

describe('cloud assembly metadata', () => {
  it("manifest.json's stacks name their template and metadata file", () => {
    assert.deepEqual(
      assemblyStacks(read('manifest.json')).map(({ templateFile, additionalMetadataFile }) => ({ templateFile, additionalMetadataFile })),
      [{ templateFile: 'WebStack.template.json', additionalMetadataFile: 'WebStack.metadata.json' }],
    );
    assert.deepEqual(assemblyStacks({ artifacts: 'nope' }), []);
    assert.deepEqual(assemblyStacks(null), []);
  });

  it('a synth with --debug keeps the line of the app that created each construct', () => {
    const traces = constructTraces(read('WebStack.metadata.json'));
    assert.deepEqual(userFrame(traces.get('WebStack/ApiTask')!), { file: '<app>/lib/web-stack.js', line: 13, column: 5 });
    assert.deepEqual(userFrame(traces.get('WebStack/Jobs/Resource')!), { file: '<app>/lib/web-stack.js', line: 23, column: 18 });
    assert.equal(userFrame(traces.get('WebStack/BootstrapVersion')!), undefined, 'made by aws-cdk-lib itself');
  });

  it("older CDK versions: a `trace` on manifest.json's entries; node_modules frames and file: URLs", () => {
    const traces = constructTraces({
      '/Old/Fn/Resource': [{ type: 'aws:cdk:logicalId', data: 'Fn9', trace: ['new Function (/app/node_modules/aws-cdk-lib/x.js:1:1)', 'new OldStack (file:///app/lib/old%20stack.js:7:9)'] }],
    });
    assert.deepEqual(userFrame(traces.get('Old/Fn/Resource')!), { file: '/app/lib/old stack.js', line: 7, column: 9 });
    assert.deepEqual(userFrame(['    at Object.<anonymous> (/app/bin/app.ts:4:1)']), { file: '/app/bin/app.ts', line: 4, column: 1 });
    assert.deepEqual(userFrame(['at /app/bin/app.js:8:1']), { file: '/app/bin/app.js', line: 8, column: 1 });
    assert.equal(userFrame(['...node internals...', 'node:internal/modules/cjs/loader:1:1']), undefined);
  });
});

describe('the fixture', () => {
  it('was synthesized from the app as it is now (else run node scripts/synth-cdk-fixture.mjs)', async () => {
    const script = pathToFileURL(join(__dirname, '../../../scripts/synth-cdk-fixture.mjs')).href;
    const { appSourcesHash } = (await import(script)) as { appSourcesHash(): string };
    const recorded = (JSON.parse(readFileSync(join(OUT, '../../fixture.json'), 'utf8')) as { appSources: string }).appSources;
    assert.equal(appSourcesHash(), recorded);
    assert.doesNotMatch(readFileSync(join(OUT, 'WebStack.metadata.json'), 'utf8'), /\/tmp\//, 'machine paths became <app>');
  });
});
