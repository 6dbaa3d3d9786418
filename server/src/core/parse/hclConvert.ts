/**
 * The conversion itself: an HCL body, its attributes and blocks, and every expression, into the shared tree
 * (see hcl.ts for the shape). Each method is entered with the cursor on its node and leaves it there.
 */
import type { TreeCursor } from 'web-tree-sitter';
import { HclCursorReader, expressionNode, scalar, unknownAt } from './hclCursor';
import { heredocContent, unquote } from './hclStrings';
import type { Node, ObjectNode, Pair, ParseProblem, Span } from './tree';

/** What one parsed piece of a file gives: its top-level pairs and its problems. */
export interface Piece {
  readonly pairs: Pair[];
  readonly problems: ParseProblem[];
}

export class HclConverter extends HclCursorReader {
  file(c: TreeCursor): Piece {
    const pairs: Pair[] = [];
    this.eachChild(c, () => {
      if (c.nodeType === 'body') pairs.push(...this.body(c).pairs);
      else if (c.nodeType === 'ERROR') this.error(c);
      else if (c.nodeType === 'object') this.error(c, 'A Terraform file holds blocks and attributes, not a bare object');
    });
    return { pairs, problems: this.problems };
  }

  /** One top-level attribute or block, the cursor on it: its pair (none for a comment). */
  item(c: TreeCursor): Pair | undefined {
    if (c.nodeIsMissing) this.missing(c);
    else if (c.nodeType === 'attribute') return this.attribute(c);
    else if (c.nodeType === 'block') return this.block(c);
    else if (c.nodeType === 'ERROR') this.error(c);
    return undefined;
  }

  private body(c: TreeCursor): ObjectNode {
    const span = this.span(c);
    const pairs: Pair[] = [];
    const seen = new Map<string, Span>();
    this.eachChild(c, () => {
      if (c.nodeType === 'attribute') {
        const pair = this.attribute(c);
        if (!pair) return;
        // Blocks may repeat; an attribute set twice is rejected ("Attribute redefined").
        const first = seen.get(pair.key);
        if (first) this.problems.push({ code: 'duplicate-key', message: `The argument "${pair.key}" is set twice in this block: Terraform rejects it ("Attribute redefined"). Keep one.`, span: pair.keySpan, related: first });
        else seen.set(pair.key, pair.keySpan);
        pairs.push(pair);
      } else if (c.nodeType === 'block') {
        const pair = this.block(c);
        if (pair) pairs.push(pair);
      } else if (c.nodeType === 'ERROR') {
        this.error(c);
      }
    });
    return { kind: 'object', span, pairs };
  }

  private attribute(c: TreeCursor): Pair | undefined {
    const span = this.span(c);
    let key: { name: string; span: Span } | undefined;
    let value: Node | undefined;
    this.eachChild(c, () => {
      if (c.nodeType === 'identifier' && !key) key = { name: c.nodeText, span: this.span(c) };
      else if (c.nodeType === 'expression') value = this.expression(c);
      else if (c.nodeType === 'ERROR') this.error(c);
    });
    if (!key) return undefined;
    return { kind: 'pair', key: key.name, keySpan: key.span, value: value ?? unknownAt(span.end), span };
  }

  private block(c: TreeCursor): Pair | undefined {
    const span = this.span(c);
    let type: { name: string; span: Span } | undefined;
    const labels: { name: string; span: Span }[] = [];
    let bodyNode: ObjectNode | undefined;
    let open: number | undefined;
    let close: number | undefined;
    this.eachChild(c, () => {
      switch (c.nodeType) {
        case 'identifier':
          if (!type) type = { name: c.nodeText, span: this.span(c) };
          else labels.push({ name: c.nodeText, span: this.span(c) });
          break;
        case 'string_lit': {
          const label = this.span(c);
          labels.push({ name: unquote(this.source(label).slice(1, -1)).value, span: label });
          break;
        }
        case 'block_start':
          open = this.span(c).start;
          break;
        case 'block_end':
          close = this.span(c).end;
          break;
        case 'body':
          this.nested(c.startIndex, () => (bodyNode = this.body(c)));
          break;
        case 'ERROR':
          this.error(c);
          break;
      }
    });
    if (!type) return undefined;
    const inner: Span = { start: open ?? span.end, end: close ?? span.end };
    let value: Node = { kind: 'object', span: inner, pairs: bodyNode?.pairs ?? [] };
    for (let i = labels.length - 1; i >= 0; i--) {
      const label = labels[i]!;
      const labelled: Span = { start: label.span.start, end: span.end };
      value = { kind: 'object', span: labelled, pairs: [{ kind: 'pair', key: label.name, keySpan: label.span, value, span: labelled }] };
    }
    return { kind: 'pair', key: type.name, keySpan: type.span, value, span, block: true };
  }

  /** Cursor on an `expression` node: a primary (literal, collection, call, …) and any `.attr` / `[i]` / splat after it. */
  private expression(c: TreeCursor): Node {
    const span = this.span(c);
    return this.nested(c.startIndex, () => {
      let primary: Node | undefined;
      let traversal: (string | number)[] | undefined;
      let opaque = false;
      this.eachChild(c, () => {
        if (!primary && !traversal) {
          if (c.nodeType === 'variable_expr') {
            this.eachChild(c, () => {
              if (c.nodeType === 'identifier') traversal = [c.nodeText];
            });
            if (!traversal) opaque = true;
          } else {
            primary = this.primary(c);
          }
          return;
        }
        // A step after the primary.
        const step = c.nodeType === 'get_attr' || c.nodeType === 'index' ? this.step(c) : undefined;
        if (traversal && step !== undefined) traversal.push(step);
        else if (c.nodeType !== 'comment') opaque = true;
      });
      if (traversal && !opaque) return expressionNode(span, 'reference', { traversal });
      if (primary && !traversal && !opaque && primary.span.start === span.start && primary.span.end === span.end) return primary;
      return expressionNode(span, 'other', { args: primary ? [primary] : [] });
    });
  }

  /** `.name`, `[0]`, `["key"]`, legacy `.0`; undefined for a step that is not a plain name or literal index. */
  private step(c: TreeCursor): string | number | undefined {
    let out: string | number | undefined;
    this.eachChild(c, () => {
      if (c.nodeType === 'identifier') out = c.nodeText;
      else if (c.nodeType === 'legacy_index') out = Number(c.nodeText.replace(/^\./, ''));
      else if (c.nodeType === 'new_index') {
        this.eachChild(c, () => {
          if (c.nodeType !== 'expression') return;
          const index = this.expression(c);
          if (index.kind === 'scalar' && (typeof index.value === 'number' || typeof index.value === 'string')) out = index.value;
        });
      }
    });
    return out;
  }

  private primary(c: TreeCursor): Node {
    const span = this.span(c);
    switch (c.nodeType) {
      case 'literal_value':
        return this.literal(c);
      case 'collection_value':
        return this.firstChild(c, span);
      case 'tuple':
        return this.tuple(c);
      case 'object':
        return this.object(c);
      case 'template_expr':
        return this.firstChild(c, span);
      case 'quoted_template':
      case 'heredoc_template':
        return this.template(c);
      case 'function_call':
        return this.call(c);
      case 'conditional': {
        const args: Node[] = [];
        this.eachChild(c, () => {
          if (c.nodeType === 'expression') args.push(this.expression(c));
        });
        return expressionNode(span, 'conditional', { args });
      }
      case 'operation':
        return expressionNode(span, 'operation', {});
      case 'for_expr':
        return expressionNode(span, 'for', {});
      case 'expression':
        return this.expression(c);
      case 'ERROR':
        this.error(c);
        return expressionNode(span, 'other', {});
      default:
        return expressionNode(span, 'other', {});
    }
  }

  private firstChild(c: TreeCursor, span: Span): Node {
    let out: Node | undefined;
    this.eachChild(c, () => {
      if (!out && c.nodeType !== 'comment') out = this.primary(c);
    });
    return out ?? expressionNode(span, 'other', {});
  }

  private literal(c: TreeCursor): Node {
    let out: Node | undefined;
    this.eachChild(c, () => {
      const span = this.span(c);
      switch (c.nodeType) {
        case 'numeric_lit':
          out = scalar(span, Number(c.nodeText));
          break;
        case 'bool_lit':
          out = scalar(span, c.nodeText === 'true');
          break;
        case 'null_lit':
          out = scalar(span, null);
          break;
        case 'string_lit':
          out = scalar(span, this.quotedValue(span));
          break;
      }
    });
    return out ?? expressionNode(this.span(c), 'other', {});
  }

  /** A quoted string's value; its span runs from quote to quote (a missing closing quote leaves the rest). */
  private quotedValue(span: Span): string {
    const raw = this.source(span);
    const inner = raw.length >= 2 && raw.endsWith('"') ? raw.slice(1, -1) : raw.slice(1);
    return unquote(inner).value;
  }

  private tuple(c: TreeCursor): Node {
    const span = this.span(c);
    const items: Node[] = [];
    this.eachChild(c, () => {
      if (c.nodeType === 'expression') items.push(this.expression(c));
      else if (c.nodeType === 'ERROR') this.error(c);
    });
    return { kind: 'array', span, items };
  }

  private object(c: TreeCursor): Node {
    const span = this.span(c);
    const pairs: Pair[] = [];
    const seen = new Map<string, Span>();
    this.eachChild(c, () => {
      if (c.nodeType === 'ERROR') return this.error(c);
      if (c.nodeType !== 'object_elem') return;
      const elemSpan = this.span(c);
      let key: { name: string; span: Span } | undefined;
      let value: Node | undefined;
      this.eachChild(c, () => {
        if (c.nodeType !== 'expression') return;
        if (c.currentFieldName === 'key') key = this.objectKey(c);
        else if (c.currentFieldName === 'val') value = this.expression(c);
      });
      if (!key) return;
      const first = seen.get(key.name);
      if (first) {
        this.problems.push({ code: 'duplicate-key', message: `Duplicate key "${key.name}" in this object: Terraform rejects an object that defines a key twice.`, span: key.span, related: first });
      } else {
        seen.set(key.name, key.span);
      }
      pairs.push({ kind: 'pair', key: key.name, keySpan: key.span, value: value ?? unknownAt(elemSpan.end), span: elemSpan });
    });
    return { kind: 'object', span, pairs };
  }

  /** An object key: a bare name or a literal string; a computed key (`(var.k) = …`) is skipped. */
  private objectKey(c: TreeCursor): { name: string; span: Span } | undefined {
    const span = this.span(c);
    const node = this.expression(c);
    if (node.kind === 'expression' && node.form === 'reference' && node.traversal?.length === 1) return { name: String(node.traversal[0]), span };
    if (node.kind === 'scalar' && typeof node.value === 'string') return { name: node.value, span };
    return undefined;
  }

  /** A quoted template or heredoc: a string scalar when it has no interpolation, else a template expression. */
  private template(c: TreeCursor): Node {
    const span = this.span(c);
    const heredoc = c.nodeType === 'heredoc_template';
    const parts: Node[] = [];
    let dynamic = false;
    this.eachChild(c, () => {
      switch (c.nodeType) {
        case 'template_literal': {
          const part = this.span(c);
          parts.push(scalar(part, heredoc ? this.source(part) : unquote(this.source(part)).value));
          break;
        }
        case 'template_interpolation':
          dynamic = true;
          this.eachChild(c, () => {
            if (c.nodeType === 'expression') parts.push(this.expression(c));
          });
          break;
        case 'template_directive':
          dynamic = true;
          parts.push(expressionNode(this.span(c), 'other', {}));
          break;
        case 'ERROR':
          this.error(c);
          break;
      }
    });
    if (dynamic) return expressionNode(span, 'template', { args: parts });
    if (heredoc) return scalar(span, heredocContent(this.text, span.start, span.end, false)?.value ?? '');
    return scalar(span, this.quotedValue(span));
  }

  private call(c: TreeCursor): Node {
    const span = this.span(c);
    let name = '';
    const args: Node[] = [];
    this.eachChild(c, () => {
      if (c.nodeType === 'identifier') name = c.nodeText;
      else if (c.nodeType === 'function_arguments') {
        this.eachChild(c, () => {
          if (c.nodeType === 'expression') args.push(this.expression(c));
          else if (c.nodeType === 'ERROR') this.error(c);
        });
      }
    });
    return expressionNode(span, 'call', { name, args });
  }
}
