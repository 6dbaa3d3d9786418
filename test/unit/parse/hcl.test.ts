import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseHcl, parseHclWith } from '../../../server/src/core/parse/hcl';
import { literalHeredocs } from '../../../server/src/core/parse/hclHeredocs';
import { getPair, nodeAt, toPlain, type ExpressionNode, type Node, type ObjectNode, type ParsedTree } from '../../../server/src/core/parse/tree';
import { loadHclParser } from '../../../server/src/io/hclGrammar';
import { assertSpansWellFormed, slice, spanOf } from './helpers';

before(async () => {
  await loadHclParser();
});

const parse = (text: string) => parseHcl(text);
const at = (root: Node | undefined, ...path: (string | number)[]) => nodeAt(root, path).node;

describe('parseHcl: blocks and attributes become Terraform JSON syntax', () => {
  const text = `resource "aws_ecs_task_definition" "app" {
  family = "app"
  cpu    = 256
  requires_compatibilities = ["FARGATE"]
  tags = { Name = "app", "team-x" = true }
  runtime_platform {
    cpu_architecture = "ARM64"
  }
}

variable "cpu" {
  default = null
}
`;
  let tree: ParsedTree;
  before(() => {
    tree = parse(text);
  });

  it('parses without problems, every span well formed', () => {
    assert.deepEqual(tree.problems, []);
    assert.equal(tree.format, 'hcl');
    assert.ok(assertSpansWellFormed(text, tree.root!) > 15);
    assert.deepEqual(tree.root!.span, { start: 0, end: text.length });
  });

  it('a block is its type, then one single-key object per label, then its body', () => {
    const resource = getPair(tree.root, 'resource')!;
    assert.equal(resource.block, true);
    assert.deepEqual(resource.keySpan, spanOf(text, 'resource'));
    assert.equal(resource.span.start, 0);
    assert.equal(slice(text, resource.span).endsWith('}\n}'), true);
    const type = getPair(resource.value, 'aws_ecs_task_definition')!;
    assert.deepEqual(type.keySpan, spanOf(text, '"aws_ecs_task_definition"'));
    const name = getPair(type.value, 'app')!;
    assert.deepEqual(name.keySpan, spanOf(text, '"app"'));
    assert.equal(slice(text, name.value.span).startsWith('{\n  family'), true);
  });

  it('literals keep their values and spans; nested blocks are pairs marked block', () => {
    const body = at(tree.root, 'resource', 'aws_ecs_task_definition', 'app');
    assert.deepEqual(toPlain(body), {
      family: 'app',
      cpu: 256,
      requires_compatibilities: ['FARGATE'],
      tags: { Name: 'app', 'team-x': true },
      runtime_platform: { cpu_architecture: 'ARM64' },
    });
    const cpu = getPair(body, 'cpu')!;
    assert.deepEqual([cpu.keySpan, cpu.value.span], [spanOf(text, 'cpu '), spanOf(text, '256')].map((s, i) => (i === 0 ? { start: s.start, end: s.end - 1 } : s)));
    assert.equal(cpu.block, undefined);
    assert.equal(getPair(body, 'runtime_platform')!.block, true);
    assert.deepEqual(getPair(at(body, 'tags'), 'team-x')!.keySpan, spanOf(text, '"team-x"'));
    assert.equal(at(tree.root, 'variable', 'cpu', 'default')!.kind, 'scalar');
  });
});

describe('parseHcl: expressions', () => {
  const text = `locals {
  a = var.subnets[0]
  b = aws_lb_target_group.app.arn
  c = jsonencode([{ name = "web", memory = 512 }])
  d = "prefix-\${var.env}-suffix"
  e = var.on ? 1 : 2
  f = "say \\"hi\\"\\n$\${literal}"
  g = 1 + 2
  h = [for s in var.list : upper(s)]
  i = var.list[*].id
}
`;
  let tree: ParsedTree;
  before(() => {
    tree = parse(text);
  });
  const local = (name: string) => at(tree.root, 'locals', name) as ExpressionNode;

  it('parses without problems', () => {
    assert.deepEqual(tree.problems, []);
    assertSpansWellFormed(text, tree.root!);
  });

  it('references keep their traversal and span', () => {
    assert.deepEqual([local('a').form, local('a').traversal], ['reference', ['var', 'subnets', 0]]);
    assert.deepEqual(local('a').span, spanOf(text, 'var.subnets[0]'));
    assert.deepEqual(local('b').traversal, ['aws_lb_target_group', 'app', 'arn']);
  });

  it('a call keeps its name and converted arguments', () => {
    const c = local('c');
    assert.deepEqual([c.form, c.name], ['call', 'jsonencode']);
    assert.deepEqual(toPlain(c.args[0]), [{ name: 'web', memory: 512 }]);
    assert.deepEqual(c.args[0]!.span, spanOf(text, '[{ name = "web", memory = 512 }]'));
  });

  it('a template keeps its literal parts and interpolations', () => {
    const d = local('d');
    assert.equal(d.form, 'template');
    assert.deepEqual(
      d.args.map((p) => (p.kind === 'scalar' ? p.value : (p as ExpressionNode).traversal)),
      ['prefix-', ['var', 'env'], '-suffix'],
    );
  });

  it('escapes are decoded; $${ is a literal ${', () => {
    const f = at(tree.root, 'locals', 'f')!;
    assert.deepEqual([f.kind, toPlain(f)], ['scalar', 'say "hi"\n${literal}']);
  });

  it('conditionals, operations, for and splat are unknown expressions', () => {
    assert.equal(local('e').form, 'conditional');
    assert.equal(local('e').args.length, 3);
    assert.equal(local('g').form, 'operation');
    assert.equal(local('h').form, 'for');
    assert.equal(local('i').form, 'other');
    assert.equal(toPlain(local('e')), undefined);
  });
});

describe('parseHcl: heredocs', () => {
  it('<<EOF keeps the content verbatim, with the last line break', () => {
    const text = 'x = <<EOF\n  {"a": 1}\nEOF\n';
    const x = at(parse(text).root, 'x')!;
    assert.deepEqual([x.kind, toPlain(x)], ['scalar', '  {"a": 1}\n']);
    assert.deepEqual(x.span, spanOf(text, '<<EOF\n  {"a": 1}\nEOF'));
  });

  it('<<-EOF removes the indentation the lines share', () => {
    const text = 'x = <<-EOF\n    {\n      "a": 1\n    }\n  EOF\n';
    assert.equal(toPlain(at(parse(text).root, 'x')), '{\n  "a": 1\n}\n');
  });

  it('a heredoc with an interpolation is a template', () => {
    const x = at(parse('x = <<EOF\n{"a": "${var.a}"}\nEOF\n').root, 'x') as ExpressionNode;
    assert.equal(x.form, 'template');
  });

  it('the content of a literal heredoc is left out of the tree-sitter parse and read from the text', () => {
    const text = 'a = <<EOF\n  {"a": 1}\n  EOFX\nEOF\nb = <<-JSON\n    [1]\n    JSON\nc = <<EOF\n${var.x}\nEOF\nd = <<EOF\nEOF\n';
    assert.deepEqual(
      literalHeredocs(text).map((h) => [text.slice(h.open, h.contentStart), text.slice(h.contentStart, h.contentEnd), text.slice(h.contentEnd, h.end)]),
      [
        ['<<EOF\n', '  {"a": 1}\n  EOFX\n', 'EOF'],
        ['<<-JSON\n', '    [1]\n', '    JSON'],
      ],
    );
    const tree = parse(text);
    assert.deepEqual(tree.problems, []);
    assert.deepEqual(toPlain(tree.root), { a: '  {"a": 1}\n  EOFX\n', b: '[1]\n', c: undefined, d: '' });
    assert.deepEqual(at(tree.root, 'b')!.span, spanOf(text, '<<-JSON\n    [1]\n    JSON'));
  });

  it('a "<<EOF" that is not a heredoc (in a comment) is parsed as written', () => {
    const text = '# x = <<EOF\nhello\nEOF\ny = 1\n';
    assert.equal(literalHeredocs(text).length, 1);
    const tree = parse(text);
    assert.deepEqual(tree.problems.map((p) => [p.code, slice(text, p.span)]), [['syntax', 'hello'], ['syntax', 'EOF']]);
    assert.equal(toPlain(at(tree.root, 'y')), 1);
  });
});

describe('parseHcl: problems', () => {
  it('an attribute set twice is a duplicate-key problem; a repeated block is not', () => {
    const text = 'resource "aws_ecs_service" "s" {\n  name = "a"\n  load_balancer {}\n  load_balancer {}\n  name = "b"\n}\n';
    const tree = parse(text);
    assert.deepEqual(
      tree.problems.map((p) => [p.code, p.span, p.related]),
      [['duplicate-key', spanOf(text, 'name', 1), spanOf(text, 'name', 0)]],
    );
  });

  it('a key twice in one object constructor is a duplicate-key problem', () => {
    const text = 'tags = { a = 1, a = 2 }\n';
    assert.deepEqual(
      parse(text).problems.map((p) => [p.code, p.span]),
      [['duplicate-key', { start: text.indexOf('a = 2'), end: text.indexOf('a = 2') + 1 }]],
    );
  });

  it('a half-typed block costs only itself: the blocks around it are still read, one problem per broken region', () => {
    const text = `resource "aws_sqs_queue" "a" {
  name = "a"
}
b =

resource "aws_sqs_queue" "broken" {
  delay_seconds = [1,
}
variable "v" { default = 2 }
output "o" { value = 1
`;
    const tree = parse(text);
    const resources = (tree.root as ObjectNode).pairs.filter((p) => p.key === 'resource').map((p) => toPlain(p.value));
    assert.deepEqual(resources, [{ aws_sqs_queue: { a: { name: 'a' } } }, { aws_sqs_queue: { broken: {} } }]);
    assert.equal(toPlain(at(tree.root, 'variable', 'v', 'default')), 2);
    const syntax = tree.problems.filter((p) => p.code === 'syntax');
    assert.equal(syntax.length, 3, JSON.stringify(syntax));
    const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
    assert.deepEqual(syntax.map((p) => lineOf(p.span.start)), [4, 7, 10]);
  });

  it('an empty file is an empty body', () => {
    const tree = parse('');
    assert.deepEqual([tree.problems, tree.root], [[], { kind: 'object', span: { start: 0, end: 0 }, pairs: [] }]);
  });

  it('a leading BOM moves no offset', () => {
    const text = '\ufeffa = "x"\n';
    const a = getPair(parse(text).root, 'a')!;
    assert.deepEqual(a.value.span, spanOf(text, '"x"'));
  });

  it('nesting past the depth limit is one too-deep problem, not a stack overflow', () => {
    const text = `x = ${'['.repeat(3000)}${']'.repeat(3000)}\n`;
    const tree = parseHcl(text, { maxFileSize: 1e7, maxDepth: 500, maxAliasCount: 100 });
    assert.deepEqual(tree.problems.map((p) => p.code), ['too-deep']);
    assert.equal(tree.root, undefined);
  });

  it('without a loaded parser the file gets one clear problem', () => {
    const tree = parseHclWith(undefined, 'a = 1');
    assert.deepEqual([tree.root, tree.problems.map((p) => p.message)], [undefined, ['The Terraform (HCL) parser is not loaded, so this file was not checked.']]);
  });
});
