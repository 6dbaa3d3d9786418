import { Alias, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type CollectionTag, type Node as YamlNode, type Document, type ScalarTag } from 'yaml';
import type { Node, Pair, ParsedTree, ParseProblem, ScalarValue, Span } from './tree';
import { INTRINSIC_FUNCTIONS, exactSize, intrinsicFromTag, isIntrinsicName } from './tree';
import { DEFAULT_LIMITS, type Limits } from './limits';
import { tooDeep } from './json';

export interface YamlOptions {
  /**
   * Read a document with syntax errors as far as the yaml package recovers (each error becomes a problem, its span
   * broken), instead of stopping at the first error. The editor and berth lint do; configuration readers do not.
   */
  readonly recover?: boolean;
}

/** YAML → the shared tree. CloudFormation short tags become intrinsic nodes; aliases are resolved under a cap. */
export function parseYaml(text: string, limits: Limits = DEFAULT_LIMITS, options: YamlOptions = {}): ParsedTree {
  const deep = yamlDepthExceeds(text, limits.maxDepth);
  if (deep !== undefined) return { format: 'yaml', root: undefined, problems: [tooDeep(deep, limits.maxDepth)] };
  const parsed = parseText(text, limits, options.recover === true);
  if ('failed' in parsed) return parsed.failed;
  const { doc, syntax } = parsed;

  const problems: ParseProblem[] = [...syntax];
  const converter = new Converter(text, doc, limits, problems);
  let root: Node | undefined;
  try {
    root = doc.contents ? converter.convert(doc.contents as YamlNode, 0) : undefined;
  } catch (error) {
    if (error instanceof LimitReached) return { format: 'yaml', root: undefined, problems: [error.problem] };
    if (error instanceof RangeError) return { format: 'yaml', root: undefined, problems: [tooDeep(0, limits.maxDepth)] };
    throw error;
  }
  const broken = syntax.length ? { broken: syntax.map((p) => p.span) } : {};
  return converter.sawAnchor ? { format: 'yaml', root, problems, usesAnchors: true, ...broken } : { format: 'yaml', root, problems, ...broken };
}

/** The yaml package's document (with its syntax errors when recovering), or the one problem that stops the analysis. */
function parseText(text: string, limits: Limits, recover = false): { doc: Document.Parsed; syntax: ParseProblem[] } | { failed: ParsedTree } {
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false, keepSourceTokens: false, strict: false, customTags: CFN_TAGS });
  } catch (error) {
    if (error instanceof RangeError) return { failed: { format: 'yaml', root: undefined, problems: [tooDeep(0, limits.maxDepth)] } };
    throw error;
  }
  const firstError = doc.errors.find((e) => e.code !== 'MULTIPLE_DOCS');
  if (firstError && /call stack/i.test(firstError.message)) {
    return { failed: { format: 'yaml', root: undefined, problems: [tooDeep(firstError.pos[0], limits.maxDepth)] } };
  }
  const syntax = doc.errors.filter((e) => e.code !== 'MULTIPLE_DOCS').map((e): ParseProblem => ({ code: 'syntax', message: `Invalid YAML: ${cleanMessage(e.message)}`, span: errorSpan(text, e.pos) }));
  if (syntax.length > 0 && !recover) return { failed: { format: 'yaml', root: undefined, problems: [syntax[0]!] } };
  return { doc, syntax };
}

/**
 * One `key: value` entry of a block mapping, parsed on its own (for incremental re-parsing).
 * `segment` starts at the start of the key's line; `depth` is the depth of the pair's value in the
 * whole document. Spans are relative to the segment. Undefined unless the segment is exactly one clean,
 * anchor-free block-mapping entry: the caller then parses the whole document instead.
 */
export function parseYamlEntry(segment: string, depth: number, limits: Limits): { pair: Pair; problems: ParseProblem[] } | undefined {
  if (yamlDepthExceeds(segment, limits.maxDepth) !== undefined) return undefined;
  const parsed = parseText(segment, limits);
  if ('failed' in parsed) return undefined;
  const { doc } = parsed;
  if (doc.errors.length > 0 || !isMap(doc.contents) || doc.contents.flow || doc.contents.items.length !== 1) return undefined;
  const problems: ParseProblem[] = [];
  const converter = new Converter(segment, doc, limits, problems);
  try {
    const pair = converter.convertPair(doc.contents.items[0]!, depth);
    return pair && !converter.sawAnchor ? { pair, problems } : undefined;
  } catch (error) {
    if (error instanceof LimitReached || error instanceof RangeError) return undefined;
    throw error;
  }
}

/** `key:` with nothing after it: the yaml package makes an empty null scalar after the colon. */
function isEmptyScalar(node: unknown): boolean {
  return isScalar(node) && node.value === null && node.source === '' && !node.tag && !node.anchor;
}

/**
 * The CloudFormation short tags, declared so that the yaml package keeps them as tags without building an
 * "Unresolved tag" warning for each one (a measurable share of parse time on large templates).
 */
const CFN_TAGS: ScalarTag[] | CollectionTag[] = INTRINSIC_FUNCTIONS.flatMap((name) => {
  const tag = `!${name.replace(/^Fn::/, '')}`;
  const keep = <T>(value: T): T => value;
  return [
    { tag, resolve: keep },
    { tag, collection: 'seq' as const, resolve: keep },
    { tag, collection: 'map' as const, resolve: keep },
  ];
}) as ScalarTag[];

class LimitReached extends Error {
  constructor(readonly problem: ParseProblem) {
    super(problem.message);
  }
}

function cleanMessage(message: string): string {
  const cut = message.replace(/ at line \d+, column \d+[\s\S]*$/, '');
  return cut.endsWith('.') ? cut : `${cut}.`;
}

const MERGE_KEY = '<<';

/**
 * YAML merge keys (`<<: *defaults`, `<<: [*a, *b]`), as the Serverless Framework (js-yaml), `sam build` and
 * `aws cloudformation package` (PyYAML) resolve them: the merged mappings' pairs join the map where the merge key
 * stands, keys written in the map win, and in a list an earlier mapping wins over a later one. A merged pair keeps its
 * span where the anchor wrote it, so findings point at the value's text. A merge key whose value is not a mapping
 * stays as it is written.
 */
function mergeKeys(pairs: readonly Pair[]): Pair[] {
  const own = new Set(pairs.filter((p) => p.key !== MERGE_KEY).map((p) => p.key));
  const out: Pair[] = [];
  for (const pair of pairs) {
    if (pair.key !== MERGE_KEY) {
      out.push(pair);
      continue;
    }
    const sources = pair.value.kind === 'object' ? [pair.value] : pair.value.kind === 'array' ? pair.value.items : [];
    if (sources.length === 0 || sources.some((source) => source.kind !== 'object')) {
      out.push(pair);
      continue;
    }
    const taken = new Set<string>();
    for (const source of sources) {
      if (source.kind !== 'object') continue;
      for (const merged of source.pairs) {
        if (own.has(merged.key) || taken.has(merged.key)) continue;
        taken.add(merged.key);
        out.push(merged);
      }
    }
  }
  return out;
}

class Converter {
  /** An anchor or alias was seen: such a document is never re-parsed piecewise. */
  sawAnchor = false;
  private aliasCount = 0;
  private readonly resolving = new Set<YamlNode>();

  constructor(
    private readonly text: string,
    private readonly doc: Document.Parsed,
    private readonly limits: Limits,
    private readonly problems: ParseProblem[],
  ) {}

  convert(node: YamlNode, depth: number, at?: Span): Node {
    if (depth > this.limits.maxDepth) {
      throw new LimitReached(tooDeep(node.range?.[0] ?? 0, this.limits.maxDepth));
    }
    if (isAlias(node)) return this.convertAlias(node, depth);
    if (node.anchor) this.sawAnchor = true;

    const span = at ?? this.spanOf(node);
    const tag = node.tag;
    const intrinsic = tag && tag.startsWith('!') && !tag.startsWith('!!') ? intrinsicFromTag(tag) : undefined;
    if (intrinsic) {
      const argument = this.convertUntagged(node, depth, span, true, at !== undefined);
      // Through an alias, the tag is written at the anchor; the alias itself stands for it.
      if (at) return { kind: 'intrinsic', name: intrinsic, argument, short: true, span: at, nameSpan: at };
      const tagStart = this.tagStart(tag!, span.start);
      return {
        kind: 'intrinsic',
        name: intrinsic,
        argument,
        short: true,
        span: { start: tagStart, end: argument.span.end },
        nameSpan: { start: tagStart, end: tagStart + tag!.length },
      };
    }
    return this.convertUntagged(node, depth, span, false, at !== undefined);
  }

  /** `fixed`: the span is where an alias is used, and stays as it is. */
  private convertUntagged(node: YamlNode, depth: number, nodeSpan: Span, dropTag = false, fixed = false): Node {
    // A block collection's range runs on over trailing comments and line breaks; end it at its last item.
    let span = nodeSpan;
    const blockEnd = (lastEnd: number | undefined): Span =>
      fixed || lastEnd === undefined || (node as { flow?: boolean }).flow ? span : { start: span.start, end: Math.min(span.end, Math.max(span.start, lastEnd)) };
    if (isMap(node)) {
      const pairs: Pair[] = [];
      const seen = new Map<string, Span>();
      for (const item of node.items) {
        const pair = this.convertPair(item, depth + 1, span);
        if (!pair) continue;
        const first = seen.get(pair.key);
        if (first) {
          this.problems.push({
            code: 'duplicate-key',
            message: `Duplicate key "${pair.key}": only the last value counts, so the first one is silently ignored.`,
            span: pair.keySpan,
            related: first,
          });
        } else seen.set(pair.key, pair.keySpan);
        pairs.push(pair);
      }
      span = blockEnd(pairs[pairs.length - 1]?.span.end);
      if (seen.has(MERGE_KEY)) pairs.splice(0, pairs.length, ...mergeKeys(pairs));
      if (pairs.length === 1) {
        const only = pairs[0]!;
        if (isIntrinsicName(only.key) && only.key !== 'Condition') {
          return { kind: 'intrinsic', name: only.key, argument: only.value, short: false, span, nameSpan: only.keySpan };
        }
      }
      return { kind: 'object', span, pairs: exactSize(pairs) };
    }
    if (isSeq(node)) {
      const items = node.items.map((item) => this.convert(item as YamlNode, depth + 1));
      return { kind: 'array', span: blockEnd(items[items.length - 1]?.span.end), items };
    }
    if (isScalar(node)) {
      const raw = node.value;
      const value: ScalarValue =
        raw === null || typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean'
          ? raw
          : typeof raw === 'bigint'
            ? Number(raw)
            : String(raw);
      // A block scalar (| or >) includes its final line break(s); the span ends at the last character.
      if (!fixed && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED')) {
        let end = span.end;
        while (end > span.start && /\s/.test(this.text[end - 1]!)) end--;
        span = { start: span.start, end };
      }
      const tag = dropTag || !node.tag?.startsWith('!') ? undefined : node.tag;
      return tag ? { kind: 'scalar', span, value, tag } : { kind: 'scalar', span, value };
    }
    return { kind: 'scalar', span, value: null };
  }

  /** `depth`: the depth of the pair's value. `mapSpan` stands in for a missing key's span. */
  convertPair(item: unknown, depth: number, mapSpan: Span = { start: 0, end: 0 }): Pair | undefined {
    if (!isPair(item)) return undefined;
    const keyNode = item.key as YamlNode | null;
    if (keyNode && !isScalar(keyNode)) {
      if (isAlias(keyNode) || keyNode.anchor) this.sawAnchor = true;
    } else if (keyNode?.anchor) this.sawAnchor = true;
    const key = keyNode && isScalar(keyNode) ? String(keyNode.value) : keyNode ? String(keyNode) : '';
    const keySpan = keyNode ? this.spanOf(keyNode) : mapSpan;
    const value: Node = item.value && !isEmptyScalar(item.value)
      ? this.convert(item.value as YamlNode, depth)
      : { kind: 'scalar', value: null, span: { start: keySpan.end, end: keySpan.end } };
    return { kind: 'pair', key, keySpan, value, span: { start: keySpan.start, end: Math.max(keySpan.end, value.span.end) } };
  }

  private convertAlias(alias: Alias, depth: number): Node {
    const span = this.spanOf(alias);
    if (++this.aliasCount > this.limits.maxAliasCount) {
      throw new LimitReached({
        code: 'alias-limit',
        message: `This YAML resolves more than ${this.limits.maxAliasCount} aliases, which looks like an alias bomb; Berth does not analyse it (limit: berth.limits.maxAliasCount).`,
        span,
      });
    }
    const target = alias.resolve(this.doc) as YamlNode | undefined;
    if (!target) {
      throw new LimitReached({ code: 'syntax', message: `Invalid YAML: unknown alias *${alias.source}.`, span });
    }
    if (this.resolving.has(target)) {
      throw new LimitReached({ code: 'alias-limit', message: `The alias *${alias.source} refers to itself; a recursive alias cannot be analysed.`, span });
    }
    this.resolving.add(target);
    try {
      // The alias's content lives elsewhere; its own span is where it is used.
      return this.convert(target, depth + 1, span);
    } finally {
      this.resolving.delete(target);
    }
  }

  private spanOf(node: YamlNode): Span {
    const range = node.range;
    if (!range) return { start: 0, end: 0 };
    return { start: range[0], end: range[1] };
  }

  private tagStart(tag: string, valueStart: number): number {
    const found = this.text.lastIndexOf(tag, valueStart);
    return found >= 0 && valueStart - found < 4096 ? found : valueStart;
  }
}

/**
 * Cheap pre-scan so hostile nesting never reaches the recursive parts of the yaml package:
 * flow brackets outside quotes and comments, and block indentation (one level needs at least two columns).
 */
function yamlDepthExceeds(text: string, max: number): number | undefined {
  let flow = 0;
  let quote = 0;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lineStart = true;
      indent = 0;
      if (quote === 39 /* ' */) continue;
      continue;
    }
    if (lineStart) {
      if (c === 32 || c === 45 /* - */ || c === 63 /* ? */) {
        if (++indent > 2 * max) return i;
        continue;
      }
      lineStart = false;
    }
    if (quote) {
      if (quote === 34 && c === 92) i++;
      else if (c === quote) quote = 0;
      continue;
    }
    const before = i === 0 ? 10 : text.charCodeAt(i - 1);
    if (c === 35 /* # */ && (before === 32 || before === 9 || before === 10 || before === 13)) {
      while (i + 1 < text.length && text.charCodeAt(i + 1) !== 10) i++;
      continue;
    }
    if (c === 34 || c === 39) {
      const prev = i > 0 ? text.charCodeAt(i - 1) : 32;
      if (prev === 32 || prev === 91 || prev === 123 || prev === 44 || prev === 58 || prev === 9) quote = c;
    } else if (c === 91 || c === 123) {
      if (++flow > max) return i;
    } else if ((c === 93 || c === 125) && flow > 0) flow--;
  }
  return undefined;
}

/** The error's span, moved off leading indentation onto the token it is about, at least one character wide. */
function errorSpan(text: string, [from, to]: [number, number]): Span {
  let start = Math.min(from, text.length);
  while (start < text.length && (text[start] === ' ' || text[start] === '\t') && start < to + 64) start++;
  if (start >= text.length || text[start] === '\n' || text[start] === '\r') start = Math.min(from, text.length);
  let end = Math.max(to, start + 1);
  if (end <= start + 1) {
    while (end < text.length && /[^\s:,\[\]{}]/.test(text[end]!)) end++;
  }
  return { start, end: Math.min(end, text.length) };
}
