import { BATCH_RULES } from './batch/index';
import { CFN_RULES } from './cfn/index';
import { DOCKERFILE_RULES } from './dockerfile/index';
import { ECS_RULES } from './ecs/index';
import { LAMBDA_RULES } from './lambda/index';
import { PARSE_RULES } from './parse/index';
import { SCHEMA_RULES } from './schema/index';
import type { Rule } from './types';

/** Every rule, in one explicit list (one list per area, joined here). */
export const RULES: readonly Rule[] = [...PARSE_RULES, ...SCHEMA_RULES, ...ECS_RULES, ...LAMBDA_RULES, ...BATCH_RULES, ...DOCKERFILE_RULES, ...CFN_RULES];

const byId = new Map(RULES.map((rule) => [rule.id, rule]));

export function getRule(id: string): Rule | undefined {
  return byId.get(id);
}

/** Rules that report parse problems: when a file does not parse, only these run. */
export const PARSE_RULE_IDS: ReadonlySet<string> = new Set(PARSE_RULES.map((r) => r.id));
