/**
 * Walking a tree-sitter HCL syntax tree with its cursor (one WASM call per step, no node objects): spans in the
 * file, the depth limit, and the problems of the broken regions (ERROR and MISSING nodes). HclConverter builds on it.
 */
import type { TreeCursor } from 'web-tree-sitter';
import type { Limits } from './limits';
import type { ExpressionNode, Node, ParseProblem, ScalarNode, Span } from './tree';

/** Nesting past the depth limit stops the conversion; the file gets one too-deep problem. */
export class TooDeep extends Error {
  constructor(readonly offset: number) {
    super('too deep');
  }
}

export class HclCursorReader {
  readonly problems: ParseProblem[] = [];
  private depth = 0;

  constructor(
    protected readonly text: string,
    /** Where the parsed piece starts in the file: tree-sitter's offsets are relative to it. */
    protected readonly base: number,
    private readonly limits: Limits,
  ) {}

  protected span(c: TreeCursor): Span {
    return { start: this.base + c.startIndex, end: this.base + c.endIndex };
  }

  protected source(span: Span): string {
    return this.text.slice(span.start, span.end);
  }

  /** Runs `visit` with the cursor on each child in turn; returns with the cursor back on the parent. */
  protected eachChild(c: TreeCursor, visit: () => void): void {
    if (!c.gotoFirstChild()) return;
    do {
      if (c.nodeIsMissing) this.missing(c);
      else visit();
    } while (c.gotoNextSibling());
    c.gotoParent();
  }

  protected nested<T>(offset: number, convert: () => T): T {
    if (++this.depth > this.limits.maxDepth) throw new TooDeep(this.base + offset);
    try {
      return convert();
    } finally {
      this.depth--;
    }
  }

  /** The first ERROR or MISSING node under the cursor, as a problem. */
  firstError(c: TreeCursor): ParseProblem {
    for (;;) {
      if (c.nodeIsMissing) {
        this.missing(c);
        break;
      }
      if (c.nodeType === 'ERROR') {
        this.error(c);
        break;
      }
      if (c.gotoFirstChild()) continue;
      while (!c.gotoNextSibling()) {
        if (!c.gotoParent()) return { code: 'syntax', message: 'Terraform cannot parse this file.', span: { start: this.base, end: this.base } };
      }
    }
    return this.problems[this.problems.length - 1]!;
  }

  protected error(c: TreeCursor, why?: string): void {
    const span = this.span(c);
    const snippet = this.source(span).trim().split('\n')[0]!.slice(0, 40);
    const message = why
      ? `${why}.`
      : /=\s*$/.test(snippet)
        ? `"${snippet}" has no value after "=": Terraform cannot parse it. Give it a value.`
        : snippet
        ? `Terraform cannot parse "${snippet}${snippet.length < this.source(span).trim().length ? '…' : ''}" here: check for a missing "=", quote, bracket or brace.`
        : 'Terraform cannot parse the text here.';
    this.problems.push({ code: 'syntax', message, span });
  }

  protected missing(c: TreeCursor): void {
    // tree-sitter puts a missing token where the next one starts; the user looks at the end of what they typed.
    let at = this.base + c.startIndex;
    while (at > this.base && /\s/.test(this.text[at - 1]!)) at--;
    this.problems.push({ code: 'syntax', message: `Missing ${describeToken(c.nodeType)} here: Terraform cannot parse the file without it.`, span: { start: at, end: at } });
  }
}

function describeToken(type: string): string {
  const named: Readonly<Record<string, string>> = {
    block_end: '"}"',
    object_end: '"}"',
    tuple_end: '"]"',
    quoted_template_end: 'closing quote',
    template_interpolation_end: '"}" closing the interpolation',
    heredoc_identifier: 'heredoc end marker',
    identifier: 'a value or name',
    expression: 'value',
  };
  return named[type] ?? (/^\W+$/.test(type) ? `"${type}"` : type.replace(/_/g, ' '));
}

export function scalar(span: Span, value: string | number | boolean | null): ScalarNode {
  return { kind: 'scalar', span, value };
}

export function unknownAt(offset: number): ExpressionNode {
  return expressionNode({ start: offset, end: offset }, 'other', {});
}

export function expressionNode(span: Span, form: ExpressionNode['form'], rest: { traversal?: (string | number)[]; name?: string; args?: Node[] }): ExpressionNode {
  return { kind: 'expression', span, form, ...(rest.traversal ? { traversal: rest.traversal } : {}), ...(rest.name !== undefined ? { name: rest.name } : {}), args: rest.args ?? [] };
}
