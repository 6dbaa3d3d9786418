import { ALL_RULES } from './all.generated';
import type { Rule } from './types';

/** Every rule, sorted by id: the list scripts/codegen.ts writes from the files in rules/<area>/. */
export const RULES: readonly Rule[] = ALL_RULES;

const byId = new Map(RULES.map((rule) => [rule.id, rule]));

export function getRule(id: string): Rule | undefined {
  return byId.get(id);
}

/** Rules that report parse problems (the parse/ area): when a file does not parse, only these run. */
export const PARSE_RULE_IDS: ReadonlySet<string> = new Set(RULES.filter((r) => r.id.startsWith('parse/')).map((r) => r.id));
