import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml } from '../../../server/src/core/parse/yaml';
import { getPair, nodeAt, toPlain, walk, type IntrinsicNode, type Node } from '../../../server/src/core/parse/tree';
import { allPairs, assertSpansWellFormed, slice, spanOf } from './helpers';

describe('parseYaml: spans', () => {
  const text = `family: web   # trailing comment
cpu: "256"
containerDefinitions:
  - name: app
    essential: true
    memory: 512
    links:
    portMappings: []

# a comment between keys
volumes: [a, b]
description: |
  line one
  line two

tags: {team: core}
`;
  const tree = parseYaml(text);

  it('parses without problems and every span is well formed', () => {
    assert.deepEqual(tree.problems, []);
    assert.ok(assertSpansWellFormed(text, tree.root!) > 10);
  });

  it('key, value and pair spans are exact; trailing comments are not part of a value', () => {
    const family = getPair(tree.root, 'family')!;
    assert.deepEqual(family.keySpan, spanOf(text, 'family'));
    assert.deepEqual(family.value.span, spanOf(text, 'web'));
    assert.deepEqual(family.span, spanOf(text, 'family: web'));
    const cpu = getPair(tree.root, 'cpu')!;
    assert.deepEqual(cpu.value.span, spanOf(text, '"256"'));
    assert.equal(toPlain(cpu.value), '256');
  });

  it('a block collection ends at its last item, not after trailing blank lines and comments', () => {
    const defs = getPair(tree.root, 'containerDefinitions')!;
    const start = text.indexOf('- name: app');
    const end = text.indexOf('portMappings: []') + 'portMappings: []'.length;
    assert.deepEqual(defs.value.span, { start, end });
    assert.deepEqual(defs.span, { start: text.indexOf('containerDefinitions'), end });
    const item = nodeAt(tree.root, ['containerDefinitions', 0]).node!;
    assert.deepEqual(item.span, { start: text.indexOf('name: app'), end });
  });

  it('the root ends at the last value', () => {
    assert.deepEqual(tree.root!.span, { start: 0, end: text.indexOf('{team: core}') + '{team: core}'.length });
  });

  it('flow collections span their brackets', () => {
    assert.deepEqual(getPair(tree.root, 'volumes')!.value.span, spanOf(text, '[a, b]'));
    assert.deepEqual(getPair(tree.root, 'tags')!.value.span, spanOf(text, '{team: core}'));
  });

  it('a key with no value gets a null scalar at the end of the key; the pair is the key', () => {
    const links = nodeAt(tree.root, ['containerDefinitions', 0]).node;
    const pair = getPair(links, 'links')!;
    assert.deepEqual(pair.keySpan, spanOf(text, 'links'));
    assert.equal(pair.value.kind, 'scalar');
    assert.equal(toPlain(pair.value), null);
    assert.equal(pair.value.span.start, pair.keySpan.end);
    assert.equal(pair.span.end, pair.keySpan.end);
  });

  it('a block scalar keeps its value and ends at its last character', () => {
    const d = getPair(tree.root, 'description')!;
    assert.equal(toPlain(d.value), 'line one\nline two\n');
    assert.deepEqual(d.value.span, { start: text.indexOf('|'), end: text.indexOf('line two') + 'line two'.length });
  });

  it('scalars are typed as YAML 1.2 core (true, 512, null) and quoted ones stay strings', () => {
    const item = nodeAt(tree.root, ['containerDefinitions', 0]).node;
    assert.equal(toPlain(getPair(item, 'essential')!.value), true);
    assert.equal(toPlain(getPair(item, 'memory')!.value), 512);
    assert.deepEqual(getPair(item, 'memory')!.value.span, spanOf(text, '512'));
  });

  it('every pair in the document starts at its key', () => {
    for (const pair of allPairs(tree.root!)) assert.equal(slice(text, pair.keySpan), pair.key);
  });

  it('CRLF line endings: offsets count both characters', () => {
    const crlf = 'family: web\r\ncontainerDefinitions:\r\n  - name: app\r\n    image: nginx\r\n';
    const t = parseYaml(crlf);
    assert.deepEqual(t.problems, []);
    assertSpansWellFormed(crlf, t.root!);
    assert.deepEqual(nodeAt(t.root, ['containerDefinitions', 0, 'image']).node!.span, spanOf(crlf, 'nginx'));
    assert.deepEqual(getPair(t.root, 'containerDefinitions')!.span, {
      start: crlf.indexOf('containerDefinitions'),
      end: crlf.indexOf('nginx') + 'nginx'.length,
    });
  });

  it('a leading BOM is skipped without shifting offsets', () => {
    const bom = '\uFEFFfamily: web\ncpu: "256"\n';
    const t = parseYaml(bom);
    assert.deepEqual(t.problems, []);
    assert.deepEqual(getPair(t.root, 'family')!.keySpan, spanOf(bom, 'family'));
    assert.deepEqual(getPair(t.root, 'cpu')!.value.span, spanOf(bom, '"256"'));
  });

  it('only the first document of a multi-document stream is used, without a problem', () => {
    const t = parseYaml('a: 1\n---\nb: 2\n');
    assert.deepEqual(toPlain(t.root), { a: 1 });
    assert.deepEqual(t.problems, []);
  });

  it('an empty document has no root and no problem', () => {
    for (const text of ['', '\n', '# only a comment\n']) {
      const t = parseYaml(text);
      assert.equal(t.root, undefined, JSON.stringify(text));
      assert.deepEqual(t.problems, []);
    }
  });
});

describe('parseYaml: CloudFormation short-form tags', () => {
  /** One line per short tag, as written in real templates. */
  const cases: [tag: string, value: string, name: string, plain: unknown][] = [
    ['!Ref', 'Param', 'Ref', 'Param'],
    ['!Sub', '"${AWS::StackName}-bucket"', 'Fn::Sub', '${AWS::StackName}-bucket'],
    ['!GetAtt', 'Role.Arn', 'Fn::GetAtt', 'Role.Arn'],
    ['!If', '[IsProd, 3, 1]', 'Fn::If', ['IsProd', 3, 1]],
    ['!Join', '["", [a, b]]', 'Fn::Join', ['', ['a', 'b']]],
    ['!Select', '[0, [a, b]]', 'Fn::Select', [0, ['a', 'b']]],
    ['!Split', '[",", "a,b"]', 'Fn::Split', [',', 'a,b']],
    ['!FindInMap', '[RegionMap, us-east-1, Ami]', 'Fn::FindInMap', ['RegionMap', 'us-east-1', 'Ami']],
    ['!ImportValue', 'network-VpcId', 'Fn::ImportValue', 'network-VpcId'],
    ['!Base64', '"#!/bin/bash"', 'Fn::Base64', '#!/bin/bash'],
    ['!Cidr', '["10.0.0.0/16", 4, 8]', 'Fn::Cidr', ['10.0.0.0/16', 4, 8]],
    ['!GetAZs', "''", 'Fn::GetAZs', ''],
    ['!Equals', '[a, b]', 'Fn::Equals', ['a', 'b']],
    ['!And', '[C1, C2]', 'Fn::And', ['C1', 'C2']],
    ['!Or', '[C1, C2]', 'Fn::Or', ['C1', 'C2']],
    ['!Not', '[C1]', 'Fn::Not', ['C1']],
    ['!Condition', 'IsProd', 'Condition', 'IsProd'],
    ['!Transform', '{Name: "AWS::Include", Parameters: {Location: s3://b/k}}', 'Fn::Transform', { Name: 'AWS::Include', Parameters: { Location: 's3://b/k' } }],
  ];
  const text = cases.map(([tag, value], i) => `K${i}: ${tag} ${value}\n`).join('');
  const tree = parseYaml(text);

  it('parses every short tag without a problem', () => {
    assert.deepEqual(tree.problems, []);
    assertSpansWellFormed(text, tree.root!);
  });

  cases.forEach(([tag, value, name, plain], i) => {
    it(`${tag} becomes a ${name} intrinsic node with the tag as its name span`, () => {
      const pair = getPair(tree.root, `K${i}`)!;
      const node = pair.value as IntrinsicNode;
      assert.equal(node.kind, 'intrinsic');
      assert.equal(node.name, name);
      assert.equal(node.short, true);
      const tagAt = text.indexOf(`${tag} ${value}`, pair.keySpan.end);
      assert.deepEqual(node.nameSpan, { start: tagAt, end: tagAt + tag.length });
      assert.deepEqual(node.span, { start: tagAt, end: tagAt + `${tag} ${value}`.length });
      assert.deepEqual(pair.span, { start: pair.keySpan.start, end: node.span.end });
      assert.deepEqual(toPlain(node.argument), plain);
      assert.equal(node.argument.span.start, tagAt + tag.length + 1);
    });
  });

  it('nested short tags are intrinsic nodes at every level', () => {
    const t = 'V: !If [IsProd, !Sub "${A}-x", !Ref AWS::NoValue]\nW: !Select [0, !GetAZs {Ref: "AWS::Region"}]\n';
    const tr = parseYaml(t);
    assert.deepEqual(tr.problems, []);
    const names: string[] = [];
    walk(tr.root!, (n: Node) => {
      if (n.kind === 'intrinsic') names.push(`${n.name}@${slice(t, n.nameSpan)}`);
    });
    assert.deepEqual(names, ['Fn::If@!If', 'Fn::Sub@!Sub', 'Ref@!Ref', 'Fn::Select@!Select', 'Fn::GetAZs@!GetAZs', 'Ref@Ref']);
    const inner = nodeAt(tr.root, ['W']).node as IntrinsicNode;
    const getAzs = inner.argument.kind === 'array' ? (inner.argument.items[1] as IntrinsicNode) : undefined;
    assert.deepEqual(getAzs?.nameSpan, spanOf(t, '!GetAZs'));
    assert.deepEqual((getAzs?.argument as IntrinsicNode).nameSpan, spanOf(t, 'Ref', 1));
  });

  it('two short tags on one node are a YAML error (CloudFormation needs the long form inside)', () => {
    const t = 'UserData: !Base64 !Sub "echo ${X}"\n';
    const problems = parseYaml(t).problems;
    assert.deepEqual(problems.map((p) => [p.code, p.message]), [['syntax', 'Invalid YAML: A node can have at most one tag.']]);
    assert.deepEqual(problems[0]!.span, spanOf(t, '!Sub'));
  });

  it('a short tag on a block value spans the tag to the end of the block', () => {
    const t = 'Image: !Sub\n  - "${Repo}:${Tag}"\n  - Repo: !Ref Repository\n\nNext: 1\n';
    const tr = parseYaml(t);
    const node = nodeAt(tr.root, ['Image']).node as IntrinsicNode;
    assert.equal(node.kind, 'intrinsic');
    assert.deepEqual(node.nameSpan, spanOf(t, '!Sub'));
    assert.deepEqual(node.span, { start: t.indexOf('!Sub'), end: t.indexOf('!Ref Repository') + '!Ref Repository'.length });
    assert.equal(node.argument.kind, 'array');
  });

  it('!Base64 on a block scalar', () => {
    const t = 'UserData: !Base64 |\n  #!/bin/bash\n  echo hi\nNext: 1\n';
    const node = nodeAt(parseYaml(t).root, ['UserData']).node as IntrinsicNode;
    assert.equal(node.name, 'Fn::Base64');
    assert.equal(toPlain(node.argument), '#!/bin/bash\necho hi\n');
    assert.deepEqual(node.span, { start: t.indexOf('!Base64'), end: t.indexOf('echo hi') + 'echo hi'.length });
  });

  it('long forms in YAML (Ref, Fn::Sub, Fn::GetAtt) are intrinsic nodes named by their key', () => {
    const t = 'A:\n  Ref: Param\nB: {"Fn::Sub": "x-${A}"}\nC:\n  Fn::GetAtt: [Role, Arn]\nD:\n  Ref: X\n  Extra: 1\n';
    const tr = parseYaml(t);
    assert.deepEqual(tr.problems, []);
    const a = nodeAt(tr.root, ['A']).node as IntrinsicNode;
    assert.deepEqual([a.kind, a.name, a.short, a.nameSpan, a.span], ['intrinsic', 'Ref', false, spanOf(t, 'Ref'), spanOf(t, 'Ref: Param')]);
    const b = nodeAt(tr.root, ['B']).node as IntrinsicNode;
    assert.deepEqual([b.name, b.nameSpan, b.span], ['Fn::Sub', spanOf(t, '"Fn::Sub"'), spanOf(t, '{"Fn::Sub": "x-${A}"}')]);
    const c = nodeAt(tr.root, ['C']).node as IntrinsicNode;
    assert.deepEqual([c.name, toPlain(c.argument)], ['Fn::GetAtt', ['Role', 'Arn']]);
    assert.equal(nodeAt(tr.root, ['D']).node!.kind, 'object');
  });

  it('other local tags are kept on the scalar, not turned into intrinsics; !!str is a plain string', () => {
    const t = 'a: !Custom value\nb: !!str 123\n';
    const tr = parseYaml(t);
    const a = nodeAt(tr.root, ['a']).node!;
    assert.deepEqual([a.kind, toPlain(a), a.kind === 'scalar' ? a.tag : undefined], ['scalar', 'value', '!Custom']);
    const b = nodeAt(tr.root, ['b']).node!;
    assert.deepEqual([b.kind, toPlain(b)], ['scalar', '123']);
  });
});

describe('parseYaml: duplicate keys', () => {
  it('reports the second key with the first as related, and keeps both pairs (the last wins)', () => {
    const text = 'cpu: 256\nmemory: 512\ncpu: 1024\n';
    const tree = parseYaml(text);
    assert.equal(tree.problems.length, 1);
    const [dup] = tree.problems;
    assert.equal(dup!.code, 'duplicate-key');
    assert.deepEqual(dup!.span, spanOf(text, 'cpu', 1));
    assert.deepEqual(dup!.related, spanOf(text, 'cpu', 0));
    assert.match(dup!.message, /Duplicate key "cpu"/);
    assert.equal(toPlain(getPair(tree.root, 'cpu')!.value), 1024);
  });

  it('in nested maps, per map', () => {
    const text = 'a:\n  x: 1\n  x: 2\nb:\n  x: 3\n';
    const problems = parseYaml(text).problems;
    assert.deepEqual(
      problems.map((p) => [p.code, p.span, p.related]),
      [['duplicate-key', spanOf(text, 'x', 1), spanOf(text, 'x', 0)]],
    );
  });
});

describe('parseYaml: syntax errors', () => {
  it('reports only the first error, with a clear message and a span, and no tree', () => {
    const text = 'family: web\ncontainerDefinitions:\n  - name: "app\n  - name: b\n';
    const tree = parseYaml(text);
    assert.equal(tree.problems.length, 1);
    const [p] = tree.problems;
    assert.equal(p!.code, 'syntax');
    assert.match(p!.message, /^Invalid YAML: .+\.$/);
    assert.doesNotMatch(p!.message, /at line \d+/, 'the position is in the span, not the message');
    assert.ok(p!.span.start >= text.indexOf('"app') && p!.span.end <= text.length);
    assert.equal(tree.root, undefined);
  });

  it('a mapping value where none is allowed points at the offending line', () => {
    const text = 'a: 1\nb: c: d\n';
    const [p] = parseYaml(text).problems;
    assert.equal(p!.code, 'syntax');
    assert.ok(p!.span.start >= text.indexOf('b:') && p!.span.start < text.length);
  });

  it('an unclosed flow sequence', () => {
    const text = 'ports: [80, 443\nnext: 1\n';
    const problems = parseYaml(text).problems;
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.code, 'syntax');
    assert.ok(problems[0]!.span.start >= text.indexOf('[') && problems[0]!.span.end <= text.length);
  });

  it('a tab used for indentation', () => {
    const text = 'a:\n\tb: 1\n';
    const problems = parseYaml(text).problems;
    assert.deepEqual(problems.map((p) => p.code), ['syntax']);
    assert.match(problems[0]!.message, /tab/i);
  });

  it('an unknown alias', () => {
    const text = 'a: *nope\n';
    const problems = parseYaml(text).problems;
    assert.deepEqual(problems.map((p) => [p.code, p.span]), [['syntax', spanOf(text, '*nope')]]);
    assert.match(problems[0]!.message, /nope/);
  });
});

describe('parseYaml: aliases', () => {
  it('an alias resolves to its anchor’s content, with the alias’s own span', () => {
    const text = 'base: &env\n  - name: A\n    value: "1"\nother: *env\n';
    const tree = parseYaml(text);
    assert.deepEqual(tree.problems, []);
    const other = nodeAt(tree.root, ['other']).node!;
    assert.deepEqual(toPlain(other), [{ name: 'A', value: '1' }]);
    assert.deepEqual(other.span, spanOf(text, '*env'));
  });

  it('an alias to a tagged value is an intrinsic whose name span is the alias', () => {
    const text = 'x: !Ref Other\na: &v !Ref Foo\nb: *v\n';
    const b = nodeAt(parseYaml(text).root, ['b']).node as IntrinsicNode;
    assert.deepEqual([b.kind, b.name, toPlain(b.argument)], ['intrinsic', 'Ref', 'Foo']);
    assert.deepEqual(b.span, spanOf(text, '*v'));
    assert.deepEqual(b.nameSpan, spanOf(text, '*v'));
  });

  it('a billion-laughs alias bomb gives one alias-limit problem, quickly', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    const letters = 'abcdefghi';
    for (let i = 1; i < letters.length; i++) {
      const prev = letters[i - 1]!;
      lines.push(`${letters[i]}: &${letters[i]} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const text = `${lines.join('\n')}\n`;
    const started = process.hrtime.bigint();
    const tree = parseYaml(text);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.deepEqual(tree.problems.map((p) => p.code), ['alias-limit']);
    assert.equal(tree.root, undefined);
    assert.match(tree.problems[0]!.message, /more than 100 aliases/);
    const span = tree.problems[0]!.span;
    assert.equal(text[span.start], '*', 'the problem points at an alias');
    // Generous bound: this guards against exponential expansion (seconds to minutes), not a benchmark.
    assert.ok(ms < 1000, `took ${ms} ms`);
  });

  it('a recursive alias gives one alias-limit problem', () => {
    for (const text of ['a: &x\n  b: *x\n', 'a: &x [1, *x]\n']) {
      const tree = parseYaml(text);
      assert.deepEqual(tree.problems.map((p) => [p.code, p.span]), [['alias-limit', spanOf(text, '*x')]], text);
      assert.match(tree.problems[0]!.message, /refers to itself/);
    }
  });

  it('honours a custom maxAliasCount', () => {
    const text = 'a: &a 1\nb: *a\nc: *a\nd: *a\n';
    assert.deepEqual(parseYaml(text, { maxAliasCount: 3, maxDepth: 500, maxFileSize: 1e6 }).problems, []);
    assert.deepEqual(
      parseYaml(text, { maxAliasCount: 2, maxDepth: 500, maxFileSize: 1e6 }).problems.map((p) => [p.code, p.span]),
      [['alias-limit', spanOf(text, '*a', 2)]],
    );
  });
});

describe('parseYaml: depth limit', () => {
  const expectTooDeep = (text: string): void => {
    const started = process.hrtime.bigint();
    const tree = parseYaml(text);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.deepEqual(tree.problems.map((p) => p.code), ['too-deep']);
    assert.equal(tree.root, undefined);
    assert.match(tree.problems[0]!.message, /deeper than 500 levels/);
    const { start, end } = tree.problems[0]!.span;
    assert.ok(start >= 0 && end <= text.length && start < end);
    assert.ok(ms < 2000, `took ${ms} ms`);
  };

  it('flow sequences nested 501 deep: one problem at the 501st bracket', () => {
    const text = `a: ${'['.repeat(501)}${']'.repeat(501)}\n`;
    const tree = parseYaml(text);
    expectTooDeep(text);
    assert.equal(tree.problems[0]!.span.start, 'a: '.length + 500);
  });

  it('flow mappings nested 501 deep', () => {
    expectTooDeep(`${'{a: '.repeat(501)}1${'}'.repeat(501)}\n`);
  });

  it('block mappings nested 501 deep (2-space indentation)', () => {
    let text = '';
    for (let i = 0; i < 501; i++) text += `${'  '.repeat(i)}k:\n`;
    expectTooDeep(`${text}${'  '.repeat(501)}v: 1\n`);
  });

  it('block mappings nested 600 deep with 1-space indentation (past the cheap pre-scan)', () => {
    let text = '';
    for (let i = 0; i < 600; i++) text += `${' '.repeat(i)}k:\n`;
    expectTooDeep(`${text}${' '.repeat(600)}v: 1\n`);
  });

  it('block sequences nested 501 deep', () => {
    expectTooDeep(`${'- '.repeat(501)}x\n`);
  });

  it('100 000 flow brackets do not overflow the stack', () => {
    expectTooDeep(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
  });

  it('500 levels still parse', () => {
    const text = `${'['.repeat(499)}${']'.repeat(499)}\n`;
    const tree = parseYaml(text);
    assert.deepEqual(tree.problems, []);
    assert.equal(tree.root?.kind, 'array');
  });

  it('brackets in quoted strings and comments do not count', () => {
    const text = `a: "${'['.repeat(600)}"\nb: '${'{'.repeat(600)}'\n# ${'['.repeat(600)}\n`;
    assert.deepEqual(parseYaml(text).problems, []);
  });
});
