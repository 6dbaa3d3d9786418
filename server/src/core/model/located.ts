import { asArray, asObject, getPair, type Node, type ObjectNode, type Pair } from '../parse/tree';

/**
 * A model value with its place in the source. `known: false` means the value is given by an
 * intrinsic function (unknown until deploy) or has the wrong type; rules skip it rather than guess.
 */
export type Located<T> = Known<T> | Unknown;

export interface Known<T> {
  readonly known: true;
  readonly value: T;
  readonly node: Node;
  readonly pair?: Pair;
}

export interface Unknown {
  readonly known: false;
  readonly node: Node;
  readonly pair?: Pair;
}

/**
 * API JSON uses camelCase (ECS, Batch); CloudFormation uses PascalCase, as does Lambda's API; Terraform uses
 * snake_case, where a nested block may repeat (`load_balancer { … }` twice) instead of holding a list.
 */
export type KeyStyle = 'camel' | 'pascal' | 'snake';

/** Argument names that are not the snake_case of the API name, keyed by the API's camelCase name. */
export type NameMap = Readonly<Record<string, string>>;

export function keyFor(name: string, style: KeyStyle, names?: NameMap): string {
  if (style === 'camel') return name;
  if (style === 'snake') return names?.[name] ?? snakeCase(name);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** `healthCheckGracePeriodSeconds` → `health_check_grace_period_seconds`; `VpcConfig` → `vpc_config`. */
export function snakeCase(name: string): string {
  // Asked for the same few hundred API names on every read of a Terraform module (9 % of an edit at 10k lines).
  let snake = SNAKE_CASES.get(name);
  if (snake === undefined) {
    snake = name
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
      .toLowerCase();
    if (SNAKE_CASES.size < 10_000) SNAKE_CASES.set(name, snake);
  }
  return snake;
}

const SNAKE_CASES = new Map<string, string>();

export function locString(node: Node, pair?: Pair): Located<string> {
  if (node.kind === 'scalar' && (typeof node.value === 'string' || typeof node.value === 'number')) {
    return { known: true, value: String(node.value), node, pair };
  }
  return { known: false, node, pair };
}

export function locNumber(node: Node, pair?: Pair): Located<number> {
  if (node.kind === 'scalar') {
    if (typeof node.value === 'number') return { known: true, value: node.value, node, pair };
    if (typeof node.value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(node.value)) {
      return { known: true, value: Number(node.value), node, pair };
    }
  }
  return { known: false, node, pair };
}

export function locBoolean(node: Node, pair?: Pair): Located<boolean> {
  if (node.kind === 'scalar') {
    if (typeof node.value === 'boolean') return { known: true, value: node.value, node, pair };
    if (node.value === 'true' || node.value === 'false') return { known: true, value: node.value === 'true', node, pair };
  }
  return { known: false, node, pair };
}

/** Style-aware access to an object's properties: one model builder serves API JSON and CloudFormation. */
export class ObjView {
  constructor(
    readonly node: ObjectNode,
    readonly style: KeyStyle,
    /** Terraform: argument names that differ from the snake_case of the API's (for this view and those under it). */
    readonly names?: NameMap,
  ) {}

  static of(node: Node | undefined, style: KeyStyle, names?: NameMap): ObjView | undefined {
    const obj = asObject(node);
    return obj ? new ObjView(obj, style, names) : undefined;
  }

  /** The name as written in this shape (`memory_size`, `MemorySize`, `memorySize`). */
  key(name: string): string {
    return keyFor(name, this.style, this.names);
  }

  pair(name: string): Pair | undefined {
    return getPair(this.node, this.key(name));
  }

  /** `name` set to `value` as this shape writes it, for messages: `"networkMode": "awsvpc"`, `NetworkMode: awsvpc`, `network_mode = "awsvpc"`. */
  assignment(name: string, value: string): string {
    const key = this.key(name);
    if (this.style === 'snake') return `${key} = ${JSON.stringify(value)}`;
    if (this.style === 'pascal') return `${key}: ${value}`;
    return `${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  }

  has(name: string): boolean {
    return this.pair(name) !== undefined;
  }

  value(name: string): Node | undefined {
    return this.pair(name)?.value;
  }

  str(name: string): Located<string> | undefined {
    const pair = this.pair(name);
    return pair ? locString(pair.value, pair) : undefined;
  }

  num(name: string): Located<number> | undefined {
    const pair = this.pair(name);
    return pair ? locNumber(pair.value, pair) : undefined;
  }

  bool(name: string): Located<boolean> | undefined {
    const pair = this.pair(name);
    return pair ? locBoolean(pair.value, pair) : undefined;
  }

  obj(name: string): ObjView | undefined {
    if (this.style === 'snake') return this.objects(name)[0];
    return ObjView.of(this.value(name), this.style, this.names);
  }

  /** Items of an array property; an absent or non-array value gives []. */
  items(name: string): Node[] {
    return asArray(this.value(name))?.items ?? [];
  }

  /** Objects of a list property; in Terraform also each repetition of a nested block. */
  objects(name: string): ObjView[] {
    const nodes = this.style === 'snake' ? this.node.pairs.filter((p) => p.key === this.key(name)).flatMap((p) => (p.value.kind === 'array' ? p.value.items : [p.value])) : this.items(name);
    return nodes.flatMap((item) => {
      const view = ObjView.of(item, this.style, this.names);
      return view ? [view] : [];
    });
  }

  strings(name: string): Located<string>[] {
    return this.items(name).map((item) => locString(item));
  }
}

export function isKnown<T>(value: Located<T> | undefined): value is Known<T> {
  return value !== undefined && value.known;
}

/** The known value, or undefined when absent or unknown. */
export function valueOf<T>(value: Located<T> | undefined): T | undefined {
  return value?.known ? value.value : undefined;
}

/** The key as the user wrote it (MemorySize, memorySize, memory_size, attempt_duration_seconds…), for messages. */
export function keyOf(value: { readonly pair?: Pair } | undefined, fallback: string): string {
  return value?.pair?.key ?? fallback;
}
