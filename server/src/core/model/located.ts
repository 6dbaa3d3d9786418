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

/** API JSON uses camelCase (ECS, Batch); CloudFormation uses PascalCase. Lambda's API is PascalCase too. */
export type KeyStyle = 'camel' | 'pascal';

export function keyFor(name: string, style: KeyStyle): string {
  if (style === 'camel') return name;
  return name.charAt(0).toUpperCase() + name.slice(1);
}

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
  ) {}

  static of(node: Node | undefined, style: KeyStyle): ObjView | undefined {
    const obj = asObject(node);
    return obj ? new ObjView(obj, style) : undefined;
  }

  pair(name: string): Pair | undefined {
    return getPair(this.node, keyFor(name, this.style));
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
    return ObjView.of(this.value(name), this.style);
  }

  /** Items of an array property; an absent or non-array value gives []. */
  items(name: string): Node[] {
    return asArray(this.value(name))?.items ?? [];
  }

  objects(name: string): ObjView[] {
    return this.items(name).flatMap((item) => {
      const view = ObjView.of(item, this.style);
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
