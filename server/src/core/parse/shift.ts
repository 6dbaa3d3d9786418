import type { Node, Pair, ParseProblem, Span } from './tree';

/**
 * Moving parsed nodes by an offset, for the incremental parses (yamlIncremental.ts, jsonIncremental.ts, hcl.ts): a node
 * whose text moved is re-created with its offsets moved, never changed in place (older versions may still be read).
 * Offsets before `from` stay; those at or after it move by `delta`.
 */
export function shiftSpan(span: Span, from: number, delta: number): Span {
  return { start: span.start >= from ? span.start + delta : span.start, end: span.end >= from ? span.end + delta : span.end };
}

export function shiftProblem(problem: ParseProblem, from: number, delta: number): ParseProblem {
  const span = shiftSpan(problem.span, from, delta);
  return problem.related ? { ...problem, span, related: shiftSpan(problem.related, from, delta) } : { ...problem, span };
}

export function shiftPairBy(pair: Pair, from: number, delta: number): Pair {
  const shifted: Pair = { kind: 'pair', key: pair.key, keySpan: shiftSpan(pair.keySpan, from, delta), value: shiftNode(pair.value, from, delta), span: shiftSpan(pair.span, from, delta) };
  return pair.block ? { ...shifted, block: true } : shifted;
}

export function shiftNode(node: Node, from: number, delta: number): Node {
  const span = shiftSpan(node.span, from, delta);
  switch (node.kind) {
    case 'scalar':
      return node.tag === undefined ? { kind: 'scalar', span, value: node.value } : { kind: 'scalar', span, value: node.value, tag: node.tag };
    case 'array':
      return { kind: 'array', span, items: node.items.map((item) => shiftNode(item, from, delta)) };
    case 'object':
      return { kind: 'object', span, pairs: node.pairs.map((pair) => shiftPairBy(pair, from, delta)) };
    case 'intrinsic':
      return { kind: 'intrinsic', name: node.name, argument: shiftNode(node.argument, from, delta), short: node.short, span, nameSpan: shiftSpan(node.nameSpan, from, delta) };
    case 'expression':
      // HCL only; YAML and JSON never have expression nodes.
      return { ...node, span, args: node.args.map((arg) => shiftNode(arg, from, delta)) };
  }
}

/** What an edit changed: [start, oldEnd) of the old text became [start, newEnd) of the new one. */
export interface ChangedStretch {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

export function changedStretch(oldText: string, text: string): ChangedStretch {
  const shorter = Math.min(oldText.length, text.length);
  let start = 0;
  while (start < shorter && oldText.charCodeAt(start) === text.charCodeAt(start)) start++;
  let oldEnd = oldText.length;
  let newEnd = text.length;
  while (oldEnd > start && newEnd > start && oldText.charCodeAt(oldEnd - 1) === text.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  return { start, oldEnd, newEnd };
}
