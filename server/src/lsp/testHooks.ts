/**
 * TEST-ONLY hooks, off unless the server starts with BERTH_TEST_HOOKS=1 (test/stress and test/hostile set it).
 * - a rule that throws on any document containing BERTH_TEST_THROW, to test rule isolation end to end;
 * - `berth/gc`: a forced garbage collection (needs node --expose-gc), then the process's memory figures, to
 *   test for leaks;
 * - `berth/hclGrammar`: whether the Terraform grammar (WASM) was loaded, to test that JSON/YAML sessions never load it,
 *   and how many Terraform syntax trees are kept (open documents'), to test that each one is freed.
 * Nothing here runs for users: without the variable, `installTestHooks` registers nothing and adds no rule.
 */
import type { Connection } from 'vscode-languageserver';
import { DOCUMENT_KINDS } from '../core/kinds/detect';
import { RULES } from '../core/rules/index';
import { liveHclSyntaxCount } from '../core/parse/hcl';
import { hclGrammarState } from '../io/hclGrammar';
import type { Rule } from '../core/rules/types';

export const GC_REQUEST = 'berth/gc';
export const HCL_GRAMMAR_REQUEST = 'berth/hclGrammar';

const THROWING_RULE: Rule = {
  id: 'test/throws',
  kinds: DOCUMENT_KINDS,
  severity: 'error',
  docs: { summary: 'Test only: throws on documents that contain BERTH_TEST_THROW' },
  messages: {},
  docsUrl: 'about:blank',
  check(ctx) {
    if (ctx.text.includes('BERTH_TEST_THROW')) throw new Error('test rule failure (BERTH_TEST_THROW)');
  },
};

/** The rules to lint with when test hooks are on (every rule plus the throwing one), else undefined. */
export function installTestHooks(connection: Connection, env: NodeJS.ProcessEnv = process.env): { rules?: readonly Rule[] } {
  if (env.BERTH_TEST_HOOKS !== '1') return {};
  connection.onRequest(GC_REQUEST, () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (gc) {
      gc();
      gc();
    }
    return { collected: gc !== undefined, ...process.memoryUsage() };
  });
  connection.onRequest(HCL_GRAMMAR_REQUEST, () => ({ state: hclGrammarState(), syntaxTrees: liveHclSyntaxCount() }));
  return { rules: [...RULES, THROWING_RULE] };
}
