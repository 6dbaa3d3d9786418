import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseJson } from '../../../server/src/core/parse/json';
import { asObject, getPair, nodeAt, toPlain, type IntrinsicNode } from '../../../server/src/core/parse/tree';
import { allPairs, assertSpansWellFormed, slice, spanOf } from './helpers';

describe('parseJson: spans', () => {
  const text = `{
  "family": "web",
  "cpu": "256",
  "containerDefinitions": [
    { "name": "app", "essential": true, "memory": 512, "links": null, "portMappings": [] }
  ],
  "tags": {}
}`;
  const tree = parseJson(text);

  it('parses without problems and every span is well formed', () => {
    assert.deepEqual(tree.problems, []);
    assert.ok(tree.root);
    assert.ok(assertSpansWellFormed(text, tree.root) > 10);
  });

  it('root spans the whole object', () => {
    assert.deepEqual(tree.root!.span, { start: 0, end: text.length });
  });

  it('key spans include the quotes, value spans are exact, pair = key start → value end', () => {
    const family = getPair(tree.root, 'family')!;
    assert.deepEqual(family.keySpan, spanOf(text, '"family"'));
    assert.deepEqual(family.value.span, spanOf(text, '"web"'));
    assert.deepEqual(family.span, spanOf(text, '"family": "web"'));

    const defs = getPair(tree.root, 'containerDefinitions')!;
    const open = text.indexOf('[');
    const close = text.indexOf(']', text.indexOf('"portMappings": []') + '"portMappings": []'.length);
    assert.deepEqual(defs.value.span, { start: open, end: close + 1 });
    assert.deepEqual(defs.span, { start: text.indexOf('"containerDefinitions"'), end: close + 1 });
  });

  it('scalars of every JSON type keep their value and span', () => {
    const first = nodeAt(tree.root, ['containerDefinitions', 0]).node!;
    assert.equal(first.kind, 'object');
    assert.deepEqual(first.span, spanOf(text, '{ "name": "app", "essential": true, "memory": 512, "links": null, "portMappings": [] }'));
    const scalar = (key: string) => nodeAt(tree.root, ['containerDefinitions', 0, key]).node!;
    assert.deepEqual([scalar('essential').kind, toPlain(scalar('essential'))], ['scalar', true]);
    assert.deepEqual(scalar('essential').span, spanOf(text, 'true'));
    assert.deepEqual([toPlain(scalar('memory')), scalar('memory').span], [512, spanOf(text, '512')]);
    assert.deepEqual([toPlain(scalar('links')), scalar('links').span], [null, spanOf(text, 'null')]);
    assert.deepEqual(scalar('portMappings').span, spanOf(text, '[]'));
    assert.deepEqual(nodeAt(tree.root, ['tags']).node!.span, spanOf(text, '{}'));
  });

  it('toPlain equals JSON.parse', () => {
    assert.deepEqual(toPlain(tree.root), JSON.parse(text));
  });

  it('strings with escapes keep their decoded value and their raw span', () => {
    const t = '{"a\\"b": "x\\u0041\\n"}';
    const tree = parseJson(t);
    const pair = asObject(tree.root)!.pairs[0]!;
    assert.equal(pair.key, 'a"b');
    assert.deepEqual(pair.keySpan, spanOf(t, '"a\\"b"'));
    assert.deepEqual(pair.value.span, spanOf(t, '"x\\u0041\\n"'));
    assert.deepEqual(toPlain(tree.root), { 'a"b': 'xA\n' });
  });

  it('a leading BOM is skipped without shifting offsets', () => {
    const bom = '\uFEFF{"family": "web"}';
    const t = parseJson(bom);
    assert.deepEqual(t.problems, []);
    assert.deepEqual(getPair(t.root, 'family')!.keySpan, spanOf(bom, '"family"'));
    assert.deepEqual(t.root!.span, { start: 1, end: bom.length });
  });

  it('CRLF line endings do not shift offsets', () => {
    const crlf = '{\r\n  "family": "web",\r\n  "cpu": "256"\r\n}\r\n';
    const t = parseJson(crlf);
    assert.deepEqual(t.problems, []);
    assert.deepEqual(getPair(t.root, 'cpu')!.span, spanOf(crlf, '"cpu": "256"'));
    assert.deepEqual(t.root!.span, { start: 0, end: crlf.lastIndexOf('}') + 1 });
  });
});

describe('parseJson: intrinsic long forms', () => {
  const text = `{
  "A": { "Ref": "Param" },
  "B": { "Fn::Sub": "arn:\${AWS::Partition}:s3:::x" },
  "C": { "Fn::GetAtt": ["Role", "Arn"] },
  "D": { "Fn::If": ["IsProd", { "Ref": "Big" }, { "Ref": "AWS::NoValue" }] },
  "E": { "Fn::Join": ["", ["a", { "Fn::ImportValue": "x" }]] },
  "F": { "Ref": "X", "Other": 1 },
  "G": { "Condition": "IsProd" }
}`;
  const tree = parseJson(text);

  it('a one-key object named after an intrinsic function becomes an intrinsic node', () => {
    assert.deepEqual(tree.problems, []);
    assertSpansWellFormed(text, tree.root!);
    const a = nodeAt(tree.root, ['A']).node as IntrinsicNode;
    assert.equal(a.kind, 'intrinsic');
    assert.equal(a.name, 'Ref');
    assert.equal(a.short, false);
    assert.deepEqual(a.nameSpan, spanOf(text, '"Ref"'));
    assert.deepEqual(a.span, spanOf(text, '{ "Ref": "Param" }'));
    assert.deepEqual(a.argument.span, spanOf(text, '"Param"'));
    assert.deepEqual(toPlain(a.argument), 'Param');

    const b = nodeAt(tree.root, ['B']).node as IntrinsicNode;
    assert.deepEqual([b.kind, b.name, b.nameSpan], ['intrinsic', 'Fn::Sub', spanOf(text, '"Fn::Sub"')]);

    const c = nodeAt(tree.root, ['C']).node as IntrinsicNode;
    assert.deepEqual([c.name, c.argument.kind, toPlain(c.argument)], ['Fn::GetAtt', 'array', ['Role', 'Arn']]);
  });

  it('nested intrinsics are intrinsic nodes too', () => {
    const d = nodeAt(tree.root, ['D']).node as IntrinsicNode;
    assert.equal(d.name, 'Fn::If');
    assert.equal(d.argument.kind, 'array');
    const branches = d.argument.kind === 'array' ? d.argument.items : [];
    assert.deepEqual(
      branches.map((n) => (n.kind === 'intrinsic' ? `${n.name}:${String(toPlain(n.argument))}` : toPlain(n))),
      ['IsProd', 'Ref:Big', 'Ref:AWS::NoValue'],
    );
    const e = nodeAt(tree.root, ['E']).node as IntrinsicNode;
    const inner = e.argument.kind === 'array' && e.argument.items[1]?.kind === 'array' ? e.argument.items[1].items[1] : undefined;
    assert.equal(inner?.kind, 'intrinsic');
    assert.deepEqual((inner as IntrinsicNode).nameSpan, spanOf(text, '"Fn::ImportValue"'));
  });

  it('an object with more keys than the function name stays an object; Condition as a key stays a key', () => {
    assert.equal(nodeAt(tree.root, ['F']).node!.kind, 'object');
    assert.equal(nodeAt(tree.root, ['G']).node!.kind, 'object');
  });
});

describe('parseJson: comments and trailing commas', () => {
  it('reports each comment with its span, and still builds the tree', () => {
    const text = '{\n  // the family\n  "family": "web", /* inline */ "cpu": "256"\n}';
    const tree = parseJson(text);
    assert.deepEqual(
      tree.problems.map((p) => [p.code, p.span]),
      [
        ['json-comment', spanOf(text, '// the family')],
        ['json-comment', spanOf(text, '/* inline */')],
      ],
    );
    assert.match(tree.problems[0]!.message, /Comments are not allowed in JSON/);
    assert.deepEqual(toPlain(tree.root), { family: 'web', cpu: '256' });
    assertSpansWellFormed(text, tree.root!);
  });

  it('reports trailing commas in objects and arrays at the comma, and still builds the tree', () => {
    const text = '{\n  "a": [1, 2,],\n  "b": {"c": 3,},\n}';
    const tree = parseJson(text);
    const commaAfter = (s: string): { start: number; end: number } => {
      const at = text.indexOf(s) + s.length;
      return { start: at, end: at + 1 };
    };
    assert.deepEqual(
      tree.problems.map((p) => [p.code, p.span]),
      [
        ['json-trailing-comma', commaAfter('[1, 2')],
        ['json-trailing-comma', commaAfter('"c": 3')],
        ['json-trailing-comma', commaAfter('"b": {"c": 3,}')],
      ],
    );
    assert.match(tree.problems[0]!.message, /Trailing comma/);
    assert.deepEqual(toPlain(tree.root), { a: [1, 2], b: { c: 3 } });
  });

  it('a trailing comma followed by a comment is still a trailing comma, not a syntax error', () => {
    for (const text of ['{"a": 1, // last\n}', '{"a": [1, /* none */ ]}', '{"a": [1,\n// end\n]\n}']) {
      const tree = parseJson(text);
      assert.deepEqual(
        tree.problems.map((p) => p.code).sort(),
        ['json-comment', 'json-trailing-comma'],
        text,
      );
      assert.deepEqual(tree.problems.find((p) => p.code === 'json-trailing-comma')!.span, spanOf(text, ','), text);
    }
  });
});

describe('parseJson: duplicate keys', () => {
  it('reports the second key, with the first as related; the last value wins', () => {
    const text = '{\n  "cpu": "256",\n  "memory": "512",\n  "cpu": "1024"\n}';
    const tree = parseJson(text);
    assert.equal(tree.problems.length, 1);
    const [dup] = tree.problems;
    assert.equal(dup!.code, 'duplicate-key');
    assert.deepEqual(dup!.span, spanOf(text, '"cpu"', 1));
    assert.deepEqual(dup!.related, spanOf(text, '"cpu"', 0));
    assert.match(dup!.message, /Duplicate key "cpu"/);
    assert.equal(toPlain(getPair(tree.root, 'cpu')!.value), '1024');
  });

  it('keys are compared per object, not across objects', () => {
    const text = '{"a": {"name": 1}, "b": {"name": 2}}';
    assert.deepEqual(parseJson(text).problems, []);
  });

  it('every repeat after the first is reported against the first', () => {
    const text = '{"k": 1, "k": 2, "k": 3}';
    const problems = parseJson(text).problems;
    assert.deepEqual(
      problems.map((p) => [p.span, p.related]),
      [
        [spanOf(text, '"k"', 1), spanOf(text, '"k"', 0)],
        [spanOf(text, '"k"', 2), spanOf(text, '"k"', 0)],
      ],
    );
  });
});

describe('parseJson: syntax errors', () => {
  const firstSyntax = (text: string) => parseJson(text).problems.find((p) => p.code === 'syntax');

  it('a missing comma is reported at the token that needed one', () => {
    const text = '{\n  "family": "web"\n  "cpu": "256"\n}';
    const p = firstSyntax(text)!;
    assert.deepEqual(p.span, spanOf(text, '"cpu"'));
    assert.equal(p.message, 'Invalid JSON: expected "," between entries, found """.');
  });

  it('an unquoted key', () => {
    const text = '{ family: "web" }';
    const p = firstSyntax(text)!;
    assert.equal(p.span.start, text.indexOf('family'));
    assert.match(p.message, /^Invalid JSON: /);
  });

  it('a missing colon', () => {
    const text = '{"family" "web"}';
    const p = firstSyntax(text)!;
    assert.equal(p.span.start, text.indexOf('"web"'));
    assert.match(p.message, /expected ":" after the property name/);
  });

  it('an unterminated object at the end of the file points at the end', () => {
    const text = '{"family": "web"';
    const p = firstSyntax(text)!;
    assert.ok(p.span.end <= text.length && p.span.start <= p.span.end);
    assert.match(p.message, /expected "}" to close the object, found the end of the file/);
  });

  it('an unterminated string', () => {
    const text = '{"family": "web}';
    assert.match(firstSyntax(text)!.message, /unterminated string/);
  });

  it('text after the top-level value', () => {
    const text = '{"a": 1} {"b": 2}';
    const p = firstSyntax(text)!;
    assert.equal(p.span.start, text.indexOf('{"b"'));
    assert.match(p.message, /after the end of the top-level value/);
  });

  it('a broken file still yields a partial tree with well-formed spans', () => {
    const text = '{"family": "web", "containerDefinitions": [{"name": "a"';
    const tree = parseJson(text);
    assert.ok(tree.root);
    assertSpansWellFormed(text, tree.root);
    assert.equal(toPlain(nodeAt(tree.root, ['containerDefinitions', 0, 'name']).node), 'a');
  });

  it('empty text has no root and no problem (emptiness is decided by the caller)', () => {
    const tree = parseJson('');
    assert.equal(tree.root, undefined);
    assert.deepEqual(tree.problems, []);
  });
});

describe('parseJson: depth limit', () => {
  for (const [name, open, close] of [
    ['arrays', '[', ']'],
    ['objects', '{"a":', '}'],
  ] as const) {
    it(`${name} nested 501 deep give one too-deep problem at the 501st opener`, () => {
      const text = open.repeat(501) + (open === '[' ? '' : '1') + close.repeat(501);
      const tree = parseJson(text);
      assert.equal(tree.root, undefined);
      assert.equal(tree.problems.length, 1);
      assert.equal(tree.problems[0]!.code, 'too-deep');
      // The 501st opener starts after 500 copies of the opening text.
      assert.equal(tree.problems[0]!.span.start, open.length * 500);
      assert.match(tree.problems[0]!.message, /deeper than 500 levels/);
    });
  }

  it('exactly 500 levels still parse', () => {
    const text = '['.repeat(500) + ']'.repeat(500);
    const tree = parseJson(text);
    assert.deepEqual(tree.problems, []);
    assert.equal(tree.root?.kind, 'array');
  });

  it('brackets inside strings do not count', () => {
    const text = `{"a": "${'['.repeat(1000)}"}`;
    assert.deepEqual(parseJson(text).problems, []);
  });

  it('a 100 000-deep document is rejected quickly (no stack overflow)', () => {
    const text = '['.repeat(100_000) + ']'.repeat(100_000);
    const tree = parseJson(text);
    assert.deepEqual(tree.problems.map((p) => p.code), ['too-deep']);
  });

  it('honours a custom maxDepth', () => {
    const tree = parseJson('[[[1]]]', { maxDepth: 2, maxFileSize: 1000, maxAliasCount: 1 });
    assert.deepEqual(tree.problems.map((p) => [p.code, p.span.start]), [['too-deep', 2]]);
  });
});

describe('parseJson: all pairs', () => {
  it('every pair of a realistic document starts at its key and ends at its value', () => {
    const text = JSON.stringify(
      { family: 'x', containerDefinitions: [{ name: 'a', environment: [{ name: 'K', value: 'V' }], dependsOn: [] }], volumes: [] },
      null,
      2,
    );
    const tree = parseJson(text);
    const pairs = allPairs(tree.root!);
    assert.equal(pairs.length, 8);
    for (const pair of pairs) {
      assert.equal(slice(text, pair.keySpan), JSON.stringify(pair.key));
      assert.equal(slice(text, pair.span), `${JSON.stringify(pair.key)}: ${slice(text, pair.value.span)}`);
    }
  });
});
