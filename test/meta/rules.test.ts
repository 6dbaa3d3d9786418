/** The conventions that keep rules honest (cf. typescript-eslint's docs.test.mts). */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { getConcept } from '../../server/src/core/docs/concepts';
import { DOCUMENT_KINDS } from '../../server/src/core/kinds/detect';
import { docsUrlFor } from '../../server/src/core/rules/defineRule';
import { RULES } from '../../server/src/core/rules/index';
import type { Rule } from '../../server/src/core/rules/types';

const RULES_DIR = join(__dirname, '../../server/src/core/rules');
const TESTS_DIR = join(__dirname, '../unit/rules');
const NOT_RULES = new Set(['index.ts']);
const AREAS_WITHOUT_RULES = new Set(['shared']);

function ruleFiles(): string[] {
  return readdirSync(RULES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !AREAS_WITHOUT_RULES.has(d.name))
    .flatMap((d) => readdirSync(join(RULES_DIR, d.name)).filter((f) => f.endsWith('.ts') && !NOT_RULES.has(f)).map((f) => `${d.name}/${f.slice(0, -3)}`));
}

describe('rule conventions', () => {
  it('every rule file is registered, and every registered rule has its file', () => {
    assert.deepEqual(ruleFiles().sort(), RULES.map((r) => r.id).sort());
  });

  it('rule ids are unique', () => {
    assert.equal(new Set(RULES.map((r) => r.id)).size, RULES.length);
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      it('its id equals its path and it is the default export there', async () => {
        const module = (await import(join(RULES_DIR, `${rule.id}.ts`))) as { default: Rule };
        assert.equal(module.default.id, rule.id);
      });

      it('its docs URL is derived from its id', () => {
        assert.equal(rule.docsUrl, docsUrlFor(rule.id));
      });

      it('has docs beside it, titled with its id', () => {
        const doc = join(RULES_DIR, `${rule.id}.md`);
        assert.ok(existsSync(doc), `missing ${rule.id}.md`);
        assert.equal(readFileSync(doc, 'utf8').split('\n')[0], `# ${rule.id}`);
      });

      it('has a test file that exercises every messageId', () => {
        const testFile = join(TESTS_DIR, `${rule.id}.test.ts`);
        assert.ok(existsSync(testFile), `missing test/unit/rules/${rule.id}.test.ts`);
        const test = readFileSync(testFile, 'utf8');
        for (const messageId of Object.keys(rule.messages)) {
          assert.ok(new RegExp(`['"]${messageId}['"]`).test(test), `the test never expects messageId "${messageId}"`);
          // The rule's own table test expects it, so a passing test proves the rule reports it (the id may come from a
          // shared helper, e.g. the secret detection, rather than appear literally in the rule's source).
        }
      });

      it('names an existing concept, valid kinds and a summary in the house style', () => {
        if (rule.docs.concept) assert.ok(getConcept(rule.docs.concept), `unknown concept ${rule.docs.concept}`);
        for (const kind of rule.kinds) assert.ok((DOCUMENT_KINDS as readonly string[]).includes(kind), `unknown kind ${kind}`);
        assert.match(rule.docs.summary, /^(Require|Disallow|Prefer|Report|Check|Flag|Warn|Limit)\b/);
        assert.ok(['error', 'warning', 'info'].includes(rule.severity));
      });
    });
  }
});
