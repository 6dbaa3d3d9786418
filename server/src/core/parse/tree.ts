/**
 * One offset-based tree for YAML and JSON (cf. yaml-language-server's ast-converter).
 * Every node has its span; every pair has its key span. Intrinsic functions
 * (CloudFormation short tags and long forms) are their own node kind, never errors.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

export type Path = readonly (string | number)[];

export type Node = ObjectNode | ArrayNode | ScalarNode | IntrinsicNode | ExpressionNode;

export interface ObjectNode {
  readonly kind: 'object';
  readonly span: Span;
  readonly pairs: Pair[];
}

export interface Pair {
  readonly kind: 'pair';
  readonly key: string;
  readonly keySpan: Span;
  /** A key with no value (`key:` in YAML) has a null scalar spanning the end of the key. */
  readonly value: Node;
  /** From the key's start to the value's end. */
  readonly span: Span;
  /** HCL: the pair is a block (`load_balancer { … }`), not an attribute; a body may repeat a block's key. */
  readonly block?: boolean;
}

export interface ArrayNode {
  readonly kind: 'array';
  readonly span: Span;
  readonly items: Node[];
}

export type ScalarValue = string | number | boolean | null;

export interface ScalarNode {
  readonly kind: 'scalar';
  readonly span: Span;
  readonly value: ScalarValue;
  /** YAML tag other than an intrinsic one, e.g. `!!str`. */
  readonly tag?: string;
  /**
   * Terraform: the value is written elsewhere (a variable's default, a tfvars file, a local) and this node stands
   * where it is used; a fix must not rewrite the use, and a finding names the origin.
   */
  readonly origin?: { readonly uri: string; readonly span: Span };
}

export const INTRINSIC_FUNCTIONS = [
  'Ref',
  'Condition',
  'Fn::Sub',
  'Fn::GetAtt',
  'Fn::If',
  'Fn::Join',
  'Fn::Select',
  'Fn::Split',
  'Fn::FindInMap',
  'Fn::ImportValue',
  'Fn::Base64',
  'Fn::Cidr',
  'Fn::GetAZs',
  'Fn::Equals',
  'Fn::And',
  'Fn::Or',
  'Fn::Not',
  'Fn::Transform',
  'Fn::Length',
  'Fn::ToJsonString',
  'Fn::ForEach',
  // Another stack's output, without an export (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-getstackoutput.html).
  'Fn::GetStackOutput',
] as const;

export type IntrinsicName = (typeof INTRINSIC_FUNCTIONS)[number];

const INTRINSIC_SET: ReadonlySet<string> = new Set(INTRINSIC_FUNCTIONS);

export function isIntrinsicName(name: string): name is IntrinsicName {
  return INTRINSIC_SET.has(name);
}

/** Maps a YAML short tag (`!GetAtt`) to its function name (`Fn::GetAtt`). */
export function intrinsicFromTag(tag: string): IntrinsicName | undefined {
  const bare = tag.startsWith('!') ? tag.slice(1) : tag;
  if (bare === 'Ref' || bare === 'Condition') return bare;
  const name = `Fn::${bare}`;
  return isIntrinsicName(name) ? name : undefined;
}

export interface IntrinsicNode {
  readonly kind: 'intrinsic';
  readonly span: Span;
  readonly name: IntrinsicName;
  /** The argument: a scalar for `!Ref X`, a list for `!Join [...]`, etc. */
  readonly argument: Node;
  /** True for `!Sub x`, false for `{"Fn::Sub": x}`. */
  readonly short: boolean;
  /** Span of the tag or of the long-form key. */
  readonly nameSpan: Span;
}

/**
 * An HCL expression whose value is not a literal: a reference (`var.cpu`, `aws_lb.app.arn`), a function call, a
 * template with interpolations, a conditional, a `for`, an operation. Its value is unknown to the parse; the
 * Terraform model resolves what it can (variables with defaults, locals, jsonencode, file()).
 */
export interface ExpressionNode {
  readonly kind: 'expression';
  readonly span: Span;
  readonly form: 'reference' | 'call' | 'template' | 'conditional' | 'for' | 'operation' | 'other';
  /** A reference's steps: `var.subnets[0]` is ['var', 'subnets', 0]. */
  readonly traversal?: readonly (string | number)[];
  /** A call's function name (`jsonencode`, `file`). */
  readonly name?: string;
  /**
   * Sub-expressions: a call's arguments, a template's parts (literal text as string scalars, interpolations as
   * nodes), a conditional's condition and both results, an operation's operands.
   */
  readonly args: readonly Node[];
}

export type ProblemCode =
  | 'syntax'
  | 'duplicate-key'
  | 'json-comment'
  | 'json-trailing-comma'
  | 'too-large'
  | 'too-deep'
  | 'alias-limit'
  | 'encoding'
  | 'binary'
  | 'empty';

export interface ParseProblem {
  readonly code: ProblemCode;
  readonly message: string;
  readonly span: Span;
  /** For duplicate keys: where the key was first defined. */
  readonly related?: Span;
}

export interface ParsedTree {
  readonly format: 'json' | 'yaml' | 'hcl';
  readonly root: Node | undefined;
  readonly problems: ParseProblem[];
  /** YAML with anchors or aliases: its parts depend on each other, so it is never re-parsed piecewise. */
  readonly usesAnchors?: boolean;
  /**
   * A broken document: the stretches whose text is not in the tree as written (tokens the parser skipped, keys left
   * without a value, lines parse/recover.ts blanked). Findings there are not judged until the text parses.
   */
  readonly broken?: readonly Span[];
}

// ---- Navigation helpers -------------------------------------------------------------------

/** The last pair with this key (later keys win, as in JSON.parse and the AWS CLI). */
export function getPair(node: Node | undefined, key: string): Pair | undefined {
  if (!node || node.kind !== 'object') return undefined;
  for (let i = node.pairs.length - 1; i >= 0; i--) {
    const pair = node.pairs[i];
    if (pair && pair.key === key) return pair;
  }
  return undefined;
}

export function getValue(node: Node | undefined, key: string): Node | undefined {
  return getPair(node, key)?.value;
}

export function asObject(node: Node | undefined): ObjectNode | undefined {
  return node?.kind === 'object' ? node : undefined;
}

export function asArray(node: Node | undefined): ArrayNode | undefined {
  return node?.kind === 'array' ? node : undefined;
}

export function scalarString(node: Node | undefined): string | undefined {
  return node?.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

/** Follows a path of keys and indexes; returns the deepest node and pair found. */
export function nodeAt(root: Node | undefined, path: Path): { node: Node | undefined; pair?: Pair } {
  let node = root;
  let pair: Pair | undefined;
  for (const step of path) {
    if (!node) return { node: undefined };
    if (typeof step === 'number') {
      if (node.kind !== 'array') return { node: undefined };
      node = node.items[step];
      pair = undefined;
    } else {
      pair = getPair(node, step);
      node = pair?.value;
    }
  }
  return { node, pair };
}

/** Depth-first walk; the callback may return false to skip a subtree. */
export function walk(node: Node, visit: (node: Node, parentPair?: Pair) => boolean | void, parentPair?: Pair): void {
  const stack: { node: Node; pair?: Pair }[] = [{ node, pair: parentPair }];
  while (stack.length) {
    const { node: current, pair } = stack.pop()!;
    if (visit(current, pair) === false) continue;
    if (current.kind === 'object') {
      for (let i = current.pairs.length - 1; i >= 0; i--) {
        const p = current.pairs[i]!;
        stack.push({ node: p.value, pair: p });
      }
    } else if (current.kind === 'array') {
      for (let i = current.items.length - 1; i >= 0; i--) stack.push({ node: current.items[i]! });
    } else if (current.kind === 'intrinsic') {
      stack.push({ node: current.argument });
    } else if (current.kind === 'expression') {
      for (let i = current.args.length - 1; i >= 0; i--) stack.push({ node: current.args[i]! });
    }
  }
}

/** Plain JavaScript value of a node; intrinsics become `{ [name]: argument }`. */
export function toPlain(node: Node | undefined): unknown {
  if (!node) return undefined;
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'array':
      return node.items.map(toPlain);
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const pair of node.pairs) out[pair.key] = toPlain(pair.value);
      return out;
    }
    case 'intrinsic':
      return { [node.name]: toPlain(node.argument) };
    case 'expression':
      // Unknown until Terraform evaluates it.
      return undefined;
  }
}

/**
 * A copy without the slack an array grows by when pushed to (V8 reserves 16 more slots): a tree is kept as long as its
 * document is open, and the spare slots of its small arrays had been ~15 % of what an open template retains.
 */
export function exactSize<T>(items: T[]): T[] {
  return items.length === 0 ? items : items.slice();
}

/** A leading BOM is legal in a file; as a space it is skipped like whitespace and no offset moves. */
export function bomAsSpace(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
}
