import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { prepare } from '../../../server/src/core/analyze';
import { getPair, nodeAt, type Node } from '../../../server/src/core/parse/tree';
import { spanOf } from './helpers';

/** Bad input through the entry point: one clear problem, never a throw, never a hang. */

const taskJson = '{\n  "family": "web",\n  "containerDefinitions": [{"name": "app", "image": "nginx"}]\n}\n';
const taskYaml = 'family: web\ncontainerDefinitions:\n  - name: app\n    image: nginx\n';

describe('prepare: byte order mark', () => {
  it('a BOM before JSON parses, and offsets still index the original text', () => {
    const text = `\uFEFF${taskJson}`;
    const doc = prepare({ uri: 'file:///w/task.json', text });
    assert.equal(doc.kind, 'ecs-task-definition');
    assert.deepEqual(doc.problems, []);
    const family = getPair(doc.tree!.root, 'family')!;
    assert.deepEqual(family.keySpan, spanOf(text, '"family"'));
    assert.deepEqual(family.value.span, spanOf(text, '"web"'));
    assert.equal(doc.text, text, 'the text is kept as given');
  });

  // prepare() turns the BOM into a space, which indents the first YAML line and breaks it; parseYaml and
  // parseJson both handle the BOM themselves, so prepare can pass the text through unchanged (analyze.ts).
  it('a BOM before YAML parses, with the same offsets', () => {
    const text = `\uFEFF${taskYaml}`;
    const doc = prepare({ uri: 'file:///w/task.yaml', text });
    assert.equal(doc.kind, 'ecs-task-definition');
    assert.deepEqual(doc.problems, []);
    assert.deepEqual(getPair(doc.tree!.root, 'family')!.keySpan, spanOf(text, 'family'));
    assert.deepEqual(nodeAt(doc.tree!.root, ['containerDefinitions', 0, 'image']).node!.span, spanOf(text, 'nginx'));
  });
});

describe('prepare: CRLF', () => {
  it('JSON and YAML with CRLF endings detect and keep exact offsets; lines count CRLF once', () => {
    for (const [uri, base] of [
      ['file:///w/t.json', taskJson],
      ['file:///w/t.yaml', taskYaml],
    ] as const) {
      const text = base.replace(/\n/g, '\r\n');
      const doc = prepare({ uri, text });
      assert.equal(doc.kind, 'ecs-task-definition', uri);
      const image = nodeAt(doc.tree!.root, ['containerDefinitions', 0, 'image']).node!;
      const expected = uri.endsWith('.json') ? spanOf(text, '"nginx"') : spanOf(text, 'nginx');
      assert.deepEqual(image.span, expected);
      assert.equal(doc.lines.positionAt(image.span.start).line, base.slice(0, base.indexOf('nginx')).split('\n').length - 1);
    }
  });
});

describe('prepare: a broken file is read as far as it parses', () => {
  const keys = (node: Node | undefined) => (node?.kind === 'object' ? node.pairs.map((p) => p.key) : []);
  const at = (text: string, fragment: string, length = fragment.length) => ({ start: text.indexOf(fragment), end: text.indexOf(fragment) + length });

  it('broken JSON: the syntax errors as written first, the tree and model of what parses, the broken stretches marked', () => {
    const text = '{\n  "family": "web"\n  "containerDefinitions": [1,],\n  oops\n}';
    const doc = prepare({ uri: 'file:///w/task.json', text });
    assert.equal(doc.kind, 'ecs-task-definition');
    // The comma before "oops" is no trailing comma: removing it would not make the file parse.
    assert.deepEqual(
      doc.problems.map((p) => [p.code, p.span]),
      [['syntax', at(text, '"containerDefinitions"')], ['syntax', at(text, 'oops')], ['syntax', { start: text.length - 1, end: text.length }], ['json-trailing-comma', at(text, ',]', 1)]],
    );
    assert.equal(doc.problems[0]!.message, 'Invalid JSON: expected "," between entries, found """.');
    assert.deepEqual(keys(doc.tree!.root), ['family', 'containerDefinitions']);
    assert.ok(doc.model);
    assert.ok(doc.tree!.broken!.some((b) => b.start === text.indexOf('oops')), 'the line the parser could not read is marked broken');
  });

  it('broken JSON where a trailing comma comes first: the syntax error is the first syntax problem', () => {
    const text = '{"family": "web", "containerDefinitions": [1,], "x" 1}';
    const doc = prepare({ uri: 'file:///w/task.json', text });
    assert.deepEqual(doc.problems.map((p) => [p.code, p.span.start]), [['syntax', text.indexOf('1}')], ['json-trailing-comma', text.indexOf(',]')]]);
  });

  it('broken YAML: the syntax problem with a position-free message, and the model of what parses', () => {
    const text = 'family: web\ncontainerDefinitions:\n  - name: app\n   image: [nginx\n';
    const doc = prepare({ uri: 'file:///w/task.yml', text });
    assert.equal(doc.kind, 'ecs-task-definition');
    assert.equal(doc.problems[0]!.code, 'syntax');
    assert.match(doc.problems[0]!.message, /^Invalid YAML: /);
    assert.ok(doc.problems[0]!.span.start >= text.indexOf('- name') && doc.problems[0]!.span.end <= text.length);
    assert.deepEqual(keys(doc.tree!.root), ['family', 'containerDefinitions']);
    assert.ok(doc.model);
  });

  it('comments and trailing commas alone do not stop analysis; they are reported', () => {
    const text = '{\n  // web tier\n  "family": "web",\n  "containerDefinitions": [{"name": "app", "image": "nginx"},],\n}';
    const doc = prepare({ uri: 'file:///w/task.json', text });
    assert.equal(doc.kind, 'ecs-task-definition');
    assert.ok(doc.model);
    assert.deepEqual(
      doc.problems.map((p) => p.code),
      ['json-comment', 'json-trailing-comma', 'json-trailing-comma'],
    );
  });

  it('duplicate keys do not stop analysis; the second key is reported', () => {
    const text = 'family: web\nfamily: api\ncontainerDefinitions: []\n';
    const doc = prepare({ uri: 'file:///w/task.yaml', text });
    assert.equal(doc.kind, 'ecs-task-definition');
    assert.deepEqual(doc.problems.map((p) => [p.code, p.span, p.related]), [['duplicate-key', spanOf(text, 'family', 1), spanOf(text, 'family', 0)]]);
  });
});

describe('prepare: limits', () => {
  it('a document over 5 MB gets one too-large problem and is not parsed', () => {
    const text = `{"containerDefinitions": [], "padding": "${'x'.repeat(5 * 1024 * 1024)}"}`;
    const doc = prepare({ uri: 'file:///w/task.json', text });
    assert.deepEqual(doc.problems.map((p) => p.code), ['too-large']);
    assert.equal(doc.tree, undefined);
    assert.equal(
      doc.problems[0]!.message,
      `This file has ${text.length.toLocaleString('en-US')} characters, over the 5,242,880 characters that Berth analyses (berth.limits.maxFileSize); it was not checked.`,
    );
    assert.deepEqual(doc.problems[0]!.span, { start: 0, end: 0 });
  });

  it('exactly 5 MB is still analysed', () => {
    const head = '{"containerDefinitions": [], "padding": "';
    const text = `${head}${'x'.repeat(5 * 1024 * 1024 - head.length - 2)}"}`;
    assert.equal(text.length, 5 * 1024 * 1024);
    const doc = prepare({ uri: 'file:///w/task.json', text });
    assert.deepEqual(doc.problems, []);
    assert.equal(doc.kind, 'ecs-task-definition');
  });

  it('a too-deep JSON or YAML candidate gets one too-deep problem', () => {
    for (const [uri, text] of [
      ['file:///w/t.json', `{"containerDefinitions": ${'['.repeat(600)}${']'.repeat(600)}}`],
      ['file:///w/t.yaml', `containerDefinitions: ${'['.repeat(600)}${']'.repeat(600)}\n`],
    ] as const) {
      const doc = prepare({ uri, text });
      assert.deepEqual(doc.problems.map((p) => p.code), ['too-deep'], uri);
      assert.equal(doc.model, undefined);
    }
  });

  it('an alias bomb in a candidate YAML gets one alias-limit problem', () => {
    let text = 'containerDefinitions: []\na: &a [x, x, x, x, x, x, x, x, x, x]\n';
    let prev = 'a';
    for (const name of ['b', 'c', 'd', 'e', 'f', 'g', 'h']) {
      text += `${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]\n`;
      prev = name;
    }
    const doc = prepare({ uri: 'file:///w/t.yaml', text });
    assert.deepEqual(doc.problems.map((p) => p.code), ['alias-limit']);
  });

  it('limits can be lowered through settings', () => {
    const doc = prepare({ uri: 'file:///w/t.json', text: taskJson }, { limits: { maxFileSize: 10 } });
    assert.deepEqual(doc.problems.map((p) => p.code), ['too-large']);
  });
});

describe('prepare: binary and empty input', () => {
  it('a NUL character gets one binary problem at the NUL', () => {
    const text = `${taskJson.slice(0, 20)}\u0000${taskJson.slice(20)}`;
    const doc = prepare({ uri: 'file:///w/task.json', text });
    assert.deepEqual(doc.problems.map((p) => [p.code, p.span]), [['binary', { start: 20, end: 21 }]]);
    assert.match(doc.problems[0]!.message, /binary/);
    assert.equal(doc.tree, undefined);
  });

  it('a Dockerfile with a NUL is binary too', () => {
    const doc = prepare({ uri: 'file:///w/Dockerfile', text: 'FROM alpine\n\u0000\u0001' });
    assert.deepEqual(doc.problems.map((p) => p.code), ['binary']);
  });

  it('an empty Dockerfile says so', () => {
    for (const text of ['', '  \n\n']) {
      const doc = prepare({ uri: 'file:///w/Dockerfile', text });
      assert.deepEqual(doc.problems.map((p) => [p.code, p.message]), [['empty', 'This file is empty.']]);
    }
  });

  it('empty JSON and YAML files get no kind and no problem (nothing to say about them)', () => {
    for (const uri of ['file:///w/a.json', 'file:///w/a.yaml']) {
      const doc = prepare({ uri, text: '' });
      assert.equal(doc.kind, undefined);
      assert.deepEqual(doc.problems, []);
    }
  });

  it('a file that is not JSON, YAML or a Dockerfile is ignored', () => {
    const doc = prepare({ uri: 'file:///w/notes.txt', text: taskJson });
    assert.deepEqual([doc.format, doc.kind, doc.tree, doc.problems], [undefined, undefined, undefined, []]);
  });
});

describe('prepare: never throws', () => {
  const nasty = [
    '',
    '\uFEFF',
    '{',
    '[',
    '"',
    '{"containerDefinitions": [',
    'containerDefinitions: [',
    'containerDefinitions: &a *a',
    'containerDefinitions: !Ref',
    'containerDefinitions: !!binary ===',
    '? [containerDefinitions]\n: x',
    '%YAML 1.1\n---\ncontainerDefinitions: []',
    'containerDefinitions:\n\t- x',
    '{"containerDefinitions": [], "a": "\\ud800"}',
    `containerDefinitions: "${'\\'.repeat(1001)}`,
  ];
  for (const text of nasty) {
    for (const ext of ['json', 'yaml']) {
      it(`${ext}: ${JSON.stringify(text).slice(0, 40)}`, () => {
        const doc = prepare({ uri: `file:///w/x.${ext}`, text });
        for (const p of doc.problems) assert.ok(p.span.start >= 0 && p.span.start <= p.span.end && p.span.end <= text.length, JSON.stringify(p));
      });
    }
  }
});
