import type { Node, ObjectNode, Pair, Path } from '../parse/tree';

export interface Location {
  /** Path from the root to the innermost node at the offset. */
  readonly path: Path;
  readonly node: Node;
  /** The pair whose key or value holds the offset, when there is one. */
  readonly pair?: Pair;
  /** True when the offset is on the pair's key. */
  readonly onKey: boolean;
  /** The object that holds `pair`. */
  readonly parent?: ObjectNode;
}

const inside = (span: { start: number; end: number }, offset: number) => span.start <= offset && offset <= span.end;

/**
 * The innermost node at an offset, with its path (keys and indexes) from the root. Terraform's `jsonencode(x)` is
 * looked through: its argument is the JSON's shape, so the path goes on into it as into a JSON value.
 */
export function locate(root: Node | undefined, offset: number): Location | undefined {
  if (!root || !inside(root.span, offset)) return undefined;
  const path: (string | number)[] = [];
  let node: Node = root;
  let pair: Pair | undefined;
  let parent: ObjectNode | undefined;
  for (;;) {
    if (node.kind === 'object') {
      const next: Pair | undefined = node.pairs.find((p) => inside(p.keySpan, offset) || inside(p.value.span, offset));
      if (!next) break;
      path.push(next.key);
      pair = next;
      parent = node;
      if (inside(next.keySpan, offset) && !inside(next.value.span, offset)) return { path, node: next.value, pair: next, onKey: true, parent };
      node = next.value;
    } else if (node.kind === 'array') {
      const index = node.items.findIndex((item) => inside(item.span, offset));
      if (index === -1) break;
      path.push(index);
      pair = undefined;
      parent = undefined;
      node = node.items[index]!;
    } else if (node.kind === 'intrinsic' && inside(node.argument.span, offset)) {
      node = node.argument;
    } else if (node.kind === 'expression' && node.form === 'call' && node.name === 'jsonencode' && node.args.length === 1 && inside(node.args[0]!.span, offset)) {
      node = node.args[0]!;
    } else break;
  }
  return { path, node, pair, onKey: false, parent: pair ? parent : undefined };
}
