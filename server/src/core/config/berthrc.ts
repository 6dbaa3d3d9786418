/**
 * `.berthrc.yaml`: parsing and validation of its content (pure; reading the file is server/src/config's job).
 *
 *   rules:   { <rule-id>: off | info | warning | error }
 *   exclude: [ <glob>, … ]
 *   limits:  { maxFileSize: <chars>, maxDepth: <levels>, maxAliasCount: <aliases>, maxDockerfileLines: <lines> }
 *
 * Other top-level sections (e.g. `deploy:`) belong to other commands and are left alone here.
 * Every problem carries a 1-based line and column. The file is data only: nothing in it is executed.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import type { Limits } from '../parse/limits';
import { getRule } from '../rules/index';
import type { RuleSetting } from '../rules/types';

export interface BerthConfig {
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly exclude: readonly string[];
  readonly limits: Partial<Limits>;
}

export interface ConfigProblem {
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  readonly message: string;
}

export interface ConfigResult {
  readonly config: BerthConfig;
  /** The file cannot be used: callers stop (the CLI exits 2). */
  readonly errors: ConfigProblem[];
  /** Worth telling, not a failure (e.g. an unknown rule id). */
  readonly warnings: ConfigProblem[];
}

export const EMPTY_CONFIG: BerthConfig = { rules: {}, exclude: [], limits: {} };

const SETTINGS: readonly RuleSetting[] = ['off', 'info', 'warning', 'error'];
const LIMIT_KEYS: readonly (keyof Limits)[] = ['maxFileSize', 'maxDepth', 'maxAliasCount', 'maxDockerfileLines'];

/** Parses and validates the text of a .berthrc.yaml. `isKnownRule` defaults to the registered rules. */
export function parseBerthrc(text: string, isKnownRule: (id: string) => boolean = (id) => getRule(id) !== undefined): ConfigResult {
  const lineCounter = new LineCounter();
  const errors: ConfigProblem[] = [];
  const warnings: ConfigProblem[] = [];
  const at = (offset: number, message: string): ConfigProblem => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col, message };
  };
  const nodeAt = (node: unknown, message: string): ConfigProblem => at(startOf(node), message);

  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  for (const error of doc.errors) errors.push(at(error.pos[0], `YAML syntax error: ${firstLine(error.message)}`));
  if (errors.length > 0) return { config: EMPTY_CONFIG, errors: errors.slice(0, 1), warnings };

  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === undefined))) {
    return { config: EMPTY_CONFIG, errors, warnings };
  }
  if (!isMap(root)) {
    errors.push(nodeAt(root, 'The configuration must be a mapping with sections such as rules:, exclude: and limits:.'));
    return { config: EMPTY_CONFIG, errors, warnings };
  }

  const rules: Record<string, RuleSetting> = {};
  const exclude: string[] = [];
  const limits: { -readonly [K in keyof Limits]?: number } = {};

  for (const pair of root.items) {
    const section = keyName(pair);
    const value = pair.value as YamlNode | null;
    if (section === 'rules') {
      if (isEmpty(value)) continue;
      if (!isMap(value)) {
        errors.push(nodeAt(value ?? pair.key, 'rules: must be a mapping of rule id to off, info, warning or error.'));
        continue;
      }
      for (const rulePair of value.items) {
        const id = keyName(rulePair);
        if (id === undefined) {
          errors.push(nodeAt(rulePair.key, 'A rule id must be a plain string such as ecs/require-essential-container.'));
          continue;
        }
        const setting = isScalar(rulePair.value) ? rulePair.value.value : undefined;
        if (typeof setting !== 'string' || !SETTINGS.includes(setting as RuleSetting)) {
          errors.push(nodeAt(rulePair.value ?? rulePair.key, `The setting of rule ${id} must be one of off, info, warning, error, not ${describe(rulePair.value)}.`));
          continue;
        }
        if (!isKnownRule(id)) warnings.push(nodeAt(rulePair.key, `Unknown rule id "${id}"; it is ignored. Check the spelling against the rule list in the README.`));
        rules[id] = setting as RuleSetting;
      }
    } else if (section === 'exclude') {
      if (isEmpty(value)) continue;
      if (!isSeq(value)) {
        errors.push(nodeAt(value ?? pair.key, 'exclude: must be a list of glob patterns, e.g. ["vendor/**", "**/*.generated.json"].'));
        continue;
      }
      for (const item of value.items) {
        const glob = isScalar(item) ? item.value : undefined;
        if (typeof glob !== 'string' || glob.trim() === '') {
          errors.push(nodeAt(item, `Each exclude entry must be a non-empty glob string, not ${describe(item)}.`));
          continue;
        }
        exclude.push(glob);
      }
    } else if (section === 'limits') {
      if (isEmpty(value)) continue;
      if (!isMap(value)) {
        errors.push(nodeAt(value ?? pair.key, `limits: must be a mapping with ${LIMIT_KEYS.join(', ')}.`));
        continue;
      }
      for (const limitPair of value.items) {
        const name = keyName(limitPair);
        if (name === undefined || !LIMIT_KEYS.includes(name as keyof Limits)) {
          errors.push(nodeAt(limitPair.key, `Unknown limit ${name === undefined ? describe(limitPair.key) : `"${name}"`}; the limits are ${LIMIT_KEYS.join(', ')}.`));
          continue;
        }
        const n = isScalar(limitPair.value) ? limitPair.value.value : undefined;
        if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0) {
          errors.push(nodeAt(limitPair.value ?? limitPair.key, `limits.${name} must be a positive whole number, not ${describe(limitPair.value)}.`));
          continue;
        }
        limits[name as keyof Limits] = n;
      }
    } else if (section === undefined) {
      errors.push(nodeAt(pair.key, 'Top-level keys must be plain strings.'));
    }
    // Any other section (deploy:, …) belongs to another command.
  }
  return { config: { rules, exclude, limits }, errors, warnings };
}

function keyName(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key) && typeof key.value === 'string') return key.value;
  return undefined;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (isScalar(value) && (value.value === null || value.value === undefined));
}

function startOf(node: unknown): number {
  const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return range ? range[0] : 0;
}

function describe(node: unknown): string {
  if (node === null || node === undefined) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || v === undefined) return 'nothing';
    return typeof v === 'string' ? `"${v}"` : String(v);
  }
  return 'this value';
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
