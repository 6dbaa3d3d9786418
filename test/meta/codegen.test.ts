/** The generated registries and the README's rule table match the source tree (regenerate with npm run codegen). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/core/rules/index';
import { readmeTable, registryFiles, ROOT, ruleIds, staleFiles, withReadmeTable, withRuleSettings } from '../../scripts/codegen';

describe('generated files (scripts/codegen.ts)', () => {
  it('the rule list, the rule-docs table and the concept table are up to date', () => {
    assert.deepEqual(staleFiles(ROOT, registryFiles(ROOT)), [], 'out of date: run npm run codegen (npm run build does too)');
  });

  it('the README lists every rule', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    assert.equal(withReadmeTable(readme, RULES), readme, 'README.md rule table is out of date: run npm run codegen');
    assert.ok(readme.includes(readmeTable(RULES)));
  });

  it('the berth.rules setting lists every rule id', () => {
    const manifest = readFileSync(join(ROOT, 'package.json'), 'utf8');
    assert.equal(withRuleSettings(manifest, RULES), manifest, 'package.json berth.rules is out of date: run npm run codegen');
    const ids = Object.keys((JSON.parse(manifest) as { contributes: { configuration: { properties: Record<string, { properties: object }> } } }).contributes.configuration.properties['berth.rules']!.properties);
    assert.deepEqual(ids, RULES.map((r) => r.id).sort());
  });

  it('every rule page has its rule module, and every rule module its page', () => {
    assert.deepEqual(ruleIds(ROOT, '.md'), ruleIds(ROOT, '.ts'));
  });
});
