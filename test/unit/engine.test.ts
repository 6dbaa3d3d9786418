import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, lint, prepare } from '../../server/src/core/analyze';
import { defineRule } from '../../server/src/core/rules/defineRule';
import fargate from '../../server/src/core/rules/ecs/fargate-valid-cpu-memory';
import readonlyRoot from '../../server/src/core/rules/ecs/prefer-readonly-root-filesystem';
import deprecatedRuntime from '../../server/src/core/rules/lambda/no-deprecated-runtime';
import syntaxError from '../../server/src/core/rules/parse/syntax-error';

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

describe('a syntax error hides no other finding (issue 21, bug 5)', () => {
  const rules = [syntaxError, fargate, readonlyRoot, deprecatedRuntime];
  const NOW = new Date('2026-12-01');
  /** Each finding as [rule, the text it covers, where that text starts]. */
  const found = (text: string, findings: readonly { ruleId: string; span: { start: number; end: number } }[]) => findings.map((f) => [f.ruleId, text.slice(f.span.start, f.span.end), f.span.start]);
  const TASK_JSON = (broken: string, container = '') =>
    `{\n  "family": "web",\n  "requiresCompatibilities": ["FARGATE"],\n  "networkMode": "awsvpc",\n  "cpu": "256",\n${broken}  "memory": "4096",\n  "containerDefinitions": [\n    {\n      "name": "app",\n${container}      "image": "nginx:1.27"\n    }\n  ]\n}\n`;

  it('JSON: a key half-typed after a quote (no closing quote): the other findings stay, at their exact places', () => {
    const text = TASK_JSON('  "memor\n');
    const { findings } = analyze({ uri: 'file:///w/task-definition.json', text }, { rules, now: NOW });
    assert.deepEqual(found(text, findings), [
      ['parse/syntax-error', '"memor', text.indexOf('"memor')],
      ['ecs/fargate-valid-cpu-memory', '"4096"', text.indexOf('"4096"')],
      ['ecs/prefer-readonly-root-filesystem', '"name"', text.indexOf('"name"')],
    ]);
    assert.match(findings[0]!.message, /^Invalid JSON: unterminated string\. The file is rejected until this is fixed; Berth still checks the parts around it that parse\.$/);
  });

  it('JSON: a key without its colon before an object: the keys after it are still read', () => {
    const text = TASK_JSON('  "healthCheck" {"command": []},\n');
    const { findings } = analyze({ uri: 'file:///w/task-definition.json', text }, { rules, now: NOW });
    assert.deepEqual(found(text, findings), [
      ['parse/syntax-error', '{', text.indexOf('{"command"')],
      ['ecs/fargate-valid-cpu-memory', '"4096"', text.indexOf('"4096"')],
      ['ecs/prefer-readonly-root-filesystem', '"name"', text.indexOf('"name"')],
    ]);
  });

  it('JSON: an object with a broken line is not judged on what it may lack; the rest of the file is', () => {
    // The container is being edited ("readonlyRoot…" half-typed): whether it sets readonlyRootFilesystem is unknown.
    const text = TASK_JSON('', '      "readonlyRoot\n');
    const { findings } = analyze({ uri: 'file:///w/task-definition.json', text }, { rules, now: NOW });
    assert.deepEqual(found(text, findings), [
      ['ecs/fargate-valid-cpu-memory', '"4096"', text.indexOf('"4096"')],
      ['parse/syntax-error', '"readonlyRoot', text.indexOf('"readonlyRoot')],
    ]);
  });

  const TEMPLATE = (memoryLine: string, familyLine = '      Family: web\n') =>
    `Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n${familyLine}      RequiresCompatibilities: [FARGATE]\n      NetworkMode: awsvpc\n      Cpu: "256"\n${memoryLine}      ContainerDefinitions:\n        - Name: app\n          Image: nginx:1.27\n          ReadonlyRootFilesystem: true\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.7\n      Handler: app.handler\n      Code: {ZipFile: x}\n      Role: arn:aws:iam::123456789012:role/fn\n`;

  it('YAML: a key without its colon: the findings of the same resource and of the others stay', () => {
    const text = TEMPLATE('      Memory: "4096"\n', '      Family web\n');
    const { findings } = analyze({ uri: 'file:///w/template.yaml', text }, { rules, now: NOW });
    assert.deepEqual(found(text, findings), [
      ['parse/syntax-error', 'Family web\n      RequiresCompatibilities', text.indexOf('Family web')],
      ['ecs/fargate-valid-cpu-memory', '"4096"', text.indexOf('"4096"')],
      ['lambda/no-deprecated-runtime', 'python3.7', text.indexOf('python3.7')],
    ]);
    assert.match(findings[0]!.message, /^Invalid YAML: /);
  });

  it('YAML in the editor: a quote being typed (unclosed to the end of the file) costs only the line being edited', () => {
    const before = TEMPLATE('      Memory: "4096"\n');
    const text = TEMPLATE('      Memory: "4096\n');
    const previous = prepare({ uri: 'file:///w/template.yaml', text: before });
    const doc = prepare({ uri: 'file:///w/template.yaml', text }, undefined, previous);
    const findings = lint(doc, { rules, now: NOW });
    // The Memory line is broken, so the task's memory is not judged; the function in the same file still is.
    assert.deepEqual(found(text, findings).map(([rule, covered]) => [rule, covered]), [
      ['lambda/no-deprecated-runtime', 'python3.7'],
      ['parse/syntax-error', ''],
    ]);
    // Without the edit (berth lint reads the saved file), yaml's error is at the end and the quote takes the rest.
    const cli = analyze({ uri: 'file:///w/template.yaml', text }, { rules, now: NOW }).findings;
    assert.deepEqual(cli.map((f) => f.ruleId), ['parse/syntax-error']);
  });
});
