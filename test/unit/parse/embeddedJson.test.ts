import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { jsonInHclString, jsonTemplate, maskPlaceholders } from '../../../server/src/core/parse/embeddedJson';
import { parseHcl } from '../../../server/src/core/parse/hcl';
import { DEFAULT_LIMITS } from '../../../server/src/core/parse/limits';
import { getPair, nodeAt, toPlain, type ExpressionNode, type Node } from '../../../server/src/core/parse/tree';
import { loadHclParser } from '../../../server/src/io/hclGrammar';
import { spanOf } from './helpers';

before(async () => {
  await loadHclParser();
});

function embedded(text: string, attribute: string) {
  const node = getPair(parseHcl(text).root, attribute)!.value;
  return jsonInHclString(text, node, DEFAULT_LIMITS);
}
const at = (root: Node | undefined, ...path: (string | number)[]) => nodeAt(root, path);

describe('JSON inside a Terraform string: parsed once per node', () => {
  it('the same node gives the same result under equal limits, and is parsed again under others', () => {
    const text = 'x = <<EOF\n[{"name": "web"}]\nEOF\n';
    const node = getPair(parseHcl(text).root, 'x')!.value;
    const first = jsonInHclString(text, node, DEFAULT_LIMITS);
    assert.ok(first?.root);
    assert.equal(jsonInHclString(text, node, { ...DEFAULT_LIMITS }), first);
    const shallow = jsonInHclString(text, node, { ...DEFAULT_LIMITS, maxDepth: 1 });
    assert.notEqual(shallow, first);
    assert.deepEqual(shallow?.problems.map((p) => p.code), ['too-deep']);
  });
});

describe('JSON inside a Terraform string: spans in the .tf file', () => {
  it('a heredoc (<<-EOF): keys and values point at their text in the file', () => {
    const text = 'x = <<-EOF\n  [{"name": "web",\n    "portMappings": [{"hostPort": 80}]}]\n  EOF\n';
    const json = embedded(text, 'x')!;
    assert.deepEqual(json.problems, []);
    assert.deepEqual(toPlain(json.root), [{ name: 'web', portMappings: [{ hostPort: 80 }] }]);
    const host = at(json.root, 0, 'portMappings', 0, 'hostPort');
    assert.deepEqual(host.pair!.keySpan, spanOf(text, '"hostPort"'));
    assert.deepEqual(host.node!.span, spanOf(text, '80'));
    assert.deepEqual(at(json.root, 0).node!.span, { start: text.indexOf('{"name"'), end: text.indexOf('}]}]') + 3 });
  });

  it('a quoted string: escaped quotes are part of the span', () => {
    const text = 'x = "[{\\"name\\": \\"web\\", \\"cpu\\": 256}]"\n';
    const json = embedded(text, 'x')!;
    assert.deepEqual(toPlain(json.root), [{ name: 'web', cpu: 256 }]);
    assert.deepEqual(at(json.root, 0, 'name').pair!.keySpan, spanOf(text, '\\"name\\"'));
    assert.deepEqual(at(json.root, 0, 'name').node!.span, spanOf(text, '\\"web\\"'));
    assert.deepEqual(at(json.root, 0, 'cpu').node!.span, spanOf(text, '256'));
  });

  it('interpolations are unknown: a whole value becomes an expression, a string keeps its static text', () => {
    const text = 'x = <<EOF\n[{"image": "${var.repo}:latest", "cpu": ${var.cpu}, "memory": 512}]\nEOF\n';
    const json = embedded(text, 'x')!;
    assert.deepEqual(json.problems, []);
    const image = at(json.root, 0, 'image').node as ExpressionNode;
    assert.equal(image.form, 'template');
    assert.deepEqual(image.args.map((a) => (a.kind === 'scalar' ? a.value : '?')), ['?', ':latest']);
    assert.deepEqual(image.span, spanOf(text, '"${var.repo}:latest"'));
    const cpu = at(json.root, 0, 'cpu').node!;
    assert.deepEqual([cpu.kind, cpu.span], ['expression', spanOf(text, '${var.cpu}')]);
    assert.equal(toPlain(at(json.root, 0, 'memory').node), 512);
  });

  it('a quoted template with an interpolation outside a JSON string', () => {
    const text = 'x = "[{\\"memory\\": ${var.m}, \\"name\\": \\"a\\"}]"\n';
    const json = embedded(text, 'x')!;
    assert.deepEqual(json.problems, []);
    assert.deepEqual(at(json.root, 0, 'memory').node!.span, spanOf(text, '${var.m}'));
    assert.equal(toPlain(at(json.root, 0, 'name').node), 'a');
  });

  it('a plain string is not JSON; broken JSON reports problems at their place in the file', () => {
    assert.equal(embedded('x = "hello"\n', 'x'), undefined);
    const text = 'x = <<EOF\n[{"name": "web",}]\nEOF\n';
    const json = embedded(text, 'x')!;
    assert.deepEqual(json.problems.map((p) => [p.code, p.span]), [['json-trailing-comma', spanOf(text, ',}')].map((v, i) => (i === 1 ? { start: (v as { start: number }).start, end: (v as { start: number }).start + 1 } : v))]);
  });
});

describe('JSON templates (templatefile)', () => {
  it('placeholders are masked with the same length, inside and outside strings', () => {
    const text = '[{"cpu": ${cpu}, "image": "${repo}:${tag}", "x": "$${literal}"}]';
    const masked = maskPlaceholders(text);
    assert.equal(masked.length, text.length);
    assert.doesNotThrow(() => JSON.parse(masked));
  });

  it('parses into the tree with unknown values where placeholders stand', () => {
    const text = '[{"name": "web", "cpu": ${cpu}, "essential": %{ if x }true%{ else }false%{ endif }}]';
    const json = jsonTemplate('[{"name": "web", "cpu": ${cpu}}]', DEFAULT_LIMITS);
    assert.deepEqual(json.problems, []);
    assert.equal(at(json.root, 0, 'cpu').node!.kind, 'expression');
    assert.equal(toPlain(at(json.root, 0, 'name').node), 'web');
    // Directives around literal text do not make valid JSON; that is reported, not thrown.
    assert.ok(jsonTemplate(text, DEFAULT_LIMITS).problems.length > 0);
  });
});
