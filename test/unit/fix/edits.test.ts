/**
 * The fix helpers in every syntax a value can be written in: JSON, YAML, and inside a Terraform file HCL block
 * bodies, HCL objects (jsonencode, with commas or newlines), JSON in a heredoc and JSON in a quoted string. Each
 * case applies the edit and checks the text, and that the result still parses without the removed key.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { applyEdits } from '../../../server/src/core/fix/fixAll';
import { formatOfText, removePair, removePairs, replaceScalar, type TextSyntax } from '../../../server/src/core/fix/edits';
import { jsonInHclString } from '../../../server/src/core/parse/embeddedJson';
import { parseHcl } from '../../../server/src/core/parse/hcl';
import { parseJson } from '../../../server/src/core/parse/json';
import { DEFAULT_LIMITS } from '../../../server/src/core/parse/limits';
import { getPair, type Node, type ObjectNode, type Pair } from '../../../server/src/core/parse/tree';
import { parseYaml } from '../../../server/src/core/parse/yaml';
import { loadHclParser } from '../../../server/src/io/hclGrammar';

before(() => loadHclParser());

/** The root of a document in the syntax of its text; in HCL, JSON strings are parsed too (see objectHolding). */
function rootOf(text: string): Node | undefined {
  const syntax = formatOfText(text);
  return (syntax === 'json' ? parseJson(text) : syntax === 'yaml' ? parseYaml(text) : parseHcl(text)).root;
}

/** The object holding `key`, searched depth-first through objects, arrays, call arguments and JSON strings. */
function objectHolding(text: string, node: Node | undefined, key: string): { object: ObjectNode; pair: Pair } | undefined {
  if (!node) return undefined;
  if (node.kind === 'object') {
    const pair = getPair(node, key);
    if (pair) return { object: node, pair };
    for (const p of node.pairs) {
      const found = objectHolding(text, p.value, key);
      if (found) return found;
    }
  } else if (node.kind === 'array' || node.kind === 'expression') {
    for (const child of node.kind === 'array' ? node.items : node.args) {
      const found = objectHolding(text, child, key);
      if (found) return found;
    }
  } else if (node.kind === 'scalar' && typeof node.value === 'string') {
    return objectHolding(text, jsonInHclString(text, node, DEFAULT_LIMITS)?.root, key);
  }
  return undefined;
}

function removed(text: string, key: string): string {
  const found = objectHolding(text, rootOf(text), key);
  assert.ok(found, `no "${key}" in the text`);
  return applyEdits(text, [removePair(text, found.pair, found.object.pairs, formatOfText(text))]);
}

function replaced(text: string, key: string, value: string | number | boolean): string {
  const found = objectHolding(text, rootOf(text), key);
  assert.ok(found, `no "${key}" in the text`);
  return applyEdits(text, [replaceScalar(text, found.pair.value, value)]);
}

/** The edited text parses without problems, and `key` is gone (or holds `value`). */
function assertParses(text: string, key: string, value?: unknown): void {
  const syntax = formatOfText(text);
  const parsed = syntax === 'json' ? parseJson(text) : syntax === 'yaml' ? parseYaml(text) : parseHcl(text);
  assert.deepEqual(parsed.problems, [], `the edited text does not parse:\n${text}`);
  const found = objectHolding(text, parsed.root, key);
  if (value === undefined) assert.equal(found, undefined, `"${key}" is still there:\n${text}`);
  else assert.deepEqual(found?.pair.value.kind === 'scalar' ? found.pair.value.value : undefined, value, text);
}

describe('formatOfText: the syntax of a document', () => {
  const cases: [string, TextSyntax][] = [
    ['{"family": "web"}', 'json'],
    ['\uFEFF[{"name": "web"}]', 'json'],
    ['Resources:\n  A:\n    Type: x\n', 'yaml'],
    ['# a comment\nAWSTemplateFormatVersion: "2010-09-09"\n', 'yaml'],
    ['---\nfamily: web\n', 'yaml'],
    ['resource "aws_ecs_service" "web" {\n}\n', 'hcl'],
    ['# comment\n// another\n/* and\n a block */\nterraform {\n}\n', 'hcl'],
    ['locals {\n  cpu = 256\n}\n', 'hcl'],
    ['cpu = 256\nmemory = "512"\n', 'hcl'],
    ['provider aws {\n}\n', 'hcl'],
    ['key == value\n', 'yaml'],
  ];
  for (const [text, syntax] of cases) it(`${JSON.stringify(text.slice(0, 30))} is ${syntax}`, () => assert.equal(formatOfText(text), syntax));
});

describe('removePair in each syntax', () => {
  const cases: { name: string; text: string; key: string; expected: string }[] = [
    { name: 'JSON, a middle pair', text: '{"a": 1,\n  "hostPort": 80,\n  "b": 2}', key: 'hostPort', expected: '{"a": 1,\n  "b": 2}' },
    { name: 'JSON, the last pair', text: '{"a": 1,\n  "hostPort": 80\n}', key: 'hostPort', expected: '{"a": 1\n}' },
    { name: 'block YAML', text: 'a: 1\nhostPort: 80\nb: 2\n', key: 'hostPort', expected: 'a: 1\nb: 2\n' },
    { name: 'flow YAML', text: 'x: {a: 1, hostPort: 80}\n', key: 'hostPort', expected: 'x: {a: 1}\n' },
    {
      name: 'HCL block body: the attribute line and its comment',
      text: 'resource "aws_x" "y" {\n  a        = 1\n  hostPort = 80 # static\n  b        = 2\n}\n',
      key: 'hostPort',
      expected: 'resource "aws_x" "y" {\n  a        = 1\n  b        = 2\n}\n',
    },
    {
      name: 'HCL block body: a nested block',
      text: 'resource "aws_x" "y" {\n  a = 1\n  hostPort {\n    x = 1\n  }\n}\n',
      key: 'hostPort',
      expected: 'resource "aws_x" "y" {\n  a = 1\n}\n',
    },
    {
      name: 'jsonencode object on one line, the last element',
      text: 'x = jsonencode([{ containerPort = 80, hostPort = 80 }])\n',
      key: 'hostPort',
      expected: 'x = jsonencode([{ containerPort = 80 }])\n',
    },
    {
      name: 'jsonencode object on one line, the first element',
      text: 'x = jsonencode([{ hostPort = 80, containerPort = 80 }])\n',
      key: 'hostPort',
      expected: 'x = jsonencode([{ containerPort = 80 }])\n',
    },
    {
      name: 'jsonencode object, elements on their own lines without commas',
      text: 'x = jsonencode([{\n  containerPort = 80\n  hostPort      = 80\n  protocol      = "tcp"\n}])\n',
      key: 'hostPort',
      expected: 'x = jsonencode([{\n  containerPort = 80\n  protocol      = "tcp"\n}])\n',
    },
    {
      name: 'jsonencode object, elements on their own lines with commas, the last one with a trailing comma',
      text: 'x = jsonencode([{\n  containerPort = 80,\n  hostPort      = 80,\n}])\n',
      key: 'hostPort',
      expected: 'x = jsonencode([{\n  containerPort = 80,\n}])\n',
    },
    {
      name: 'jsonencode object, the closing brace on the element\'s line',
      text: 'x = jsonencode([{ containerPort = 80\n  hostPort = 80 }])\n',
      key: 'hostPort',
      expected: 'x = jsonencode([{ containerPort = 80 }])\n',
    },
    {
      name: 'jsonencode object, the only element',
      text: 'x = jsonencode([{\n  hostPort = 80\n}])\n',
      key: 'hostPort',
      expected: 'x = jsonencode([{\n}])\n',
    },
    {
      name: 'JSON in a heredoc',
      text: 'x = <<EOF\n[{"containerPort": 80,\n  "hostPort": 80}]\nEOF\n',
      key: 'hostPort',
      expected: 'x = <<EOF\n[{"containerPort": 80}]\nEOF\n',
    },
    {
      name: 'JSON in a heredoc, a middle pair',
      text: 'x = <<-EOF\n  [{\n    "containerPort": 80,\n    "hostPort": 80,\n    "protocol": "tcp"\n  }]\n  EOF\n',
      key: 'hostPort',
      expected: 'x = <<-EOF\n  [{\n    "containerPort": 80,\n    "protocol": "tcp"\n  }]\n  EOF\n',
    },
    {
      name: 'JSON in a quoted string',
      text: 'x = "[{\\"containerPort\\": 80, \\"hostPort\\": 80}]"\n',
      key: 'hostPort',
      expected: 'x = "[{\\"containerPort\\": 80}]"\n',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const out = removed(c.text, c.key);
      assert.equal(out, c.expected);
      assertParses(out, c.key);
    });
  }
});

describe('removePairs in HCL', () => {
  it('an HCL object with commas: a middle pair and the trailing run', () => {
    const text = 'x = jsonencode({ a = 1, b = 2, c = 3, d = 4 })\n';
    const found = objectHolding(text, rootOf(text), 'a')!;
    const [, b, c, d] = found.object.pairs;
    const out = applyEdits(text, removePairs(text, [b!, c!, d!], found.object.pairs, 'hcl'));
    assert.equal(out, 'x = jsonencode({ a = 1 })\n');
  });

  it('block attributes on their own lines, then a trailing run on one line', () => {
    const text = 'resource "x" "y" {\n  a = 1\n  b = 2 # gone\n  c = 3\n  d = { e = 1 }\n}\n';
    const found = objectHolding(text, rootOf(text), 'a')!;
    const [, b, , d] = found.object.pairs;
    const out = applyEdits(text, removePairs(text, [b!, d!], found.object.pairs, 'hcl'));
    assert.equal(out, 'resource "x" "y" {\n  a = 1\n  c = 3\n}\n');
    assertParses(out, 'b');
  });
});

describe('replaceScalar in each syntax', () => {
  const cases: { name: string; text: string; key: string; value: string | number | boolean; expected: string; parsed: unknown }[] = [
    { name: 'JSON number', text: '{"memory": 500}', key: 'memory', value: 512, expected: '{"memory": 512}', parsed: 512 },
    { name: 'JSON number → string', text: '{"mode": 1}', key: 'mode', value: 'awsvpc', expected: '{"mode": "awsvpc"}', parsed: 'awsvpc' },
    { name: 'JSON string with a quote', text: '{"a": "x"}', key: 'a', value: 'say "hi"', expected: '{"a": "say \\"hi\\""}', parsed: 'say "hi"' },
    { name: 'YAML plain', text: 'mode: bridge\n', key: 'mode', value: 'awsvpc', expected: 'mode: awsvpc\n', parsed: 'awsvpc' },
    { name: 'YAML number → string that reads as a number', text: 'memory: "500"\n', key: 'memory', value: '512', expected: 'memory: "512"\n', parsed: '512' },
    { name: "YAML single-quoted with a quote", text: "a: 'x'\n", key: 'a', value: "it's", expected: "a: 'it''s'\n", parsed: "it's" },
    { name: 'HCL number', text: 'memory = 500\n', key: 'memory', value: 512, expected: 'memory = 512\n', parsed: 512 },
    { name: 'HCL string', text: 'network_mode = "bridge"\n', key: 'network_mode', value: 'awsvpc', expected: 'network_mode = "awsvpc"\n', parsed: 'awsvpc' },
    { name: 'HCL number → string', text: 'memory = 500\n', key: 'memory', value: '1 GB', expected: 'memory = "1 GB"\n', parsed: '1 GB' },
    { name: 'HCL string: a template sequence is escaped', text: 'a = "x"\n', key: 'a', value: 'cost ${x}', expected: 'a = "cost $${x}"\n', parsed: 'cost ${x}' },
    { name: 'jsonencode string', text: 'x = jsonencode({ networkMode = "bridge" })\n', key: 'networkMode', value: 'awsvpc', expected: 'x = jsonencode({ networkMode = "awsvpc" })\n', parsed: 'awsvpc' },
    { name: 'JSON in a heredoc', text: 'x = <<EOF\n{"memory": 500}\nEOF\n', key: 'memory', value: 512, expected: 'x = <<EOF\n{"memory": 512}\nEOF\n', parsed: 512 },
    { name: 'JSON in a heredoc, number → string', text: 'x = <<EOF\n{"memory": 500}\nEOF\n', key: 'memory', value: '1 GB', expected: 'x = <<EOF\n{"memory": "1 GB"}\nEOF\n', parsed: '1 GB' },
    { name: 'JSON in a quoted string: a string keeps its escaped quotes', text: 'x = "{\\"mode\\": \\"bridge\\"}"\n', key: 'mode', value: 'awsvpc', expected: 'x = "{\\"mode\\": \\"awsvpc\\"}"\n', parsed: 'awsvpc' },
    { name: 'JSON in a quoted string: number → string gets escaped quotes', text: 'x = "{\\"memory\\": 500}"\n', key: 'memory', value: '1 GB', expected: 'x = "{\\"memory\\": \\"1 GB\\"}"\n', parsed: '1 GB' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const out = replaced(c.text, c.key, c.value);
      assert.equal(out, c.expected);
      assertParses(out, c.key, c.parsed);
    });
  }
});
