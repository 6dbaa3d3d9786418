/**
 * The rule documentation pages (`rules/<area>/<name>.md`), bundled as text so that the editor can show them offline.
 * The table is generated from the files beside the rules (scripts/codegen.ts); no directory scanning at run time.
 */
import { RULE_DOCS } from './ruleDocs.generated';

/** The markdown page of a rule, or undefined for an unknown id. */
export function ruleDoc(ruleId: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(RULE_DOCS, ruleId) ? RULE_DOCS[ruleId] : undefined;
}

/** Ids of every documented rule. */
export function documentedRuleIds(): string[] {
  return Object.keys(RULE_DOCS).sort();
}
