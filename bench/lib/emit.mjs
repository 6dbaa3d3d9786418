// A tiny document model for generated templates: plain objects, arrays, scalars and intrinsic
// functions, emitted as CloudFormation YAML (short tags) or JSON (long form).

export class Fn {
  /** name: Ref, GetAtt, Sub, Join, If, Equals, Select, GetAZs, ImportValue, Not, Split. */
  constructor(name, arg) {
    this.name = name;
    this.arg = arg;
  }
}

export const ref = (name) => new Fn('Ref', name);
export const getAtt = (path) => new Fn('GetAtt', path);
export const sub = (arg) => new Fn('Sub', arg);
export const join = (sep, items) => new Fn('Join', [sep, items]);
export const fnIf = (cond, a, b) => new Fn('If', [cond, a, b]);
export const equals = (a, b) => new Fn('Equals', [a, b]);
export const select = (i, list) => new Fn('Select', [i, list]);
export const getAZs = (region = '') => new Fn('GetAZs', region);

const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Fn);

// ---------------------------------------------------------------- JSON (long form)

export function toJsonValue(v) {
  if (v instanceof Fn) {
    if (v.name === 'Ref') return { Ref: v.arg };
    if (v.name === 'GetAtt') {
      const dot = v.arg.indexOf('.');
      return { 'Fn::GetAtt': [v.arg.slice(0, dot), v.arg.slice(dot + 1)] };
    }
    return { [`Fn::${v.name}`]: toJsonValue(v.arg) };
  }
  if (Array.isArray(v)) return v.map(toJsonValue);
  if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toJsonValue(x)]));
  return v;
}

/** Lines JSON.stringify(v, null, 2) would produce. Additive: an object's lines are 2 + its values' lines. */
export function jsonLines(v) {
  return JSON.stringify(toJsonValue(v), null, 2).split('\n').length;
}

// ---------------------------------------------------------------- YAML (short tags)

const RESERVED = /^(true|false|null|yes|no|on|off|y|n|~|\.nan|\.inf|-\.inf)$/i;
const NUMERIC = /^[-+]?(\.?\d|0x|0o)/i;

function yamlString(s, flow) {
  const plain =
    s.length > 0 &&
    /^[A-Za-z0-9_/.(][^\n]*$/.test(s) &&
    !RESERVED.test(s) &&
    !NUMERIC.test(s) &&
    !/: |:$| #|\$\{|["'`\\]|\s$/.test(s) &&
    !(flow && /[,[\]{}]/.test(s));
  return plain ? s : JSON.stringify(s);
}

function yamlScalar(v, flow = false) {
  if (typeof v === 'string') return yamlString(v, flow);
  if (v === null) return 'null';
  return String(v);
}

function flow(v) {
  if (v instanceof Fn) return `!${v.name} ${flow(v.arg)}`;
  if (Array.isArray(v)) return `[${v.map(flow).join(', ')}]`;
  if (isPlainObject(v)) return `{${Object.entries(v).map(([k, x]) => `${yamlString(k, true)}: ${flow(x)}`).join(', ')}}`;
  return yamlScalar(v, true);
}

function inline(v) {
  if (v instanceof Fn) return `!${v.name} ${flow(v.arg)}`;
  if (Array.isArray(v) && v.length === 0) return '[]';
  if (isPlainObject(v) && Object.keys(v).length === 0) return '{}';
  return yamlScalar(v);
}

function emitMap(obj, indent, out) {
  const pad = ' '.repeat(indent);
  for (const [k, v] of Object.entries(obj)) {
    const key = yamlString(k, false);
    if (Array.isArray(v) && v.length) {
      out.push(`${pad}${key}:`);
      emitSeq(v, indent + 2, out);
    } else if (isPlainObject(v) && Object.keys(v).length) {
      out.push(`${pad}${key}:`);
      emitMap(v, indent + 2, out);
    } else {
      out.push(`${pad}${key}: ${inline(v)}`);
    }
  }
}

function emitSeq(arr, indent, out) {
  const pad = ' '.repeat(indent);
  for (const item of arr) {
    if (isPlainObject(item) && Object.keys(item).length) {
      const lines = [];
      emitMap(item, indent + 2, lines);
      lines[0] = `${pad}- ${lines[0].slice(indent + 2)}`;
      out.push(...lines);
    } else if (Array.isArray(item) && item.length) {
      out.push(`${pad}- ${flow(item)}`);
    } else {
      out.push(`${pad}- ${inline(item)}`);
    }
  }
}

/** YAML lines of `key: value` at the given indent. */
export function yamlEntry(key, value, indent = 0) {
  const out = [];
  emitMap({ [key]: value }, indent, out);
  return out;
}

export function toYaml(obj) {
  const out = [];
  emitMap(obj, 0, out);
  return `${out.join('\n')}\n`;
}
