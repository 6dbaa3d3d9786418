/**
 * Colouring for Terraform files in an editor without a Terraform grammar (VS Code without HashiCorp's extension):
 * the tokens of a `.tf` file from tree-sitter's syntax tree, in text order, for the LSP edge to send as semantic
 * tokens. Read from the syntax tree, not the core's offset tree, because colouring needs what the model drops
 * (comments, block keywords, function names, the parts of a template).
 */
import type { Tree, TreeCursor } from 'web-tree-sitter';
import { parseSkippingHeredocs } from '../parse/hclHeredocs';
import { hclParser } from '../parse/hclParser';
import { bomAsSpace, type Span } from '../parse/tree';

/** Standard LSP token types only, so every theme colours them. */
export const TERRAFORM_TOKEN_TYPES = ['comment', 'keyword', 'string', 'number', 'property', 'function', 'variable', 'type'] as const;
export type TerraformTokenType = (typeof TERRAFORM_TOKEN_TYPES)[number];

export interface TerraformToken extends Span {
  readonly type: TerraformTokenType;
}

/** Deeper syntax (hostile input) is left uncoloured rather than walked on the stack. */
const MAX_SYNTAX_DEPTH = 1000;

/** The words of `for` expressions and template directives, which the grammar keeps as anonymous nodes. */
const KEYWORDS = new Set(['for', 'in', 'if', 'else', 'endif', 'endfor']);

/**
 * The tokens of a Terraform file; undefined while the grammar is not loaded. `parsed` is a syntax tree of this very
 * text that the caller keeps (an edited document's, parse/hcl.ts HclSyntax), walked instead of parsing again.
 */
export function terraformTokens(text: string, parsed?: Tree): TerraformToken[] | undefined {
  let tree = parsed;
  if (!tree) {
    const parser = hclParser();
    if (!parser) return undefined;
    tree = parseSkippingHeredocs(parser, bomAsSpace(text)) ?? undefined;
    if (!tree) return [];
  }
  const cursor = tree.walk();
  try {
    const tokens: TerraformToken[] = [];
    visitChildren(cursor, tokens, 0, undefined);
    return tokens;
  } finally {
    cursor.delete();
    if (tree !== parsed) tree.delete();
  }
}

/**
 * What an identifier is, by the node that holds it: a block's first word is its type (`resource`), its other
 * words labels; an attribute's name and the word after a `.` are properties; a call's name a function; a
 * reference's first word and a `for` expression's names variables, unless the reference is an object key.
 */
function identifierRole(parent: string, first: boolean, inherited: TerraformTokenType | undefined): TerraformTokenType | undefined {
  switch (parent) {
    case 'block':
      return first ? 'keyword' : 'type';
    case 'attribute':
    case 'get_attr':
      return 'property';
    case 'function_call':
      return 'function';
    case 'variable_expr':
      return inherited ?? 'variable';
    case 'for_intro':
      return 'variable';
    default:
      return undefined;
  }
}

function visitChildren(c: TreeCursor, out: TerraformToken[], depth: number, inherited: TerraformTokenType | undefined): void {
  const parent = c.nodeType;
  if (depth > MAX_SYNTAX_DEPTH || !c.gotoFirstChild()) return;
  let first = true;
  do {
    const type = c.nodeType;
    if (type === 'identifier') {
      const role = identifierRole(parent, first, inherited);
      if (role) push(out, c.startIndex, c.endIndex, role);
    } else if (c.nodeIsNamed) {
      // An object's key (`cpu = 256` inside `{ }`) is a property, written as a reference.
      const passed = parent === 'object_elem' && first ? 'property' : type === 'expression' || type === 'variable_expr' ? inherited : undefined;
      visit(c, out, depth + 1, passed);
    } else if (KEYWORDS.has(type)) {
      push(out, c.startIndex, c.endIndex, 'keyword');
    }
    if (c.nodeIsNamed) first = false;
  } while (c.gotoNextSibling());
  c.gotoParent();
}

function visit(c: TreeCursor, out: TerraformToken[], depth: number, inherited: TerraformTokenType | undefined): void {
  switch (c.nodeType) {
    case 'comment':
      return push(out, c.startIndex, c.endIndex, 'comment');
    case 'numeric_lit':
      return push(out, c.startIndex, c.endIndex, 'number');
    case 'bool_lit':
    case 'null_lit':
      return push(out, c.startIndex, c.endIndex, 'keyword');
    case 'string_lit':
    case 'template_literal': // text inside a directive (`%{ if x }text%{ endif }`)
      return push(out, c.startIndex, c.endIndex, 'string');
    case 'quoted_template':
    case 'heredoc_template':
      return template(c, out, depth);
    default:
      return visitChildren(c, out, depth, inherited);
  }
}

/**
 * A string or heredoc is one string token around its interpolations and directives, which are coloured as code.
 * The content of a heredoc without them is not in the tree at all (parseSkippingHeredocs), only its span.
 */
function template(c: TreeCursor, out: TerraformToken[], depth: number): void {
  let from = c.startIndex;
  const end = c.endIndex;
  if (c.gotoFirstChild()) {
    do {
      if (c.nodeType === 'template_interpolation' || c.nodeType === 'template_directive') {
        push(out, from, c.startIndex, 'string');
        visitChildren(c, out, depth + 1, undefined);
        from = c.endIndex;
      }
    } while (c.gotoNextSibling());
    c.gotoParent();
  }
  push(out, from, end, 'string');
}

function push(out: TerraformToken[], start: number, end: number, type: TerraformTokenType): void {
  if (end > start) out.push({ start, end, type });
}
