import type { Node, Span } from '../parse/tree';
import { LineIndex } from '../text/lineIndex';

/** A problem in a .berthrc.yaml, at its span; the edges turn the span into a line and column. */
export interface ConfigProblem {
  readonly span: Span;
  readonly message: string;
}

/** 1-based line and column of a problem in `text` (the file's text, as read). */
export function positionOf(text: string, problem: ConfigProblem): { line: number; column: number } {
  const position = new LineIndex(text).positionAt(problem.span.start);
  return { line: position.line + 1, column: position.character + 1 };
}

/** `name:line:column: message`, as the CLI, the deploy, berth mcp and the editor's deploy commands print a problem. */
export function formatProblem(name: string, text: string, problem: ConfigProblem): string {
  const { line, column } = positionOf(text, problem);
  return `${name}:${line}:${column}: ${problem.message}`;
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
