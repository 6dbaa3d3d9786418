import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseYaml } from '../../../server/src/core/parse/yaml';
import { parseYamlIncrementally, reparse } from '../../../server/src/core/parse/yamlIncremental';
import type { ObjectNode, ParsedTree } from '../../../server/src/core/parse/tree';
import { prepare, lint } from '../../../server/src/core/analyze';

const repo = path.resolve(__dirname, '../../..');
const example = (name: string) => readFileSync(path.join(repo, 'examples/cfn', name), 'utf8');

/** Problems in position order: the full parse lists them in the order it meets them. */
function normalized(tree: ParsedTree): ParsedTree {
  return { ...tree, problems: [...tree.problems].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end) };
}

function edit(text: string, at: number, remove: number, insert: string): string {
  return text.slice(0, at) + insert + text.slice(at + remove);
}

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Stage:
    Type: String
    Default: dev
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 30
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      Role: !GetAtt Role.Arn
      Code:
        ZipFile: |
          exports.handler = async () => 1;
  Role:
    Type: AWS::IAM::Role
Outputs:
  QueueUrl:
    Value: !Ref Queue
`;

describe('parseYamlIncrementally', () => {
  it('re-parses only the edited resource and gives the same tree as a full parse', () => {
    const before = parseYaml(TEMPLATE);
    const text = TEMPLATE.replace('VisibilityTimeout: 30', 'VisibilityTimeout: 300');
    const result = reparse({ text: TEMPLATE, tree: before }, text);
    assert.ok(result, 'an edit inside one resource takes the incremental path');
    assert.deepEqual(normalized(result), normalized(parseYaml(text)));
    const oldRoot = before.root as ObjectNode;
    const newRoot = result.root as ObjectNode;
    // Entries before the edit are the same objects; the ones after are shifted copies.
    assert.equal(newRoot.pairs[1], oldRoot.pairs[1]);
    assert.notEqual(newRoot.pairs[3], oldRoot.pairs[3]);
    assert.equal(newRoot.pairs[3]!.keySpan.start, oldRoot.pairs[3]!.keySpan.start + 1);
  });

  it('returns the previous tree when the text did not change', () => {
    const tree = parseYaml(TEMPLATE);
    assert.equal(parseYamlIncrementally(TEMPLATE, { text: TEMPLATE, tree }), tree);
  });

  const fallbacks: [string, (text: string) => string][] = [
    ['a renamed resource (duplicate keys among siblings could change)', (t) => t.replace('  Queue:\n', '  Queue2:\n')],
    ['a new sibling typed inside an entry', (t) => t.replace('    Type: AWS::SQS::Queue\n', '    Type: AWS::SQS::Queue\n  Extra: 1\n')],
    ['an anchor', (t) => t.replace('VisibilityTimeout: 30', 'VisibilityTimeout: &t 30')],
    ['a syntax error', (t) => t.replace('VisibilityTimeout: 30', 'VisibilityTimeout: [30')],
    ['a document marker', (t) => `${t}---\nother: 1\n`],
    ['a tab', (t) => t.replace('VisibilityTimeout: 30', 'VisibilityTimeout:\t30')],
    ['an edit that spans two resources', (t) => t.replace('VisibilityTimeout: 30\n  Fn:', 'VisibilityTimeout: 31\n  Fn:').replace('Runtime: nodejs20.x', 'Runtime: nodejs22.x')],
  ];
  for (const [name, change] of fallbacks) {
    it(`parses the whole document again after ${name}, with the same result as a full parse`, () => {
      const text = change(TEMPLATE);
      assert.notEqual(text, TEMPLATE);
      const previous = { text: TEMPLATE, tree: parseYaml(TEMPLATE) };
      if (name !== 'an edit that spans two resources') assert.equal(reparse(previous, text), undefined);
      assert.deepEqual(normalized(parseYamlIncrementally(text, previous)), normalized(parseYaml(text)));
    });
  }

  it('keeps duplicate-key problems of untouched siblings and of the edited entry itself', () => {
    const text = TEMPLATE.replace('  Role:\n    Type: AWS::IAM::Role\n', '  Role:\n    Type: AWS::IAM::Role\n  Queue:\n    Type: AWS::SQS::Queue\n');
    const tree = parseYaml(text);
    assert.equal(tree.problems.length, 1);
    const edited = text.replace('VisibilityTimeout: 30', 'VisibilityTimeout: 45');
    const result = reparse({ text, tree }, edited);
    assert.ok(result);
    assert.deepEqual(normalized(result), normalized(parseYaml(edited)));
    assert.equal(result.problems[0]!.code, 'duplicate-key');
  });

  it('gives the same tree as a full parse after thousands of random edits, chained as an editor sends them', () => {
    const bases = [TEMPLATE, example('static-site.yaml'), example('ecs-service-alb.yaml'), example('sam-api.yaml')];
    const snippets = ['x', '1', ' ', '\n', '  ', '\n    ', ':', ': ', '- ', '"', "'", '[', ']', '{', '}', ',', '#', ' #c', '|', '>', '|+\n', '!Ref ', '!Sub ', '&a ', '*a', '? ', '\t', '---\n', 'Key: v\n', '\n  New:\n    Type: X\n', '\\', '%'];
    let seed = 20261123;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed % n;
    };
    let incremental = 0;
    let total = 0;
    for (const base of bases) {
      let text = base;
      let previous = { text, tree: parseYaml(text) };
      for (let step = 0; step < 400; step++) {
        const at = random(text.length + 1);
        const op = random(3);
        const insert = op === 1 ? '' : snippets[random(snippets.length)]!;
        const remove = op === 0 ? 0 : random(12);
        const next = edit(text, at, remove, insert);
        const full = parseYaml(next);
        const fast = reparse(previous, next);
        total++;
        if (fast) {
          incremental++;
          assert.deepEqual(normalized(fast), normalized(full), `edit at ${at} (remove ${remove}, insert ${JSON.stringify(insert)})`);
        }
        // Drift back towards valid text now and then, as a user fixing a typo would.
        text = random(4) === 0 ? base : next;
        previous = { text, tree: text === base ? parseYaml(base) : (fast ?? full) };
      }
    }
    // The test means something only if the incremental path is taken often.
    assert.ok(incremental > total * 0.3, `incremental path taken ${incremental} of ${total} times`);
    if (process.env.BERTH_DEBUG) console.log(`incremental path taken ${incremental} of ${total} times`);
  });

  it('prepare() re-uses the previous version and the findings equal those of a fresh analysis', () => {
    const uri = 'file:///project/template.yaml';
    const first = prepare({ uri, text: TEMPLATE });
    const text = TEMPLATE.replace('Runtime: nodejs20.x', 'Runtime: nodejs12.x');
    const second = prepare({ uri, text }, {}, first);
    const fresh = prepare({ uri, text });
    assert.equal((second.tree!.root as ObjectNode).pairs[1], (first.tree!.root as ObjectNode).pairs[1]);
    const now = new Date('2026-11-23T00:00:00Z');
    const findings = lint(second, { now });
    assert.ok(findings.some((f) => f.ruleId === 'lambda/no-deprecated-runtime'));
    assert.deepEqual(findings, lint(fresh, { now }));
  });

  it('prepare() does not re-use a tree parsed under other limits', () => {
    const uri = 'file:///project/template.yaml';
    const first = prepare({ uri, text: TEMPLATE }, { limits: { maxDepth: 40 } });
    const text = TEMPLATE.replace('VisibilityTimeout: 30', 'VisibilityTimeout: 31');
    const second = prepare({ uri, text }, {}, first);
    assert.notEqual((second.tree!.root as ObjectNode).pairs[1], (first.tree!.root as ObjectNode).pairs[1]);
    assert.deepEqual(normalized(second.tree!), normalized(parseYaml(text)));
    const third = prepare({ uri, text: TEMPLATE }, {}, second);
    assert.equal((third.tree!.root as ObjectNode).pairs[1], (second.tree!.root as ObjectNode).pairs[1]);
  });
});
