/**
 * The editor's incremental HCL parse (parse/hcl.ts reparseHcl) equals a fresh parse: over random edits of real .tf
 * files, with the editor's changes given (one or several per step, right or wrong) or found by comparing the texts;
 * and each kept syntax tree is freed.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { lint, prepare, type HclSession } from '../../../server/src/core/analyze';
import { disposeHclSyntax, liveHclSyntaxCount, parseHcl, reparseHcl, type HclSyntax } from '../../../server/src/core/parse/hcl';
import type { TextChange } from '../../../server/src/core/parse/textChanges';
import type { ObjectNode } from '../../../server/src/core/parse/tree';
import { loadHclParser } from '../../../server/src/io/hclGrammar';

before(async () => {
  await loadHclParser();
});

const repo = path.resolve(__dirname, '../../..');
const tfFiles = (dir: string) => readdirSync(path.join(repo, dir)).filter((f) => f.endsWith('.tf')).map((f) => readFileSync(path.join(repo, dir, f), 'utf8'));

const MODULE = `variable "memory" {
  default = 512
}

resource "aws_ecs_task_definition" "web" {
  family = "web"
  requires_compatibilities = ["FARGATE"]
  cpu    = 256
  memory = var.memory
  container_definitions = jsonencode([{ name = "web", image = "nginx:1.27" }])
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

locals {
  policy = <<-EOF
    {"Version": "2012-10-17"}
  EOF
}
`;

function apply(text: string, change: TextChange): string {
  return text.slice(0, change.start) + change.text + text.slice(change.end);
}

describe('reparseHcl', () => {
  it('re-uses the blocks an edit did not touch (moved by its length) and equals a fresh parse', () => {
    const first = reparseHcl(MODULE, undefined, undefined);
    const text = MODULE.replace('cpu    = 256', 'cpu    = 1024');
    const second = reparseHcl(text, first.syntax, undefined);
    try {
      assert.deepEqual(second.tree, parseHcl(text));
      const before = first.tree.root as ObjectNode;
      const after = second.tree.root as ObjectNode;
      assert.equal(after.pairs[0], before.pairs[0], 'the block before the edit is the same object');
      assert.notEqual(after.pairs[1], before.pairs[1], 'the edited block is converted again');
      assert.notEqual(after.pairs[2], before.pairs[2]);
      assert.equal(after.pairs[2]!.keySpan.start, before.pairs[2]!.keySpan.start + 1, 'a block after the edit moves by its length');
      assert.equal(after.pairs[2]!.block, true);
    } finally {
      disposeHclSyntax(first.syntax!);
      disposeHclSyntax(second.syntax!);
    }
  });

  it('returns the previous parse when the text did not change', () => {
    const first = reparseHcl(MODULE, undefined, undefined);
    const again = reparseHcl(MODULE, first.syntax, []);
    assert.equal(again.syntax, first.syntax);
    assert.equal(again.tree, first.tree);
    disposeHclSyntax(first.syntax!);
  });

  it('a broken file keeps the conversion of the pieces whose text did not change', () => {
    const broken = MODULE.replace('name = "jobs"', 'name = ');
    const first = reparseHcl(broken, undefined, undefined);
    assert.ok(first.tree.problems.some((p) => p.code === 'syntax'));
    const text = broken.replace('family = "web"', 'family = "webs"');
    const second = reparseHcl(text, first.syntax, undefined);
    try {
      assert.deepEqual(second.tree, parseHcl(text));
      const variable = (t: typeof first.tree) => (t.root as ObjectNode).pairs[0];
      assert.equal(variable(second.tree), variable(first.tree));
    } finally {
      disposeHclSyntax(first.syntax!);
      disposeHclSyntax(second.syntax!);
    }
  });

  it('equals a fresh parse after 1,400 random edits of real .tf files, however the changes are told', () => {
    const bases = [MODULE, ...tfFiles('examples/terraform'), ...tfFiles('test/fixtures/kinds/terraform'), ...tfFiles('test/fixtures/terraform-plan')];
    const snippets = ['x', '1', ' ', '\n', '  ', '"', '{', '}', '[', ']', '(', ')', '=', ' = ', ',', '#', '//', '/*', '*/', '${', '%{', '<<EOF\n', '<<-EOF\n', '\nEOF\n', 'EOF', '\\', '.', 'var.memory', 'jsonencode({', '\nresource "aws_sqs_queue" "q" {\n}\n', '\nname = "a"\n', 'dynamic "x" {', '\u00e9', '\r\n'];
    const liveBefore = liveHclSyntaxCount();
    let seed = 20261207;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed % n;
    };
    const randomChange = (text: string): TextChange => {
      const start = random(text.length + 1);
      const op = random(3);
      return { start, end: op === 0 ? start : Math.min(text.length, start + random(12)), text: op === 1 ? '' : snippets[random(snippets.length)]! };
    };
    let steps = 0;
    let reused = 0;
    for (const base of bases) {
      let text = base;
      let syntax: HclSyntax | undefined = reparseHcl(text, undefined, undefined).syntax;
      for (let step = 0; step < 120; step++) {
        // One or two changes, as one editor notification; told right, told wrong, or not told.
        const changes: TextChange[] = [];
        let next = text;
        for (let k = random(3) === 0 ? 2 : 1; k > 0; k--) {
          const change = randomChange(next);
          changes.push(change);
          next = apply(next, change);
        }
        const told = random(4);
        const given = told === 0 ? undefined : told === 1 ? [{ ...changes[0]!, start: Math.max(0, changes[0]!.start - 1) }] : changes;
        const result = reparseHcl(next, syntax, given);
        assert.ok(result.syntax);
        const before = syntax && (syntax.tree.root as ObjectNode | undefined)?.pairs;
        if (before && (result.tree.root as ObjectNode | undefined)?.pairs.some((p) => before.includes(p))) reused++;
        assert.deepEqual(result.tree, parseHcl(next), `step ${step}: ${JSON.stringify(changes)} (told ${told === 0 ? 'nothing' : told === 1 ? 'wrong' : 'right'})`);
        if (result.syntax !== syntax && syntax) disposeHclSyntax(syntax);
        steps++;
        // Back to the file as it was now and then, as a user undoing a typo would.
        if (random(5) === 0) {
          const back = reparseHcl(base, result.syntax, undefined);
          assert.deepEqual(back.tree, parseHcl(base));
          if (back.syntax !== result.syntax) disposeHclSyntax(result.syntax);
          syntax = back.syntax;
          text = base;
        } else {
          syntax = result.syntax;
          text = next;
        }
      }
      if (syntax) disposeHclSyntax(syntax);
    }
    assert.equal(liveHclSyntaxCount(), liveBefore, 'every kept syntax tree was freed');
    // The test means something only if converted blocks are often re-used.
    assert.ok(reused > steps * 0.3, `blocks re-used in ${reused} of ${steps} steps`);
    if (process.env.BERTH_DEBUG) console.log(`blocks re-used in ${reused} of ${steps} steps`);
  });

  it('prepare() in an editor session gives the findings of a fresh analysis', () => {
    const uri = 'file:///project/main.tf';
    let kept: HclSyntax | undefined;
    const session = (previous?: HclSyntax, changes?: TextChange[]): HclSession => ({ previous, changes, keep: (s) => (kept = s) });
    prepare({ uri, text: MODULE }, {}, undefined, session());
    const first = kept!;
    const change: TextChange = { start: MODULE.indexOf('256'), end: MODULE.indexOf('256') + 3, text: '1000' };
    const text = apply(MODULE, change);
    const edited = prepare({ uri, text }, {}, undefined, session(first, [change]));
    assert.notEqual(kept, first);
    disposeHclSyntax(first);
    disposeHclSyntax(kept!);
    const findings = lint(edited);
    assert.ok(findings.some((f) => f.ruleId === 'ecs/fargate-valid-cpu-memory'));
    assert.deepEqual(findings, lint(prepare({ uri, text })));
  });
});
