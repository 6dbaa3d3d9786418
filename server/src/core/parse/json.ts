import { visit, ParseErrorCode, type ParseError } from 'jsonc-parser';
import type { ArrayNode, Node, ObjectNode, Pair, ParsedTree, ParseProblem, ScalarValue, Span } from './tree';
import { bomAsSpace, exactSize, isIntrinsicName } from './tree';
import { DEFAULT_LIMITS, type Limits } from './limits';

/**
 * JSON → the shared tree, through jsonc-parser (fast, exact offsets, tolerant of comments and
 * trailing commas). Comments and trailing commas are reported: the AWS CLI and CloudFormation reject them.
 */
export function parseJson(input: string, limits: Limits = DEFAULT_LIMITS): ParsedTree {
  const text = bomAsSpace(input);
  const tooDeepResult = (offset: number): ParsedTree => ({ format: 'json', root: undefined, problems: [tooDeep(offset, limits.maxDepth)] });

  const problems: ParseProblem[] = [];
  // jsonc-parser recurses per level: the visitor stops it (by throwing) as soon as nesting exceeds the
  // limit, so 10,000 levels never reach a deep stack, and a clean file is read once. The parser's depth
  // equals jsonDepthExceeds' bracket count on a file without comments or syntax errors; for the others that
  // scan still decides where the nesting is too deep (brackets in comments count). Only where the scan
  // sees less than the parser (an unterminated string before deeper nesting) is the file now too deep
  // rather than parsed to any depth.
  let deepAt: number | undefined;
  let irregular = false;
  type Frame =
    | { kind: 'object'; start: number; pairs: Pair[]; seen: Map<string, Span>; pendingKey?: { key: string; span: Span } }
    | { kind: 'array'; start: number; items: Node[] };
  const stack: Frame[] = [];
  let root: Node | undefined;
  // After a syntax error: what the parser skipped (text between two tokens it reported) and keys left without a
  // value. The rest of the tree is what the file says; these stretches are not judged (tree.broken).
  const broken: Span[] = [];
  let lastEnd = 0;
  const token = (offset: number, length: number): void => {
    if (irregular && offset > lastEnd) {
      const gap = text.slice(lastEnd, offset);
      const first = gap.search(/\S/);
      if (first !== -1) broken.push({ start: lastEnd + first, end: lastEnd + gap.trimEnd().length });
    }
    lastEnd = Math.max(lastEnd, offset + length);
  };
  const valueless = (key: { key: string; span: Span }): Pair => {
    broken.push(key.span);
    return { kind: 'pair', key: key.key, keySpan: key.span, value: { kind: 'scalar', value: null, span: { start: key.span.end, end: key.span.end } }, span: key.span };
  };
  // The last "," seen with no token after it but comments: what a closer right after it makes a trailing comma.
  let lastComma: number | undefined;

  const attach = (node: Node): void => {
    lastComma = undefined;
    const top = stack[stack.length - 1];
    if (!top) {
      root ??= node;
      return;
    }
    if (top.kind === 'array') {
      top.items.push(node);
      return;
    }
    const pending = top.pendingKey;
    if (!pending) return;
    top.pendingKey = undefined;
    top.pairs.push({
      kind: 'pair',
      key: pending.key,
      keySpan: pending.span,
      value: node,
      span: { start: pending.span.start, end: node.span.end },
    });
  };

  const max = limits.maxDepth;
  try {
    visit(
      text,
      {
        onObjectBegin: (offset, length) => {
          token(offset, length);
          if (stack.length >= max) {
            deepAt = offset;
            throw TOO_DEEP;
          }
          lastComma = undefined;
          stack.push({ kind: 'object', start: offset, pairs: [], seen: new Map() });
        },
        onObjectProperty: (property, offset, length) => {
          token(offset, length);
          const top = stack[stack.length - 1];
          if (top?.kind !== 'object') return;
          const span = { start: offset, end: offset + length };
          // The key before this one never got its value (broken input): keep it, valueless, so it still counts.
          if (top.pendingKey) top.pairs.push(valueless(top.pendingKey));
          const first = top.seen.get(property);
          if (first) {
            problems.push({
              code: 'duplicate-key',
              message: `Duplicate key "${property}": only the last value counts, so the first one is silently ignored.`,
              span,
              related: first,
            });
          } else {
            top.seen.set(property, span);
          }
          top.pendingKey = { key: property, span };
          lastComma = undefined;
        },
        onSeparator: (character, offset, length) => {
          token(offset, length);
          lastComma = character === ',' ? offset : undefined;
        },
        onObjectEnd: (offset, length) => {
          token(offset, length);
          const frame = stack.pop();
          if (frame?.kind !== 'object') return;
          // A key without a value (broken input): keep it with a null value so the key still has a span.
          if (frame.pendingKey) frame.pairs.push(valueless(frame.pendingKey));
          attach(objectOrIntrinsic({ kind: 'object', span: { start: frame.start, end: offset + length }, pairs: exactSize(frame.pairs) }));
        },
        onArrayBegin: (offset, length) => {
          token(offset, length);
          if (stack.length >= max) {
            deepAt = offset;
            throw TOO_DEEP;
          }
          lastComma = undefined;
          stack.push({ kind: 'array', start: offset, items: [] });
        },
        onArrayEnd: (offset, length) => {
          token(offset, length);
          const frame = stack.pop();
          if (frame?.kind !== 'array') return;
          const node: ArrayNode = { kind: 'array', span: { start: frame.start, end: offset + length }, items: exactSize(frame.items) };
          attach(node);
        },
        onLiteralValue: (value: unknown, offset, length) => {
          token(offset, length);
          attach({ kind: 'scalar', value: value as ScalarValue, span: { start: offset, end: offset + length } });
        },
        onComment: (offset, length) => {
          token(offset, length);
          irregular = true;
          problems.push({
            code: 'json-comment',
            message: 'Comments are not allowed in JSON: the AWS CLI and CloudFormation reject this file. Remove the comment.',
            span: { start: offset, end: offset + length },
          });
        },
        onError: (error, offset, length) => {
          irregular = true;
          const trailing = trailingCommaAt(text, error, offset, lastComma, stack[stack.length - 1]?.kind);
          if (trailing !== undefined) {
            if (problems.some((p) => p.code === 'json-trailing-comma' && p.span.start === trailing)) return;
            problems.push({
              code: 'json-trailing-comma',
              message: 'Trailing comma: the AWS CLI and CloudFormation reject it. Remove the comma.',
              span: { start: trailing, end: trailing + 1 },
            });
            return;
          }
          if (error === ParseErrorCode.InvalidCommentToken) return;
          // What follows a comma the parser skipped (`[1,], oops }`) leaves it no trailing comma.
          lastComma = undefined;
          if (problems.some((p) => p.code === 'syntax' && p.span.start === offset)) return; // one error per place
          problems.push({ code: 'syntax', message: jsonErrorMessage(error, text, offset), span: visibleSpan(text, offset, length) });
        },
      },
      { disallowComments: false, allowTrailingComma: false, allowEmptyContent: true },
    );
  } catch (error) {
    if (error !== TOO_DEEP) throw error;
  }
  if (deepAt !== undefined || irregular) {
    const scanned = jsonDepthExceeds(text, max);
    if (scanned !== undefined) return tooDeepResult(scanned);
    if (deepAt !== undefined) return tooDeepResult(deepAt);
  }

  token(text.length, 0);
  // A broken file leaves frames open; close them so the partial tree still has spans.
  while (stack.length) {
    const frame = stack.pop()!;
    if (frame.kind === 'object' && frame.pendingKey) frame.pairs.push(valueless(frame.pendingKey));
    const end = text.length;
    if (frame.kind === 'object') attach({ kind: 'object', span: { start: frame.start, end }, pairs: frame.pairs } as ObjectNode);
    else attach({ kind: 'array', span: { start: frame.start, end }, items: frame.items });
  }

  return broken.length ? { format: 'json', root, problems, broken } : { format: 'json', root, problems };
}

/** `{"Ref": x}` and `{"Fn::Sub": x}` become intrinsic nodes, exactly as the YAML short forms do. */
function objectOrIntrinsic(node: ObjectNode): Node {
  if (node.pairs.length !== 1) return node;
  const pair = node.pairs[0]!;
  if (!isIntrinsicName(pair.key) || pair.key === 'Condition') return node;
  return { kind: 'intrinsic', name: pair.key, argument: pair.value, short: false, span: node.span, nameSpan: pair.keySpan };
}

/**
 * A comma directly followed (comments aside) by the closer of its own container is a trailing comma. `[{}, }`
 * is not: removing the comma would not make it parse, so it is a syntax error.
 */
function trailingCommaAt(text: string, error: ParseErrorCode, offset: number, lastComma: number | undefined, container: 'object' | 'array' | undefined): number | undefined {
  if (lastComma === undefined) return undefined;
  if (error !== ParseErrorCode.PropertyNameExpected && error !== ParseErrorCode.ValueExpected) return undefined;
  const closer = text[offset];
  return (closer === '}' && container === 'object') || (closer === ']' && container === 'array') ? lastComma : undefined;
}

function visibleSpan(text: string, offset: number, length: number): Span {
  if (length > 0) return { start: offset, end: offset + length };
  if (offset < text.length) return { start: offset, end: offset + 1 };
  return { start: Math.max(0, text.length - 1), end: text.length };
}

function describeToken(text: string, offset: number): string {
  if (offset >= text.length) return 'the end of the file';
  const c = text[offset]!;
  if (c === '\n' || c === '\r') return 'the end of the line';
  return `"${c}"`;
}

export function jsonErrorMessage(error: ParseErrorCode, text: string, offset: number): string {
  const found = describeToken(text, offset);
  switch (error) {
    case ParseErrorCode.InvalidSymbol:
      return `Invalid JSON: unexpected ${found}.`;
    case ParseErrorCode.InvalidNumberFormat:
      return 'Invalid JSON: malformed number.';
    case ParseErrorCode.PropertyNameExpected:
      return `Invalid JSON: expected a property name in double quotes, found ${found}.`;
    case ParseErrorCode.ValueExpected:
      return `Invalid JSON: expected a value, found ${found}.`;
    case ParseErrorCode.ColonExpected:
      return `Invalid JSON: expected ":" after the property name, found ${found}.`;
    case ParseErrorCode.CommaExpected:
      return `Invalid JSON: expected "," between entries, found ${found}.`;
    case ParseErrorCode.CloseBraceExpected:
      return `Invalid JSON: expected "}" to close the object, found ${found}.`;
    case ParseErrorCode.CloseBracketExpected:
      return `Invalid JSON: expected "]" to close the array, found ${found}.`;
    case ParseErrorCode.EndOfFileExpected:
      return `Invalid JSON: unexpected ${found} after the end of the top-level value.`;
    case ParseErrorCode.UnexpectedEndOfComment:
      return 'Invalid JSON: unterminated comment.';
    case ParseErrorCode.UnexpectedEndOfString:
      return 'Invalid JSON: unterminated string.';
    case ParseErrorCode.UnexpectedEndOfNumber:
      return 'Invalid JSON: unexpected end of number.';
    case ParseErrorCode.InvalidUnicode:
      return 'Invalid JSON: invalid \\u escape in a string.';
    case ParseErrorCode.InvalidEscapeCharacter:
      return 'Invalid JSON: invalid escape character in a string.';
    case ParseErrorCode.InvalidCharacter:
      return 'Invalid JSON: control character in a string; escape it (e.g. \\n, \\t).';
    default:
      return `Invalid JSON at ${found}.`;
  }
}

/** Thrown by the visitor to stop jsonc-parser once nesting exceeds the limit. */
const TOO_DEEP = new Error('too deep');

/** Returns the offset where nesting first exceeds `max`, scanning outside strings; undefined if it never does. */
function jsonDepthExceeds(text: string, max: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return undefined;
}

export function tooDeep(offset: number, max: number): ParseProblem {
  return {
    code: 'too-deep',
    message: `This document is nested deeper than ${max} levels; Berth does not analyse it (limit: berth.limits.maxDepth).`,
    span: { start: offset, end: offset + 1 },
  };
}

export type { ParseError };
