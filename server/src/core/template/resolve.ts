/**
 * Static resolution of template values, only where the result is certain (or certain up to a parameter's
 * Default, which is marked `assumedDefault`). Fn::If gives both branches. Anything else is unknown, and rules
 * skip unknown values rather than guess. Pure.
 */
import type { Node } from '../parse/tree';
import { asArray, getValue } from '../parse/tree';
import type { Template } from '../model/template';

export type PlainValue = string | number | boolean | null | readonly PlainValue[] | { readonly [key: string]: PlainValue };

/** One possible value. `noValue` is `!Ref AWS::NoValue` (the property is removed). */
export interface Alternative {
  readonly value: PlainValue;
  readonly noValue?: true;
  /** True when a parameter's Default was used: a deploy may pass another value. */
  readonly assumedDefault: boolean;
}

export type Resolution =
  | ({ readonly kind: 'known' } & Alternative)
  /** Fn::If somewhere inside: each branch gives one of these values. */
  | { readonly kind: 'either'; readonly values: readonly Alternative[] }
  | { readonly kind: 'unknown' };

/** Beyond this many combinations of Fn::If branches the value is treated as unknown. */
const MAX_ALTERNATIVES = 16;

export function resolveValue(template: Template, node: Node | undefined): Resolution {
  if (!node) return { kind: 'unknown' };
  const alts = alternatives(template, node, 0);
  if (!alts || alts.length === 0) return { kind: 'unknown' };
  const unique = dedupe(alts);
  if (unique.length === 1) return { kind: 'known', ...unique[0]! };
  return { kind: 'either', values: unique };
}

/** The value when it is one certain string (no If, no assumed Default unless allowed). */
export function resolveString(template: Template, node: Node | undefined, options: { allowAssumedDefault?: boolean } = {}): string | undefined {
  const r = resolveValue(template, node);
  if (r.kind !== 'known' || r.noValue) return undefined;
  if (r.assumedDefault && !options.allowAssumedDefault) return undefined;
  return typeof r.value === 'string' || typeof r.value === 'number' ? String(r.value) : undefined;
}

/** Every possible value (Fn::If branches), or undefined when any is unknown. */
export function possibleValues(template: Template, node: Node | undefined): readonly Alternative[] | undefined {
  const r = resolveValue(template, node);
  if (r.kind === 'unknown') return undefined;
  return r.kind === 'known' ? [r] : r.values;
}

type Alts = Alternative[] | undefined;

const known = (value: PlainValue, assumedDefault = false): Alternative[] => [{ value, assumedDefault }];

function alternatives(template: Template, node: Node, depth: number): Alts {
  if (depth > 64) return undefined;
  switch (node.kind) {
    case 'scalar':
      return known(node.value);
    case 'array': {
      const parts = node.items.map((item) => alternatives(template, item, depth + 1));
      return combine(parts, (values) => values);
    }
    case 'object': {
      const keys = node.pairs.map((p) => p.key);
      const parts = node.pairs.map((p) => alternatives(template, p.value, depth + 1));
      return combine(parts, (values) => {
        const out: Record<string, PlainValue> = {};
        values.forEach((v, i) => (out[keys[i]!] = v));
        return out;
      }, true);
    }
    case 'intrinsic':
      break;
    case 'expression':
      // Terraform expressions are resolved by the Terraform model, never by the template resolver.
      return undefined;
  }
  const arg = node.argument;
  const items = asArray(arg)?.items;
  switch (node.name) {
    case 'Ref':
      return arg.kind === 'scalar' && typeof arg.value === 'string' ? resolveRef(template, arg.value) : undefined;
    case 'Fn::If': {
      if (!items || items.length !== 3) return undefined;
      const a = alternatives(template, items[1]!, depth + 1);
      const b = alternatives(template, items[2]!, depth + 1);
      if (!a || !b) return undefined;
      const all = [...a, ...b];
      return all.length > MAX_ALTERNATIVES ? undefined : all;
    }
    case 'Fn::Sub':
      return resolveSub(template, arg, depth);
    case 'Fn::Join': {
      if (!items || items.length !== 2) return undefined;
      const delimiter = alternatives(template, items[0]!, depth + 1);
      const list = alternatives(template, items[1]!, depth + 1);
      return combine([delimiter, list], ([d, l]) => {
        if (typeof d !== 'string' || !Array.isArray(l)) return INVALID;
        const parts = l as PlainValue[];
        if (parts.some((p) => typeof p !== 'string' && typeof p !== 'number' && typeof p !== 'boolean')) return INVALID;
        return parts.map(String).join(d);
      });
    }
    case 'Fn::Select': {
      if (!items || items.length !== 2) return undefined;
      return combine([alternatives(template, items[0]!, depth + 1), alternatives(template, items[1]!, depth + 1)], ([i, l]) => {
        const index = typeof i === 'number' ? i : typeof i === 'string' && /^\d+$/.test(i) ? Number(i) : NaN;
        if (!Array.isArray(l) || !Number.isInteger(index) || index < 0 || index >= l.length) return INVALID;
        return (l as PlainValue[])[index]!;
      });
    }
    case 'Fn::Split': {
      if (!items || items.length !== 2) return undefined;
      return combine([alternatives(template, items[0]!, depth + 1), alternatives(template, items[1]!, depth + 1)], ([d, s]) =>
        typeof d === 'string' && d !== '' && typeof s === 'string' ? s.split(d) : INVALID,
      );
    }
    case 'Fn::FindInMap': {
      if (!items || (items.length !== 3 && items.length !== 4)) return undefined;
      const keys = items.slice(0, 3).map((item) => alternatives(template, item, depth + 1));
      const found = combine(keys, ([m, k1, k2]) => {
        if (typeof m !== 'string' || (typeof k1 !== 'string' && typeof k1 !== 'number') || (typeof k2 !== 'string' && typeof k2 !== 'number')) return INVALID;
        const leaf = getValue(getValue(getValue(template.mappings, m), String(k1)), String(k2));
        if (!leaf) return MISSING;
        const resolved = alternatives(template, leaf, depth + 1);
        return resolved && resolved.length === 1 && !resolved[0]!.assumedDefault ? resolved[0]!.value : INVALID;
      });
      if (found && items.length === 4) {
        // Fn::FindInMap's DefaultValue (AWS::LanguageExtensions) stands in for a missing key.
        const fallback = getValue(items[3], 'DefaultValue');
        const fallbackAlts = fallback ? alternatives(template, fallback, depth + 1) : undefined;
        if (found.some((a) => a.value === MISSING_MARK)) return fallbackAlts && found.every((a) => a.value === MISSING_MARK) ? fallbackAlts : undefined;
      }
      return found?.some((a) => a.value === MISSING_MARK) ? undefined : found;
    }
    default:
      return undefined;
  }
}

const MISSING_MARK = '\u0000missing';
const INVALID = Symbol('invalid');
const MISSING = Symbol('missing');

/** Cartesian product of the parts' alternatives; any unknown part makes the whole unknown. */
function combine(parts: readonly Alts[], build: (values: PlainValue[]) => PlainValue | typeof INVALID | typeof MISSING, dropNoValue = false): Alts {
  if (parts.some((p) => p === undefined)) return undefined;
  let acc: { values: PlainValue[]; noValue: boolean[]; assumed: boolean }[] = [{ values: [], noValue: [], assumed: false }];
  for (const part of parts as Alternative[][]) {
    const next: typeof acc = [];
    for (const a of acc) for (const alt of part) next.push({ values: [...a.values, alt.value], noValue: [...a.noValue, alt.noValue === true], assumed: a.assumed || alt.assumedDefault });
    if (next.length > MAX_ALTERNATIVES) return undefined;
    acc = next;
  }
  const out: Alternative[] = [];
  for (const a of acc) {
    if (!dropNoValue && a.noValue.some(Boolean)) return undefined;
    let values = a.values;
    if (dropNoValue) values = values.map((v, i) => (a.noValue[i] ? (DROP as unknown as PlainValue) : v));
    const built = build(values);
    if (built === INVALID) return undefined;
    if (built === MISSING) {
      out.push({ value: MISSING_MARK, assumedDefault: a.assumed });
      continue;
    }
    out.push({ value: dropNoValue ? stripDropped(built) : built, assumedDefault: a.assumed });
  }
  return out;
}

const DROP = Symbol('drop');

/** `!Ref AWS::NoValue` removes an object property. */
function stripDropped(value: PlainValue): PlainValue {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const out: Record<string, PlainValue> = {};
    for (const [k, v] of Object.entries(value)) if ((v as unknown) !== DROP) out[k] = v;
    return out;
  }
  return value;
}

function resolveRef(template: Template, name: string): Alts {
  if (name === 'AWS::NoValue') return [{ value: null, noValue: true, assumedDefault: false }];
  const parameter = template.parameters.get(name);
  if (!parameter?.default) return undefined;
  const def = parameter.default;
  if (def.kind !== 'scalar' || def.value === null) return undefined;
  const type = parameter.type?.known ? parameter.type.value : 'String';
  const raw = String(def.value);
  if (type === 'CommaDelimitedList' || type.startsWith('List<')) return known(raw.split(',').map((s) => s.trim()), true);
  if (type === 'Number') return known(Number.isFinite(Number(raw)) ? Number(raw) : raw, true);
  return known(raw, true);
}

function resolveSub(template: Template, arg: Node, depth: number): Alts {
  let body: Node | undefined = arg;
  const locals = new Map<string, Alts>();
  const items = asArray(arg)?.items;
  if (items) {
    if (items.length !== 2 || items[1]!.kind !== 'object') return undefined;
    body = items[0];
    for (const pair of items[1]!.pairs) locals.set(pair.key, alternatives(template, pair.value, depth + 1));
  }
  if (body?.kind !== 'scalar' || typeof body.value !== 'string') return undefined;
  const source = body.value;
  const pieces: (string | Alts)[] = [];
  let last = 0;
  for (const match of source.matchAll(/\$\{([^}]*)\}/g)) {
    pieces.push(source.slice(last, match.index));
    last = match.index! + match[0].length;
    const name = match[1]!.trim();
    if (match[1]!.startsWith('!')) {
      pieces.push(`\${${match[1]!.slice(1)}}`);
      continue;
    }
    if (locals.has(name)) pieces.push(locals.get(name));
    else if (name.includes('.') || name === 'AWS::NoValue') return undefined;
    else pieces.push(resolveRef(template, name));
  }
  pieces.push(source.slice(last));
  const parts: Alts[] = pieces.map((p) => (typeof p === 'string' ? known(p) : p));
  return combine(parts, (values) => (values.every((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') ? values.map(String).join('') : INVALID));
}

function dedupe(alts: readonly Alternative[]): Alternative[] {
  const seen = new Map<string, Alternative>();
  for (const alt of alts) {
    const key = JSON.stringify([alt.value, alt.noValue ?? false, alt.assumedDefault]);
    if (!seen.has(key)) seen.set(key, alt);
  }
  return [...seen.values()];
}
