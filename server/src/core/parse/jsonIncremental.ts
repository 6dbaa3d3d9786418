import { parseJson } from './json';
import { DEFAULT_LIMITS, type Limits } from './limits';
import { changedStretch, shiftNode, shiftPairBy } from './shift';
import type { ArrayNode, IntrinsicNode, Node, ObjectNode, ParsedTree } from './tree';
import type { PreviousParse } from './yamlIncremental';

/**
 * Parses JSON `text`, re-using the previous version's tree when the edit lies strictly inside one object or array
 * below the root (a resource, its properties, a container definition): only that value's text is parsed again,
 * the values after it are shifted, the ones before it are kept. The result equals a full parse
 * (test/unit/parse/jsonIncremental.test.ts checks this on random edits); whenever that is not certain (the old or
 * the new text has any problem: a syntax error, a comment, a trailing comma, a duplicate key, too deep), this parses
 * the whole document.
 */
export function parseJsonIncrementally(text: string, previous: PreviousParse | undefined, limits: Limits = DEFAULT_LIMITS): ParsedTree {
  if (previous) {
    if (previous.text === text && previous.tree.format === 'json') return previous.tree;
    const reused = reparseJson(previous, text, limits);
    if (reused) return reused;
  }
  return parseJson(text, limits);
}

type Container = ObjectNode | ArrayNode;
type Reparsable = Container | IntrinsicNode;

/** The incremental path alone: undefined when only a full parse is certain to be right. */
export function reparseJson(previous: PreviousParse, text: string, limits: Limits = DEFAULT_LIMITS): ParsedTree | undefined {
  const { tree, text: oldText } = previous;
  if (tree.format !== 'json' || tree.problems.length > 0 || tree.broken || (tree.root?.kind !== 'object' && tree.root?.kind !== 'array')) return undefined;
  const { start, oldEnd } = changedStretch(oldText, text);
  const delta = text.length - oldText.length;

  // The containers from the root down to the innermost value below it whose brackets enclose the change. The
  // value's first and last characters stay, so the text before and after it reads as before.
  const path: { container: Container; index: number }[] = [];
  let target: Reparsable | undefined;
  let container: Container = tree.root;
  for (;;) {
    const children: readonly Node[] = container.kind === 'object' ? container.pairs.map((p) => p.value) : container.items;
    const index = children.findIndex((child) => child.span.start < start && oldEnd < child.span.end);
    const child = children[index];
    if (!child || (child.kind !== 'object' && child.kind !== 'array' && child.kind !== 'intrinsic')) break;
    path.push({ container, index });
    target = child;
    if (child.kind === 'intrinsic') break;
    container = child;
  }
  if (!target) return undefined;

  // Parsed alone, the value may nest as deep as the limit allows below the containers around it.
  const maxDepth = limits.maxDepth - path.length;
  if (maxDepth < 1) return undefined;
  const segment = text.slice(target.span.start, target.span.end + delta);
  const parsed = parseJson(segment, { ...limits, maxDepth });
  if (parsed.problems.length > 0 || parsed.broken || !parsed.root || parsed.root.span.start !== 0 || parsed.root.span.end !== segment.length) return undefined;
  if (parsed.root.kind !== 'object' && parsed.root.kind !== 'array' && parsed.root.kind !== 'intrinsic') return undefined;

  let replacement: Node = shiftNode(parsed.root, 0, target.span.start);
  for (let level = path.length - 1; level >= 0; level--) replacement = withChild(path[level]!.container, path[level]!.index, replacement, oldEnd, delta);
  return { format: 'json', root: replacement, problems: [] };
}

/** `container` with its child at `index` replaced; the children after it (all past `from`) move by `delta`. */
function withChild(container: Container, index: number, child: Node, from: number, delta: number): Container {
  const span = { start: container.span.start, end: container.span.end + delta };
  if (container.kind === 'array') {
    const items = container.items.map((item, i) => (i < index || delta === 0 ? (i === index ? child : item) : i === index ? child : shiftNode(item, from, delta)));
    return { kind: 'array', span, items };
  }
  const pairs = container.pairs.map((pair, i) =>
    i < index ? pair : i === index ? { kind: 'pair' as const, key: pair.key, keySpan: pair.keySpan, value: child, span: { start: pair.span.start, end: child.span.end } } : delta === 0 ? pair : shiftPairBy(pair, from, delta),
  );
  return { kind: 'object', span, pairs };
}
