/** Adding to a Terraform file in its own layout: attributes beside another (block, HCL object, JSON heredoc) and blocks. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { applyEdits } from '../../../server/src/core/fix/fixAll';
import { HclBlock, HclExpression, HclObject, hclLayoutOf, insertAttributeAfter, insertBlockAfter, uniqueName } from '../../../server/src/core/fix/hclEdits';
import { jsonInHclString } from '../../../server/src/core/parse/embeddedJson';
import { parseHcl } from '../../../server/src/core/parse/hcl';
import { DEFAULT_LIMITS } from '../../../server/src/core/parse/limits';
import { getPair, nodeAt, toPlain, type Node, type Pair } from '../../../server/src/core/parse/tree';
import { loadHclParser } from '../../../server/src/io/hclGrammar';

before(() => loadHclParser());

const pairAt = (root: Node | undefined, ...path: (string | number)[]): Pair => {
  const found = nodeAt(root, path).pair;
  assert.ok(found, `no pair at ${path.join('.')}`);
  return found;
};

function parsesClean(text: string): Node {
  const tree = parseHcl(text);
  assert.deepEqual(tree.problems, [], `does not parse:\n${text}`);
  return tree.root!;
}

describe('insertAttributeAfter', () => {
  it('a block body: a new line at the attribute\'s indentation, after its comment, its = aligned with its run as terraform fmt does', () => {
    const text = 'resource "aws_cloudfront_distribution" "cdn" {\n  origin {\n    domain_name = "b.s3.amazonaws.com" # the bucket\n    origin_id   = "s3"\n  }\n}\n';
    const root = parsesClean(text);
    const domain = pairAt(root, 'resource', 'aws_cloudfront_distribution', 'cdn', 'origin', 'domain_name');
    const out = applyEdits(text, [...insertAttributeAfter(text, domain, 'origin_access_control_id', HclExpression.reference('aws_cloudfront_origin_access_control', 'site', 'id'))!]);
    assert.equal(
      out,
      'resource "aws_cloudfront_distribution" "cdn" {\n  origin {\n    domain_name              = "b.s3.amazonaws.com" # the bucket\n    origin_access_control_id = aws_cloudfront_origin_access_control.site.id\n    origin_id                = "s3"\n  }\n}\n',
    );
    parsesClean(out);
  });

  it('an HCL object on one line gets a comma', () => {
    const text = 'x = jsonencode([{ name = "web", image = "nginx" }])\n';
    const root = parsesClean(text);
    const call = getPair(root, 'x')!.value;
    assert.equal(call.kind, 'expression');
    const image = pairAt(call.kind === 'expression' ? call.args[0] : undefined, 0, 'image');
    const out = applyEdits(text, [...insertAttributeAfter(text, image, 'essential', true)!]);
    assert.equal(out, 'x = jsonencode([{ name = "web", image = "nginx", essential = true }])\n');
    parsesClean(out);
  });

  it('an HCL object written with commas on separate lines keeps the commas', () => {
    const text = 'x = jsonencode({\n  name  = "web",\n  image = "nginx"\n})\n';
    const root = parsesClean(text);
    const call = getPair(root, 'x')!.value;
    const name = pairAt(call.kind === 'expression' ? call.args[0] : undefined, 'name');
    const out = applyEdits(text, [...insertAttributeAfter(text, name, 'memory', 512)!]);
    assert.equal(out, 'x = jsonencode({\n  name   = "web",\n  memory = 512,\n  image  = "nginx"\n})\n');
    parsesClean(out);
  });

  it('JSON in a heredoc is written as JSON, with its comma', () => {
    const text = 'x = <<EOF\n{\n  "name": "web",\n  "image": "nginx"\n}\nEOF\n';
    const node = getPair(parsesClean(text), 'x')!.value;
    const json = jsonInHclString(text, node, DEFAULT_LIMITS)!;
    const image = pairAt(json.root, 'image');
    const out = applyEdits(text, [...insertAttributeAfter(text, image, 'portMappings', [new HclObject([['containerPort', 80]])])!]);
    assert.equal(out, 'x = <<EOF\n{\n  "name": "web",\n  "image": "nginx",\n  "portMappings": [{\n    "containerPort": 80\n  }]\n}\nEOF\n');
    const after = jsonInHclString(out, getPair(parsesClean(out), 'x')!.value, DEFAULT_LIMITS)!;
    assert.deepEqual(after.problems, []);
    assert.deepEqual(toPlain(after.root), { name: 'web', image: 'nginx', portMappings: [{ containerPort: 80 }] });
  });

  it('a shorter key takes the run\'s column and leaves the neighbours; a value on several lines splits the run, each part aligned on its own', () => {
    const text = 'resource "aws_lb_target_group" "app" {\n  name        = "app"\n  target_type = "ip"\n\n  vpc_id = "vpc-1"\n}\n';
    const root = parsesClean(text);
    const name = pairAt(root, 'resource', 'aws_lb_target_group', 'app', 'name');
    const edits = insertAttributeAfter(text, name, 'protocol', 'HTTP')!;
    assert.equal(edits.length, 1);
    assert.equal(applyEdits(text, edits), 'resource "aws_lb_target_group" "app" {\n  name        = "app"\n  protocol    = "HTTP"\n  target_type = "ip"\n\n  vpc_id = "vpc-1"\n}\n');
    const split = applyEdits(text, [...insertAttributeAfter(text, name, 'tags', new HclObject([['team', 'web']]))!]);
    assert.equal(split, 'resource "aws_lb_target_group" "app" {\n  name = "app"\n  tags = {\n    team = "web"\n  }\n  target_type = "ip"\n\n  vpc_id = "vpc-1"\n}\n');
    parsesClean(split);
  });

  it('JSON in a quoted string, and an expression in JSON, are left alone', () => {
    const quoted = 'x = "{\\"name\\": \\"web\\"}"\n';
    const name = pairAt(jsonInHclString(quoted, getPair(parsesClean(quoted), 'x')!.value, DEFAULT_LIMITS)!.root, 'name');
    assert.equal(insertAttributeAfter(quoted, name, 'image', 'nginx'), undefined);
    const heredoc = 'x = <<EOF\n{"name": "web"}\nEOF\n';
    const name2 = pairAt(jsonInHclString(heredoc, getPair(parsesClean(heredoc), 'x')!.value, DEFAULT_LIMITS)!.root, 'name');
    assert.equal(insertAttributeAfter(heredoc, name2, 'image', new HclExpression('var.image')), undefined);
  });
});

describe('insertBlockAfter', () => {
  it('a resource after a resource, in the file\'s indentation step and line breaks', () => {
    const text = 'resource "aws_s3_bucket" "site" {\r\n    bucket = "site"\r\n}\r\n# next\r\n';
    const root = parsesClean(text);
    const bucket = root.kind === 'object' ? root.pairs[0]! : undefined;
    const block = new HclBlock('resource', ['aws_cloudfront_origin_access_control', 'site'], [
      ['name', 'site-${x}'],
      ['origin_access_control_origin_type', 's3'],
      new HclBlock('tags', [], [['team', 'web']]),
    ]);
    const out = applyEdits(text, [insertBlockAfter(text, bucket!, block, hclLayoutOf(text, bucket))]);
    assert.equal(
      out,
      'resource "aws_s3_bucket" "site" {\r\n    bucket = "site"\r\n}\r\n\r\nresource "aws_cloudfront_origin_access_control" "site" {\r\n    name                              = "site-$${x}"\r\n    origin_access_control_origin_type = "s3"\r\n    tags {\r\n        team = "web"\r\n    }\r\n}\r\n# next\r\n',
    );
    const after = parsesClean(out);
    assert.deepEqual(toPlain(nodeAt(after, ['resource', 'aws_cloudfront_origin_access_control', 'site', 'name']).node), 'site-${x}');
  });

  it('uniqueName', () => {
    const taken = new Set(['site', 'site_2']);
    assert.equal(uniqueName((n) => taken.has(n), 'site'), 'site_3');
    assert.equal(uniqueName((n) => taken.has(n), 'cdn'), 'cdn');
  });
});
