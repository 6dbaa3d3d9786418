/**
 * Terraform's HCL → the shared offset tree (cf. yaml-language-server's ast-converter), through tree-sitter.
 *
 * The tree follows Terraform's own JSON syntax, so `.tf` and `.tf.json` read alike: a block is a pair whose key is
 * the block type and whose value nests one single-key object per label (`resource "aws_sqs_queue" "jobs" { … }` is
 * `resource: { aws_sqs_queue: { jobs: { …body } } }`); an attribute is a pair; a body may repeat a block's key
 * (`load_balancer { … }` twice), and such pairs carry `block: true`. Literals become scalars, tuples arrays, object
 * constructors objects; every other expression (references, calls, templates with interpolations, conditionals)
 * becomes an `expression` node whose value is unknown here.
 *
 * A broken file still yields a tree: when tree-sitter reports errors, the file is parsed again in top-level pieces
 * (one per block or attribute that starts a line), so one half-typed block costs only itself.
 */
import type { Parser } from 'web-tree-sitter';
import { HclConverter, type Piece } from './hclConvert';
import { TooDeep } from './hclCursor';
import { hclParser } from './hclParser';
import { DEFAULT_LIMITS, type Limits } from './limits';
import type { Pair, ParsedTree, ParseProblem, Span } from './tree';

export function parseHcl(text: string, limits: Limits = DEFAULT_LIMITS): ParsedTree {
  return parseHclWith(hclParser(), text, limits);
}

/** parseHcl with the parser given (tests pass none to see the not-loaded problem). */
export function parseHclWith(parser: Parser | undefined, text: string, limits: Limits = DEFAULT_LIMITS): ParsedTree {
  if (!parser) {
    // An edge forgot to load the grammar: say so rather than report nothing.
    return { format: 'hcl', root: undefined, problems: [{ code: 'syntax', message: 'The Terraform (HCL) parser is not loaded, so this file was not checked.', span: { start: 0, end: 0 } }] };
  }
  // A leading BOM is legal; as a space it moves no offset.
  const source = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  try {
    const whole = convertPiece(parser, source, 0, source.length, limits);
    if (whole.problems.length === 0) return finish(source, whole.pairs, whole.problems);
    const pairs: Pair[] = [];
    const problems: ParseProblem[] = [];
    for (const piece of topLevelPieces(source)) {
      const part = convertPiece(parser, source, piece.start, piece.end, limits);
      pairs.push(...part.pairs);
      problems.push(...part.problems);
    }
    return finish(source, pairs, problems);
  } catch (error) {
    if (error instanceof TooDeep) {
      return { format: 'hcl', root: undefined, problems: [{ code: 'too-deep', message: `This file nests deeper than ${limits.maxDepth} levels, which Berth does not analyse (limit: berth.limits.maxDepth).`, span: { start: error.offset, end: error.offset } }] };
    }
    throw error;
  }
}

function finish(text: string, pairs: Pair[], problems: ParseProblem[]): ParsedTree {
  return { format: 'hcl', root: { kind: 'object', span: { start: 0, end: text.length }, pairs }, problems };
}

/** Where a line starts a top-level block or attribute; each piece runs to the next such line. */
function topLevelPieces(text: string): Span[] {
  const starts = [0];
  const re = /\n(?=[A-Za-z_][\w-]*\s*(?:=|"|\{|[A-Za-z_]))/g;
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index + 1);
  return starts.map((start, i) => ({ start, end: starts[i + 1] ?? text.length }));
}

function convertPiece(parser: Parser, text: string, start: number, end: number, limits: Limits): Piece {
  const slice = start === 0 && end === text.length ? text : text.slice(start, end);
  const tree = parser.parse(slice);
  if (!tree) return { pairs: [], problems: [{ code: 'syntax', message: 'Terraform (HCL) parsing was cancelled.', span: { start, end: start } }] };
  try {
    const converter = new HclConverter(text, start, limits);
    const cursor = tree.walk();
    try {
      const piece = converter.file(cursor);
      if (piece.problems.some((p) => p.code === 'syntax') || !tree.rootNode.hasError) return piece;
      // tree-sitter saw an error the conversion did not pass through (a missing token inside a skipped node).
      cursor.reset(tree.rootNode);
      return { ...piece, problems: [...piece.problems, converter.firstError(cursor)] };
    } finally {
      cursor.delete();
    }
  } finally {
    tree.delete();
  }
}
