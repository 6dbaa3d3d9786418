import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/core/analyze';
import { toPlain } from '../../../server/src/core/parse/tree';
import { parseYaml } from '../../../server/src/core/parse/yaml';

/** The finding of a rule as [line, text under it, severity]. */
function findingsOf(text: string, uri: string, ruleId: string): [number, string, string][] {
  return analyze({ uri, text }, { now: new Date('2026-12-01T00:00:00Z') })
    .findings.filter((f) => f.ruleId === ruleId)
    .map((f) => [text.slice(0, f.span.start).split('\n').length, text.slice(f.span.start, f.span.end), f.severity]);
}

describe('YAML merge keys (<<) are resolved as js-yaml and PyYAML resolve them', () => {
  it('merges one mapping or a list of them; written keys win, and earlier mappings win over later ones', () => {
    const tree = parseYaml('a: &a { x: 1, y: 1 }\nb: &b { y: 2, z: 2 }\none:\n  <<: *a\n  x: 9\nlist:\n  <<: [*a, *b]\n  w: 0\n');
    assert.deepEqual(toPlain(tree.root), {
      a: { x: 1, y: 1 },
      b: { y: 2, z: 2 },
      one: { y: 1, x: 9 },
      list: { x: 1, y: 1, z: 2, w: 0 },
    });
    assert.deepEqual(tree.problems, []);
    assert.equal(tree.usesAnchors, true);
  });

  it('a merged value keeps its span where the anchor writes it; a merge key of a scalar stays as written', () => {
    const text = 'base: &base\n  timeout: 30\nfn:\n  <<: *base\nodd:\n  <<: 5\n';
    const tree = parseYaml(text);
    const fn = tree.root?.kind === 'object' ? tree.root.pairs.find((p) => p.key === 'fn')!.value : undefined;
    assert.equal(fn?.kind, 'object');
    const timeout = fn!.kind === 'object' ? fn!.pairs[0]! : undefined;
    assert.equal(text.slice(timeout!.value.span.start, timeout!.value.span.end), '30');
    assert.deepEqual(toPlain(tree.root), { base: { timeout: 30 }, fn: { timeout: 30 }, odd: { '<<': 5 } });
  });

  it('serverless.yml: values merged into a function are judged like written ones, once for a value several functions share', () => {
    const text = `service: orders
custom:
  defaults: &defaults
    runtime: nodejs12.x
    timeout: 2400
provider:
  name: aws
functions:
  api:
    <<: *defaults
    handler: api.handler
  worker:
    <<: *defaults
    handler: worker.handler
    timeout: 60
`;
    assert.deepEqual(findingsOf(text, 'file:///w/serverless.yml', 'lambda/valid-timeout'), [[5, '2400', 'error']]);
    assert.deepEqual(findingsOf(text, 'file:///w/serverless.yml', 'lambda/no-deprecated-runtime'), [[4, 'nodejs12.x', 'error']]);
  });

  it('CloudFormation/SAM: merged properties are judged, and << is no unknown property', () => {
    const text = `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      <<: &common
        Runtime: python3.13
        Timeout: 2400
      Handler: app.handler
      CodeUri: src/
`;
    assert.deepEqual(findingsOf(text, 'file:///w/template.yaml', 'lambda/valid-timeout'), [[8, '2400', 'error']]);
    assert.deepEqual(findingsOf(text, 'file:///w/template.yaml', 'cfn/valid-resource-properties'), []);
  });
});
