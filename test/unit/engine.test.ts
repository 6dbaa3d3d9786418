import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { defineRule } from '../../server/src/core/rules/defineRule';
import fargate from '../../server/src/core/rules/ecs/fargate-valid-cpu-memory';

const TASK = 'family: web\nrequiresCompatibilities: [FARGATE]\ncpu: "256"\nmemory: "4096"\ncontainerDefinitions:\n  - name: app\n    image: x:1\n';

const throwing = defineRule({
  id: 'test/always-throws',
  kinds: ['ecs-task-definition'],
  severity: 'error',
  docs: { summary: 'Report nothing; throw instead' },
  messages: { never: 'never' },
  check() {
    throw new Error('boom');
  },
});

describe('rule engine', () => {
  it('turns a throwing rule into one internal-error finding while the other rules still report', () => {
    const { findings } = analyze({ uri: 'file:///w/task.yaml', text: TASK }, { rules: [throwing, fargate] });
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.severity]),
      [
        ['internal/rule-error', 'info'],
        ['ecs/fargate-valid-cpu-memory', 'error'],
      ],
    );
    assert.match(findings[0]!.message, /rule test\/always-throws failed on this file \(boom\)/);
    assert.match(findings[0]!.internalError!, /^test\/always-throws: Error: boom/);
  });

  it('makes an error on a resource under a Condition a warning that names the condition, in every rule; other resources keep error', () => {
    const text = `Conditions:
  IsProd: !Equals [!Ref Env, prod]
Parameters:
  Env: { Type: String }
Resources:
  Old:
    Type: AWS::Lambda::Function
    Condition: IsProd
    Properties: { Runtime: python3.13, Handler: a.h, Role: r, Code: { ZipFile: x }, Timeout: 2000 }
  New:
    Type: AWS::Lambda::Function
    Properties: { Runtime: python3.13, Handler: a.h, Role: r, Code: { ZipFile: x }, Timeout: 2000 }
`;
    const { findings } = analyze({ uri: 'file:///w/template.yaml', text });
    const timeouts = findings.filter((f) => f.ruleId === 'lambda/valid-timeout');
    assert.deepEqual(
      timeouts.map((f) => [text.slice(0, f.span.start).split('\n').length, f.severity, f.condition]),
      [
        [9, 'warning', 'IsProd'],
        [12, 'error', undefined],
      ],
    );
    assert.match(timeouts[0]!.message, / Old is created only when its condition IsProd holds, which Berth cannot tell; while it does not, the template deploys as written, so this is a warning\.$/);
    assert.deepEqual(timeouts[0]!.related.map((r) => text.slice(r.span.start, r.span.end)), ['IsProd']);
  });

  it('keeps an error under a Condition when the template is rejected whatever the conditions say (references, SAM transform, syntax)', () => {
    const text = `Transform: AWS::Serverless-2016-10-31
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Parameters:
  Env: { Type: String }
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Condition: IsProd
    Properties:
      Runtime: python3.13
      Handler: a.h
      CodeUri: src/
      Role: !GetAtt Missing.Arn
      MemorySizes: 512
`;
    const { findings } = analyze({ uri: 'file:///w/template.yaml', text });
    assert.deepEqual(
      findings.filter((f) => f.ruleId.startsWith('cfn/')).map((f) => [f.ruleId, f.severity, f.condition]),
      [
        ['cfn/valid-references', 'error', undefined],
        ['cfn/valid-resource-properties', 'error', undefined],
      ],
    );
  });

  it('reports a value several resources share once, not once per resource (serverless.yml provider runtime)', () => {
    const text = 'service: api\nprovider:\n  name: aws\n  runtime: nodejs12.x\nfunctions:\n  a:\n    handler: a.handler\n  b:\n    handler: b.handler\n  c:\n    handler: c.handler\n';
    const { findings } = analyze({ uri: 'file:///p/serverless.yml', text }, { now: new Date('2026-11-23T00:00:00Z') });
    const runtime = findings.filter((f) => f.ruleId === 'lambda/no-deprecated-runtime');
    assert.equal(runtime.length, 1);
    assert.deepEqual(runtime[0]!.span, { start: text.indexOf('nodejs12.x'), end: text.indexOf('nodejs12.x') + 'nodejs12.x'.length });
  });

  it('applies severities from settings, and turns rules off', () => {
    const asWarning = analyze({ uri: 'file:///w/task.yaml', text: TASK }, { rules: [fargate], settings: { rules: { 'ecs/fargate-valid-cpu-memory': 'warning' } } });
    assert.deepEqual(asWarning.findings.map((f) => f.severity), ['warning']);
    const off = analyze({ uri: 'file:///w/task.yaml', text: TASK }, { rules: [fargate], settings: { rules: { 'ecs/fargate-valid-cpu-memory': 'off' } } });
    assert.deepEqual(off.findings, []);
  });

  it('runs rules marked docs.genericFeature only when the settings turn generic features on', () => {
    const generic = defineRule({ ...fargate, id: 'test/generic-feature', docs: { ...fargate.docs, genericFeature: true } });
    const run = (genericFeatures?: boolean) =>
      analyze({ uri: 'file:///w/task.yaml', text: TASK }, { rules: [generic, fargate], settings: genericFeatures === undefined ? {} : { genericFeatures } }).findings.map((f) => f.ruleId);
    assert.deepEqual(run(), ['ecs/fargate-valid-cpu-memory'], 'off by default in the core');
    assert.deepEqual(run(false), ['ecs/fargate-valid-cpu-memory']);
    assert.deepEqual(run(true), ['ecs/fargate-valid-cpu-memory', 'test/generic-feature']);
  });

  it('honours # berth-ignore on the line before, in YAML', () => {
    const suppressed = TASK.replace('memory: "4096"', '# berth-ignore ecs/fargate-valid-cpu-memory\nmemory: "4096"');
    assert.deepEqual(analyze({ uri: 'file:///w/task.yaml', text: suppressed }, { rules: [fargate] }).findings, []);
    const otherRule = TASK.replace('memory: "4096"', '# berth-ignore ecs/some-other-rule\nmemory: "4096"');
    assert.equal(analyze({ uri: 'file:///w/task.yaml', text: otherRule }, { rules: [fargate] }).findings.length, 1);
  });

  it('gives files that are not AWS configuration no kind and no findings, without parsing them', () => {
    const result = analyze({ uri: 'file:///w/package.json', text: '{"name": "x", "scripts": {"test": "node --test"}}' });
    assert.equal(result.document.kind, undefined);
    assert.equal(result.document.tree, undefined);
    assert.deepEqual(result.findings, []);
  });
});
