import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { conceptArticle, conceptSummaries, ruleArticle } from '../../../server/src/core/docs/articles';
import { documentedRuleIds, ruleDoc } from '../../../server/src/core/docs/ruleDocs';
import { RULES } from '../../../server/src/core/rules/index';

const rulesDir = resolve(__dirname, '../../../server/src/core/rules');

describe('bundled rule docs', () => {
  it('bundles the page of every registered rule (the offline docs have no holes)', () => {
    const missing = RULES.map((r) => r.id).filter((id) => ruleDoc(id) === undefined);
    assert.deepEqual(missing, [], 'run npm run codegen');
  });

  it('each bundled page is the file beside its rule', () => {
    for (const id of documentedRuleIds()) {
      assert.equal(ruleDoc(id), readFileSync(resolve(rulesDir, `${id}.md`), 'utf8'), id);
    }
  });

  it('a rule page speaks to users, not in message ids (a camelCase id such as invalidCpu appears nowhere on it)', () => {
    const leaks: string[] = [];
    for (const rule of RULES) {
      const page = ruleDoc(rule.id) ?? '';
      for (const id of Object.keys(rule.messages).filter((m) => /[a-z][A-Z]/.test(m))) {
        if (new RegExp(`\\b${id}\\b`).test(page)) leaks.push(`${rule.id}: ${id}`);
      }
    }
    assert.deepEqual(leaks, []);
  });

  it('a rule page ends with its concept, linked', () => {
    const article = ruleArticle('ecs/fargate-valid-cpu-memory')!;
    assert.match(article.markdown, /^# ecs\/fargate-valid-cpu-memory\n/);
    assert.ok(article.markdown.includes('**Concept:** [Fargate task sizes](https://github.com/berth-tools/berth/blob/main/server/src/core/docs/concepts/fargate-task-size.md).'), article.markdown);
    assert.equal(ruleArticle('nope/nothing'), undefined);
  });
});

describe('concept articles for the editor', () => {
  it('lists every concept with its topic, and gives each article with its related links', () => {
    const list = conceptSummaries();
    assert.ok(list.length >= 25);
    const dpm = list.find((c) => c.id === 'dynamic-port-mapping')!;
    assert.equal(dpm.topic, 'ECS networking');
    const article = conceptArticle('dynamic-port-mapping')!;
    assert.equal(article.title, 'Dynamic port mapping with an ALB');
    assert.match(article.markdown, /^# Dynamic port mapping with an ALB\n/);
    assert.match(article.markdown, /\*\*Related:\*\* \[ECS network modes[^\]]*\]\(https:\/\/github\.com\/berth-tools\/berth\/blob\/main\/server\/src\/core\/docs\/concepts\/network-modes\.md\)/);
    assert.equal(conceptArticle('nope'), undefined);
  });
});
