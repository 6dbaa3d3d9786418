import type { Rule, RuleDefinition } from './types';
import type { Severity } from '../config/severity';

/** Where rule docs live: the markdown beside each rule, published with the repository. */
export const RULE_DOCS_BASE = 'https://github.com/berth-tools/berth/blob/main/server/src/core/rules/';

export function docsUrlFor(ruleId: string): string {
  return `${RULE_DOCS_BASE}${ruleId}.md`;
}

/** A rule is metadata + message ids + a check (cf. typescript-eslint's createRule); the docs URL derives from the id. */
export function defineRule<M extends string>(definition: RuleDefinition<M>): Rule<M> {
  if (!/^[a-z]+\/[a-z0-9]+(-[a-z0-9]+)*$/.test(definition.id)) {
    throw new Error(`Rule id "${definition.id}" must be <area>/<kebab-name>`);
  }
  return { ...definition, docsUrl: docsUrlFor(definition.id) };
}

/**
 * A front-end rule: metadata and messages like any rule, documented and configured like one, but its findings are
 * made by a front end or the engine (engine.frontEndFinding), so it has no kinds and no check.
 */
export function defineFrontEndRule<M extends string>(definition: Omit<RuleDefinition<M>, 'kinds' | 'check' | 'frontEnd'>): Rule<M> {
  return defineRule({ ...definition, kinds: [], frontEnd: true, check: () => undefined });
}

/** The severities a rule's findings can have, most severe first. */
export function severitiesOf(rule: Pick<RuleDefinition<string>, 'severity' | 'severities'>): readonly Severity[] {
  return rule.severities ?? [rule.severity];
}

/** Fills `{name}` placeholders from data. */
export function formatMessage(template: string, data?: Readonly<Record<string, string | number>>): string {
  if (!data) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}
