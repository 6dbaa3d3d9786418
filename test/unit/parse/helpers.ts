import assert from 'node:assert/strict';
import { walk, type Node, type Pair, type Span } from '../../../server/src/core/parse/tree';

/** The span of the `nth` (0-based) occurrence of `needle` in `text`; fails the test if there is none. */
export function spanOf(text: string, needle: string, nth = 0): Span {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" (occurrence ${nth}) not found in the text`);
  }
  return { start: at, end: at + needle.length };
}

/** Every node, pair and key span lies inside the text, with start ≤ end; children lie inside their parents. */
export function assertSpansWellFormed(text: string, root: Node): number {
  let count = 0;
  const inside = (span: Span, what: string, outer: Span = { start: 0, end: text.length }): void => {
    assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: non-integer span ${JSON.stringify(span)}`);
    assert.ok(span.start <= span.end, `${what}: start > end in ${JSON.stringify(span)}`);
    assert.ok(span.start >= outer.start && span.end <= outer.end, `${what}: ${JSON.stringify(span)} outside ${JSON.stringify(outer)}`);
  };
  inside(root.span, 'root');
  const check = (node: Node, parent: Span): void => {
    count++;
    inside(node.span, `${node.kind} node`, parent);
    if (node.kind === 'object') {
      for (const pair of node.pairs) {
        inside(pair.span, `pair "${pair.key}"`, node.span);
        inside(pair.keySpan, `key "${pair.key}"`, pair.span);
        assert.equal(pair.span.start, pair.keySpan.start, `pair "${pair.key}" starts at its key`);
        assert.equal(pair.span.end, Math.max(pair.keySpan.end, pair.value.span.end), `pair "${pair.key}" ends at its value`);
        check(pair.value, pair.span);
      }
    } else if (node.kind === 'array') {
      for (const item of node.items) check(item, node.span);
    } else if (node.kind === 'intrinsic') {
      inside(node.nameSpan, `${node.name} name`, node.span);
      check(node.argument, node.span);
    } else if (node.kind === 'expression') {
      for (const arg of node.args) check(arg, node.span);
    }
  };
  check(root, root.span);
  return count;
}

/** All pairs in the tree, depth first. */
export function allPairs(root: Node): Pair[] {
  const out: Pair[] = [];
  walk(root, (node) => {
    if (node.kind === 'object') out.push(...node.pairs);
  });
  return out;
}

export function slice(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}
