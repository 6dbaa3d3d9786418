import type { Node, Span } from '../parse/tree';

/** A problem in a .berthrc.yaml, at its span; the edges turn the span into a line and column. */
export interface ConfigProblem {
  readonly span: Span;
  readonly message: string;
}

/** A value as a message names it: `"loud"`, `42`, `a list`. */
export function describeNode(node: Node | undefined): string {
  if (node === undefined) return 'nothing';
  switch (node.kind) {
    case 'object':
      return 'a mapping';
    case 'array':
      return 'a list';
    case 'intrinsic':
      return `a ${node.short ? `!${node.name.replace(/^Fn::/, '')}` : node.name} function`;
    case 'scalar':
      if (node.value === null) return 'nothing';
      return typeof node.value === 'string' ? `"${node.value}"` : String(node.value);
    default:
      return 'an expression';
  }
}
