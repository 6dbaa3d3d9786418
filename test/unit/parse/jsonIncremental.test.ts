import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseJson } from '../../../server/src/core/parse/json';
import { DEFAULT_LIMITS } from '../../../server/src/core/parse/limits';
import { parseJsonIncrementally, reparseJson } from '../../../server/src/core/parse/jsonIncremental';
import type { ObjectNode, ParsedTree } from '../../../server/src/core/parse/tree';
import { lint, prepare } from '../../../server/src/core/analyze';

const repo = path.resolve(__dirname, '../../..');
const file = (name: string) => readFileSync(path.join(repo, name), 'utf8');

function edit(text: string, at: number, remove: number, insert: string): string {
  return text.slice(0, at) + insert + text.slice(at + remove);
}

const TEMPLATE = `{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Parameters": { "Stage": { "Type": "String", "Default": "dev" } },
  "Resources": {
    "Queue": { "Type": "AWS::SQS::Queue", "Properties": { "VisibilityTimeout": 30 } },
    "Fn": {
      "Type": "AWS::Lambda::Function",
      "Properties": {
        "Runtime": "nodejs20.x",
        "Handler": "index.handler",
        "MemorySize": 512,
        "Role": { "Fn::GetAtt": ["Role", "Arn"] },
        "Environment": { "Variables": { "QUEUE": { "Ref": "Queue" }, "STAGE": { "Fn::Sub": "\${Stage}" } } },
        "Layers": [{ "Ref": "Layer" }, "arn:aws:lambda:eu-west-1:123456789012:layer:x:1"]
      }
    },
    "Role": { "Type": "AWS::IAM::Role" }
  },
  "Outputs": { "QueueUrl": { "Value": { "Ref": "Queue" } } }
}
`;

describe('parseJsonIncrementally', () => {
  it('re-parses only the edited value and gives the same tree as a full parse', () => {
    const before = parseJson(TEMPLATE);
    const text = TEMPLATE.replace('"MemorySize": 512', '"MemorySize": 1024');
    const result = reparseJson({ text: TEMPLATE, tree: before }, text);
    assert.ok(result, 'an edit inside one resource takes the incremental path');
    assert.deepEqual(result, parseJson(text));
    const oldResources = (before.root as ObjectNode).pairs[2]!.value as ObjectNode;
    const newResources = (result.root as ObjectNode).pairs[2]!.value as ObjectNode;
    // Values before the edit are the same objects; the ones after are shifted copies.
    assert.equal(newResources.pairs[0], oldResources.pairs[0]);
    assert.notEqual(newResources.pairs[2], oldResources.pairs[2]);
    assert.equal(newResources.pairs[2]!.keySpan.start, oldResources.pairs[2]!.keySpan.start + 1);
    assert.equal((result.root as ObjectNode).pairs[1], (before.root as ObjectNode).pairs[1]);
  });

  it('returns the previous tree when the text did not change, and parses in full without a previous version', () => {
    const tree = parseJson(TEMPLATE);
    assert.equal(parseJsonIncrementally(TEMPLATE, { text: TEMPLATE, tree }), tree);
    assert.deepEqual(parseJsonIncrementally(TEMPLATE, undefined), tree);
  });

  for (const [name, from, to] of [
    ['a comment', '"Runtime"', '/* x */ "Runtime"'],
    ['a trailing comma', '"Handler": "index.handler",', '"Handler": "index.handler",,'],
    ['a duplicate key', '"Runtime": "nodejs20.x",', '"Runtime": "nodejs20.x", "Runtime": "x",'],
    ['a broken string', '"index.handler"', '"index.handler'],
    ['an edit of a scalar below the root', '"2010-09-09"', '"2010-09-10"'],
  ] as const) {
    it(`parses the whole document again after ${name}, with the same result as a full parse`, () => {
      const text = TEMPLATE.replace(from, to);
      assert.notEqual(text, TEMPLATE);
      assert.equal(reparseJson({ text: TEMPLATE, tree: parseJson(TEMPLATE) }, text), undefined);
      assert.deepEqual(parseJsonIncrementally(text, { text: TEMPLATE, tree: parseJson(TEMPLATE) }), parseJson(text));
    });
  }

  it('keeps the nesting limit: a value parsed alone may nest only as deep as its place allows', () => {
    const limits = { ...DEFAULT_LIMITS, maxDepth: 5 };
    const base = '{"a": {"b": {"c": 1}}}';
    const deeper = '{"a": {"b": {"c": [[[1]]]}}}';
    const full = parseJson(deeper, limits);
    assert.equal(full.problems[0]?.code, 'too-deep');
    assert.deepEqual(parseJsonIncrementally(deeper, { text: base, tree: parseJson(base, limits) }, limits), full);
  });

  it('gives the same tree as a full parse after thousands of random edits, chained as an editor sends them', () => {
    const bases = [TEMPLATE, file('examples/web/task-definition.json'), file('test/fixtures/cdk/app/cdk.out/WebStack.template.json'), file('test/fixtures/kinds/ecs-task-definition/describe-task-definition.json')];
    const snippets = ['x', '1', '0', ' ', '\n', '"', '{', '}', '[', ']', ',', ':', '"a": 1, ', '{"Ref": "X"}', '"Fn::Sub"', '/* c */', '//c\n', '\\', 'null', 'true', '-', '.5', 'e9', '\u00e9', '"k": {"Ref": "Y"}', '[1, {"b": []}]'];
    let seed = 20261207;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed % n;
    };
    let incremental = 0;
    let total = 0;
    for (const base of bases) {
      let text = base;
      let previous: { text: string; tree: ParsedTree } = { text, tree: parseJson(text) };
      for (let step = 0; step < 500; step++) {
        const at = random(text.length + 1);
        const op = random(3);
        const insert = op === 1 ? '' : snippets[random(snippets.length)]!;
        const remove = op === 0 ? 0 : random(12);
        const next = edit(text, at, remove, insert);
        const full = parseJson(next);
        const fast = reparseJson(previous, next);
        total++;
        if (fast) {
          incremental++;
          assert.deepEqual(fast, full, `edit at ${at} (remove ${remove}, insert ${JSON.stringify(insert)})`);
        }
        // Drift back towards valid text now and then, as a user fixing a typo would.
        text = random(4) === 0 ? base : next;
        previous = { text, tree: text === base ? parseJson(base) : (fast ?? full) };
      }
    }
    // The test means something only if the incremental path is taken often.
    assert.ok(incremental > total * 0.2, `incremental path taken ${incremental} of ${total} times`);
    if (process.env.BERTH_DEBUG) console.log(`incremental path taken ${incremental} of ${total} times`);
  });

  it('prepare() re-uses the previous version and the findings equal those of a fresh analysis', () => {
    const uri = 'file:///project/template.json';
    const first = prepare({ uri, text: TEMPLATE });
    const text = TEMPLATE.replace('"Runtime": "nodejs20.x"', '"Runtime": "nodejs12.x"');
    const second = prepare({ uri, text }, {}, first);
    const fresh = prepare({ uri, text });
    assert.equal((second.tree!.root as ObjectNode).pairs[1], (first.tree!.root as ObjectNode).pairs[1]);
    assert.deepEqual(second.tree, fresh.tree);
    const now = new Date('2026-11-23T00:00:00Z');
    const findings = lint(second, { now });
    assert.ok(findings.some((f) => f.ruleId === 'lambda/no-deprecated-runtime'));
    assert.deepEqual(findings, lint(fresh, { now }));
  });
});
