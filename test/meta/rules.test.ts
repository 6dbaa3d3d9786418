/** The conventions that keep rules honest (cf. typescript-eslint's docs.test.mts). */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { preProcessFile } from 'typescript';
import { getConcept } from '../../server/src/core/docs/concepts';
import { cfnLevelAt } from '../../server/src/core/features/cfnSpec';
import { DOCUMENT_KINDS } from '../../server/src/core/kinds/detect';
import { docsUrlFor, severitiesOf } from '../../server/src/core/rules/defineRule';
import { RULES } from '../../server/src/core/rules/index';
import type { Rule } from '../../server/src/core/rules/types';
import type { Severity } from '../../server/src/core/config/severity';
import { schemaAt } from '../../server/src/core/schema/registry';
import { isSchemaKind } from '../../server/src/core/schema/kinds';

const RULES_DIR = join(__dirname, '../../server/src/core/rules');
const TESTS_DIR = join(__dirname, '../unit/rules');
const RULE_TESTER = join(__dirname, '../helpers/ruleTester');
const AREAS_WITHOUT_RULES = new Set(['shared']);
const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

function ruleFiles(): string[] {
  return readdirSync(RULES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !AREAS_WITHOUT_RULES.has(d.name))
    .flatMap((d) => readdirSync(join(RULES_DIR, d.name)).filter((f) => f.endsWith('.ts')).map((f) => `${d.name}/${f.slice(0, -3)}`));
}

/** The modules a TypeScript file imports, resolved to absolute paths without extension (TypeScript's own scanner). */
function importsOf(file: string): string[] {
  return preProcessFile(readFileSync(file, 'utf8'), true, false)
    .importedFiles.filter((i) => i.fileName.startsWith('.'))
    .map((i) => resolve(dirname(file), i.fileName).replace(/\.ts$/, ''));
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

      it('has docs beside it, titled with its id, whose Severity paragraph names every severity it reports', () => {
        const doc = join(RULES_DIR, `${rule.id}.md`);
        assert.ok(existsSync(doc), `missing ${rule.id}.md`);
        const text = readFileSync(doc, 'utf8');
        assert.equal(text.split('\n')[0], `# ${rule.id}`);
        const severityParagraph = text.split(/\n\s*\n/).find((paragraph) => paragraph.startsWith('**Severity'));
        assert.ok(severityParagraph, 'the page has no **Severity paragraph');
        for (const severity of severitiesOf(rule)) assert.match(severityParagraph, new RegExp(`\\b${severity}\\b`, 'i'), `the Severity paragraph does not mention ${severity}`);
      });

      it('its page labels no list item with a message id (a reader sees what is reported, not "invalidCpu")', () => {
        const text = readFileSync(join(RULES_DIR, `${rule.id}.md`), 'utf8');
        for (const id of Object.keys(rule.messages)) assert.doesNotMatch(text, new RegExp(`^\\s*[-*] \\*\\*${id}\\*\\*`, 'm'), id);
      });

      it('has a table test that loads it (runRuleTests, or runFrontEndRuleTests, proves every messageId is reported)', () => {
        const testFile = join(TESTS_DIR, `${rule.id}.test.ts`);
        assert.ok(existsSync(testFile), `missing test/unit/rules/${rule.id}.test.ts`);
        const imports = importsOf(testFile);
        assert.ok(imports.includes(join(RULES_DIR, rule.id)), `${rule.id}.test.ts does not import the rule`);
        assert.ok(imports.includes(RULE_TESTER), `${rule.id}.test.ts does not import test/helpers/ruleTester`);
      });

      it('names an existing concept, valid kinds, its severities and a summary in the house style', () => {
        if (rule.docs.concept) assert.ok(getConcept(rule.docs.concept), `unknown concept ${rule.docs.concept}`);
        for (const kind of rule.kinds) assert.ok((DOCUMENT_KINDS as readonly string[]).includes(kind), `unknown kind ${kind}`);
        // Only a front-end rule has no kinds: its findings are made by the CLI or the engine.
        assert.equal(rule.kinds.length === 0, rule.frontEnd === true);
        // Internal rules report Berth's own failures, not a mistake in the input: only they "Report".
        assert.match(rule.docs.summary, rule.id.startsWith('internal/') ? /^Report\b/ : /^(Require|Disallow|Prefer)\b/);
        assert.doesNotMatch(rule.docs.summary, /off by default|\.$/, 'the table shows enabledByDefault; no full stop');
        const severities = severitiesOf(rule);
        assert.equal(severities[0], rule.severity, 'severities start with severity (the most severe)');
        assert.deepEqual([...severities], SEVERITY_ORDER.filter((s) => severities.includes(s)), 'severities: distinct, most severe first');
        if (rule.docs.reference) assert.match(rule.docs.reference, /^https:\/\/\S+$/);
      });

      it('owns only values that exist where it says, in kinds it checks', () => {
        for (const owned of rule.owns ?? []) {
          const path = owned.path.split('.').map((step) => (step === '*' ? 0 : step));
          if ('kind' in owned) {
            assert.ok(rule.kinds.includes(owned.kind), `${owned.kind} is not among its kinds`);
            assert.ok(isSchemaKind(owned.kind) && schemaAt(owned.kind, path), `the ${owned.kind} schema has no ${owned.path}`);
          } else {
            assert.ok(rule.kinds.includes('cloudformation'), 'it does not check CloudFormation');
            assert.ok(cfnLevelAt(owned.resourceType, path)?.property, `${owned.resourceType} has no property ${owned.path}`);
          }
        }
      });

      it('its messages give no line numbers (related locations point at other places)', () => {
        for (const [id, message] of Object.entries(rule.messages)) assert.doesNotMatch(message as string, /\{line\w*\}|\blines? \{/i, id);
      });
    });
  }
});
