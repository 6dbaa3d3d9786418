/**
 * `.berthrc.yaml`: the one reader of the whole file, for the CLI, the language server, the deploy engine and the
 * client (pure: server/src/io/berthrc.ts finds and reads the file). It is parsed with the core's YAML parser into
 * the offset tree, and every problem carries its span; the edges turn spans into lines. The file is data only:
 * nothing in it is executed.
 *
 *   rules:   { <rule-id>: off | info | warning | error }
 *   exclude: [ <pattern>, … ]                 what a pattern means: exclude.ts
 *   limits:  { maxFileSize: <chars>, maxDepth: <levels>, maxAliasCount: <aliases>, maxDockerfileLines: <lines> }
 *   deploy:  { targets: { <name>: { … } } }   targets.ts
 */
import type { Limits } from '../parse/limits';
import { getPair, type Node, type Pair } from '../parse/tree';
import { parseYaml } from '../parse/yaml';
import type { RuleSetting } from './severity';
import { excludePatternProblem } from './exclude';
import { describeNode, type ConfigProblem } from './problems';
import { readDeploySection, type DeployTarget } from './targets';

export type { ConfigProblem } from './problems';

export { CONFIG_FILE_GLOB, CONFIG_FILE_NAMES } from './fileNames';

/** The lint settings of the file. */
export interface BerthConfig {
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly exclude: readonly string[];
  readonly limits: Partial<Limits>;
}

export interface Berthrc {
  readonly config: BerthConfig;
  /** `deploy.targets`, by name. */
  readonly targets: Readonly<Record<string, DeployTarget>>;
  /** The lint settings cannot be used: callers stop (the CLI exits 2). */
  readonly errors: ConfigProblem[];
  /** Worth telling, not a failure (an unknown rule id or section). */
  readonly warnings: ConfigProblem[];
  /** Problems in `deploy:` (and a YAML syntax error): they stop a deploy from this file, never a lint. */
  readonly targetErrors: ConfigProblem[];
}

export interface ReadOptions {
  /** Whether a rule id exists; without it rule ids are not checked (e.g. when only the targets are wanted). */
  readonly isKnownRule?: (id: string) => boolean;
}

export const EMPTY_CONFIG: BerthConfig = { rules: {}, exclude: [], limits: {} };

const SECTIONS = ['rules', 'exclude', 'limits', 'deploy'];
const SETTINGS: readonly RuleSetting[] = ['off', 'info', 'warning', 'error'];
const LIMIT_KEYS: readonly (keyof Limits)[] = ['maxFileSize', 'maxDepth', 'maxAliasCount', 'maxDockerfileLines'];

export function readBerthrc(text: string, options: ReadOptions = {}): Berthrc {
  const errors: ConfigProblem[] = [];
  const warnings: ConfigProblem[] = [];
  const targetErrors: ConfigProblem[] = [];
  const empty = { config: EMPTY_CONFIG, targets: {}, errors, warnings, targetErrors };
  const parsed = parseYaml(text);
  const root = parsed.root;
  if (root === undefined) {
    // Nothing at all (empty, comments only), or a problem that stopped the parse.
    const stop = parsed.problems.slice(0, 1).map((p) => ({ span: p.span, message: p.message }));
    errors.push(...stop);
    targetErrors.push(...stop);
    return empty;
  }
  const deployPair = getPair(root, 'deploy');
  for (const problem of parsed.problems) {
    const inDeploy = deployPair !== undefined && problem.span.start > deployPair.keySpan.end && problem.span.end <= deployPair.span.end;
    (inDeploy ? targetErrors : errors).push({ span: problem.span, message: problem.message });
  }
  if (isNull(root)) return empty;
  if (root.kind !== 'object') {
    errors.push({ span: root.span, message: 'The configuration must be a mapping with sections such as rules:, exclude: and limits:.' });
    return empty;
  }

  const config = { rules: {} as Record<string, RuleSetting>, exclude: [] as string[], limits: {} as { -readonly [K in keyof Limits]?: number } };
  for (const pair of root.pairs) {
    if (pair.key === 'rules') readRules(pair, config.rules, options, errors, warnings);
    else if (pair.key === 'exclude') readExclude(pair, config.exclude, errors);
    else if (pair.key === 'limits') readLimits(pair, config.limits, errors);
    else if (!SECTIONS.includes(pair.key)) {
      warnings.push({ span: pair.keySpan, message: `Unknown section "${pair.key}"; it is ignored. The sections are ${SECTIONS.join(', ')}.` });
    }
  }
  const targets = deployPair ? readDeploySection(deployPair.value, targetErrors) : {};
  return { config, targets, errors, warnings, targetErrors };
}

function readRules(pair: Pair, rules: Record<string, RuleSetting>, options: ReadOptions, errors: ConfigProblem[], warnings: ConfigProblem[]): void {
  const value = pair.value;
  if (isNull(value)) return;
  if (value.kind !== 'object') {
    errors.push({ span: value.span, message: 'rules: must be a mapping of rule id to off, info, warning or error.' });
    return;
  }
  for (const rule of value.pairs) {
    const setting = rule.value.kind === 'scalar' ? rule.value.value : undefined;
    if (typeof setting !== 'string' || !SETTINGS.includes(setting as RuleSetting)) {
      errors.push({ span: placeOf(rule), message: `The setting of rule ${rule.key} must be one of off, info, warning, error, not ${describeNode(rule.value)}.` });
      continue;
    }
    if (options.isKnownRule && !options.isKnownRule(rule.key)) {
      warnings.push({ span: rule.keySpan, message: `Unknown rule id "${rule.key}"; it is ignored. Check the spelling against the rule list in the README.` });
    }
    rules[rule.key] = setting as RuleSetting;
  }
}

function readExclude(pair: Pair, exclude: string[], errors: ConfigProblem[]): void {
  const value = pair.value;
  if (isNull(value)) return;
  if (value.kind !== 'array') {
    errors.push({ span: value.span, message: 'exclude: must be a list of glob patterns, e.g. ["vendor/**", "*.generated.json"].' });
    return;
  }
  for (const item of value.items) {
    const pattern = item.kind === 'scalar' ? item.value : undefined;
    if (typeof pattern !== 'string' || pattern.trim() === '') {
      errors.push({ span: item.span, message: `Each exclude entry must be a non-empty glob string, not ${describeNode(item)}.` });
      continue;
    }
    const problem = excludePatternProblem(pattern);
    if (problem) errors.push({ span: item.span, message: problem });
    else exclude.push(pattern);
  }
}

function readLimits(pair: Pair, limits: { -readonly [K in keyof Limits]?: number }, errors: ConfigProblem[]): void {
  const value = pair.value;
  if (isNull(value)) return;
  if (value.kind !== 'object') {
    errors.push({ span: value.span, message: `limits: must be a mapping with ${LIMIT_KEYS.join(', ')}.` });
    return;
  }
  for (const limit of value.pairs) {
    if (!LIMIT_KEYS.includes(limit.key as keyof Limits)) {
      errors.push({ span: limit.keySpan, message: `Unknown limit "${limit.key}"; the limits are ${LIMIT_KEYS.join(', ')}.` });
      continue;
    }
    const n = limit.value.kind === 'scalar' ? limit.value.value : undefined;
    if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0) {
      errors.push({ span: placeOf(limit), message: `limits.${limit.key} must be a positive whole number, not ${describeNode(limit.value)}.` });
      continue;
    }
    limits[limit.key as keyof Limits] = n;
  }
}

/** Where a problem with a pair's value is shown: the value, or the key when the value is missing. */
function placeOf(pair: Pair) {
  return isNull(pair.value) && pair.value.span.start === pair.value.span.end ? pair.keySpan : pair.value.span;
}

function isNull(node: Node): boolean {
  return node.kind === 'scalar' && node.value === null;
}
