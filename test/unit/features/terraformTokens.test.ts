/** Terraform colouring (semantic tokens) for editors without a Terraform grammar: each token's type and exact text. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { terraformTokens } from '../../../server/src/core/features/terraformTokens';
import { hclParser } from '../../../server/src/core/parse/hclParser';
import { loadHclParser } from '../../../server/src/io/hclGrammar';
import { encodeTokens } from '../../../server/src/lsp/semanticTokens';

before(() => loadHclParser());

/** Each token as `type text`, in order; also checks they are in order and never overlap. */
function tokens(text: string): string[] {
  const found = terraformTokens(text);
  assert.ok(found, 'the grammar is loaded');
  for (let i = 1; i < found.length; i++) assert.ok(found[i]!.start >= found[i - 1]!.end, `token ${i} overlaps the one before`);
  return found.map((t) => `${t.type} ${text.slice(t.start, t.end)}`);
}

describe('terraformTokens', () => {
  it('blocks, arguments, literals, references, calls, for expressions and comments', () => {
    const text = [
      '# A service',
      'resource "aws_ecs_service" "app" {',
      '  cpu     = 256 // inline',
      '  enabled = true',
      '  tags    = { Name = local.name, "x-y" = null }',
      '  arn     = aws_lb_target_group.app.arn',
      '  subnets = [for s in var.subnets : upper(s) if s != ""]',
      '  /* two',
      '     lines */',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(tokens(text), [
      'comment # A service',
      'keyword resource',
      'string "aws_ecs_service"',
      'string "app"',
      'property cpu',
      'number 256',
      'comment // inline',
      'property enabled',
      'keyword true',
      'property tags',
      'property Name',
      'variable local',
      'property name',
      'string "x-y"',
      'keyword null',
      'property arn',
      'variable aws_lb_target_group',
      'property app',
      'property arn',
      'property subnets',
      'keyword for',
      'variable s',
      'keyword in',
      'variable var',
      'property subnets',
      'function upper',
      'variable s',
      'keyword if',
      'variable s',
      'string ""',
      'comment /* two\n     lines */',
    ]);
  });

  it('a string or heredoc is one token around its interpolations, whose code is coloured as code', () => {
    const text = 'locals {\n  name = "app-${var.env}-x"\n  doc  = <<-EOT\n    {"a": 1}\n    EOT\n  tpl  = <<EOT\n%{ if var.on }on%{ endif }\nEOT\n}\n';
    assert.deepEqual(tokens(text), [
      'keyword locals',
      'property name',
      'string "app-',
      'variable var',
      'property env',
      'string -x"',
      'property doc',
      'string <<-EOT\n    {"a": 1}\n    EOT',
      'property tpl',
      'string <<EOT\n',
      'keyword if',
      'variable var',
      'property on',
      'string on',
      'keyword endif',
      'string \nEOT',
    ]);
  });

  it('a broken block still colours the rest of the file; empty and binary text end with no token or a few', () => {
    const text = 'resource "aws_sqs_queue" "a" {\n  name = \n}\n\nvariable "memory" {\n  default = 512\n}\n';
    const found = tokens(text);
    assert.deepEqual(found.slice(-4), ['keyword variable', 'string "memory"', 'property default', 'number 512']);
    assert.deepEqual(tokens(''), []);
    assert.ok(Array.isArray(terraformTokens('\u0000\u0001\uFFFD'.repeat(1000))));
  });

  it('a syntax tree the caller keeps is walked, not parsed again, and left to the caller', () => {
    const text = 'resource "aws_sqs_queue" "jobs" {\n  name = "jobs-${var.env}"\n}\n';
    const tree = hclParser()!.parse(text)!;
    try {
      assert.deepEqual(terraformTokens(text, tree), terraformTokens(text));
      assert.equal(tree.rootNode.type, 'config_file', 'the tree is still usable');
      // Walked as given: the tree of other text gives that text's tokens, which a parse of `text` would not.
      assert.deepEqual(terraformTokens('x', tree)!.map((t) => t.type), terraformTokens(text)!.map((t) => t.type));
    } finally {
      tree.delete();
    }
  });

  it('a leading BOM moves no offset', () => {
    assert.deepEqual(tokens('\uFEFFcpu = 1\n'), ['property cpu', 'number 1']);
  });
});

describe('encodeTokens (the LSP edge)', () => {
  it('relative lines and characters; a token over several lines is sent line by line, without the line breaks', () => {
    const text = 'x = <<EOT\r\nab\r\n\r\nEOT\r\ny = 1\n';
    const found = terraformTokens(text)!;
    // property x, string "<<EOT" / "ab" / "EOT" (the empty line has no segment), property y, number 1.
    assert.deepEqual(encodeTokens(text, found).data, [
      0, 0, 1, 4, 0,
      0, 4, 5, 2, 0,
      1, 0, 2, 2, 0,
      2, 0, 3, 2, 0,
      1, 0, 1, 4, 0,
      0, 4, 1, 3, 0,
    ]);
  });
});
