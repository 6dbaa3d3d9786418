/**
 * Generic Dockerfile editor features (instruction and flag docs on hover, instruction and flag completion),
 * from dockerfile-language-service, converted to Berth's offset shapes. The server uses them only when
 * `berth.dockerfile.genericFeatures` is on (by default: when Microsoft's Docker extension, which gives the
 * same features, is not installed), so users never see them twice.
 *
 * Only the pieces that do no I/O are imported: the service's own entry point loads a Docker Hub client
 * (tag completion over HTTPS), which a pure core must not reach. Completion gets a registry that knows no tags.
 */
import type { DockerAssist } from 'dockerfile-language-service/lib/dockerAssist';
import type { DockerCompletion } from 'dockerfile-language-service/lib/dockerCompletion';
import type { DockerHover } from 'dockerfile-language-service/lib/dockerHover';
import type { MarkdownDocumentation } from 'dockerfile-language-service/lib/dockerMarkdown';
import type { DockerRegistryClient } from 'dockerfile-language-service/lib/dockerRegistryClient';
import { Arg, Env, type Dockerfile } from 'dockerfile-ast';
import type { PreparedDocument } from '../analyze';
import type { Span } from '../parse/tree';
import type { CompletionEntry, HoverResult } from './types';

/** The service's completion items, typed by what it returns (the core names no LSP package). */
type CompletionItem = ReturnType<DockerCompletion['resolveCompletionItem']>;

/** LSP CompletionItemKind values the service uses, mapped to Berth's entry kinds. */
const KEYWORD = 14;
const PROPERTY_LIKE = new Set([10 /* Property */, 5 /* Field */, 6 /* Variable */]);

/** Tag completion would ask Docker Hub; the core answers with no tags instead. */
const OFFLINE_REGISTRY = { getTags: () => Promise.resolve([]) } as unknown as DockerRegistryClient;

/**
 * The service's modules are required on the first generic hover or completion, not when the server starts:
 * a plain lint never needs them (esbuild's CommonJS output evaluates a require inside a function only when
 * it runs).
 */
/* eslint-disable @typescript-eslint/no-require-imports -- lazy on purpose (see above) */
const service = {
  assist: () => require('dockerfile-language-service/lib/dockerAssist') as typeof import('dockerfile-language-service/lib/dockerAssist'),
  completion: () => require('dockerfile-language-service/lib/dockerCompletion') as typeof import('dockerfile-language-service/lib/dockerCompletion'),
  hover: () => require('dockerfile-language-service/lib/dockerHover') as typeof import('dockerfile-language-service/lib/dockerHover'),
  markdown: () => require('dockerfile-language-service/lib/dockerMarkdown') as typeof import('dockerfile-language-service/lib/dockerMarkdown'),
  plainText: () => require('dockerfile-language-service/lib/dockerPlainText') as typeof import('dockerfile-language-service/lib/dockerPlainText'),
};
/* eslint-enable @typescript-eslint/no-require-imports */

let hoverService: DockerHover | undefined;
let hoverDocs: MarkdownDocumentation | undefined;
let completionDocs: DockerCompletion | undefined;

type Position = ReturnType<PreparedDocument['lines']['positionAt']>;
type Range = { readonly start: Position; readonly end: Position };
type Hover = ReturnType<DockerHover['onHover']>;

/**
 * The service's step from a position to the key of its documentation (a keyword, flag or directive). It is
 * private in its typings; onHover calls it on a parse of its own.
 */
interface HoverKeys {
  computeHoverKey?(dockerfile: Dockerfile, position: Position): string | null;
}

/**
 * Instruction, flag and directive documentation under the cursor, or undefined.
 *
 * The service's onHover parses the whole text again on every request (~15 ms for 1,000 instructions), so
 * the keyword/flag/directive hover is answered from the document's own parse (doc.model.dockerfile.ast, the
 * same dockerfile-ast) with the service's key lookup and its markdown. Only where the service could answer
 * something else (the value of an ARG or ENV property, or of a variable, under the cursor) is onHover called
 * on the text; elsewhere it would have answered nothing. test/unit/features/dockerfileGeneric.test.ts checks
 * that this gives, at every offset, what onHover on the text gives.
 */
export function dockerfileGenericHoverAt(doc: PreparedDocument, offset: number): HoverResult | undefined {
  const model = doc.kind === 'dockerfile' ? doc.model?.dockerfile : undefined;
  if (!model) return undefined;
  return toHoverResult(doc, offset, hoverFromParse(doc, model.ast, doc.lines.positionAt(offset)));
}

/** What the service's onHover gives on the document's text: the reference the fast path is tested against. */
export function dockerfileGenericHoverByService(doc: PreparedDocument, offset: number): HoverResult | undefined {
  if (doc.kind !== 'dockerfile' || !doc.model?.dockerfile) return undefined;
  return toHoverResult(doc, offset, dockerHover().onHover(doc.text, doc.lines.positionAt(offset), ['markdown']));
}

function dockerHover(): DockerHover {
  hoverDocs ??= new (service.markdown().MarkdownDocumentation)();
  hoverService ??= new (service.hover().DockerHover)(hoverDocs, new (service.plainText().PlainTextDocumentation)());
  return hoverService;
}

function hoverFromParse(doc: PreparedDocument, ast: Dockerfile, position: Position): Hover {
  const hover = dockerHover();
  const keys = hover as unknown as HoverKeys;
  // A service version without the step: its own onHover, on the text.
  if (typeof keys.computeHoverKey !== 'function') return hover.onHover(doc.text, position, ['markdown']);
  const image = ast.getContainingImage(position);
  if (!image) return null;
  const key = keys.computeHoverKey(ast, position);
  if (key) {
    const markdown = hoverDocs!.getMarkdown(key);
    // As onHover does: the entry's contents (a markdown string) as MarkupContent.
    return markdown ? { contents: { kind: 'markdown', value: markdown.contents as unknown as string } } : null;
  }
  // No key: the service looks at ARG/ENV property names and variable names only (a superset is checked here).
  for (const instruction of image.getInstructions()) {
    const names: (Range | null)[] = instruction.getVariables().map((v) => v.getNameRange());
    if (instruction instanceof Arg) names.push(instruction.getProperty()?.getNameRange() ?? null);
    if (instruction instanceof Env) for (const property of instruction.getProperties()) names.push(property.getNameRange());
    if (names.some((range) => range !== null && isInside(position, range))) return hover.onHover(doc.text, position, ['markdown']);
  }
  return null;
}

/** Inclusive at both ends, like the service's own check. */
function isInside(p: Position, r: Range): boolean {
  const afterStart = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const beforeEnd = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return afterStart && beforeEnd;
}

function toHoverResult(doc: PreparedDocument, offset: number, hover: Hover): HoverResult | undefined {
  if (!hover) return undefined;
  const contents = hover.contents;
  const markdown = typeof contents === 'string' ? contents : 'kind' in contents ? (contents as { value: string }).value : '';
  if (!markdown.trim()) return undefined;
  const span: Span = hover.range ? { start: doc.lines.offsetAt(hover.range.start), end: doc.lines.offsetAt(hover.range.end) } : wordAt(doc.text, offset);
  return { markdown, span };
}

/** Instruction keywords, flags and the few values the service proposes (plain text, with their docs). */
export function dockerfileGenericCompletionsAt(doc: PreparedDocument, offset: number): CompletionEntry[] {
  if (doc.kind !== 'dockerfile') return [];
  const assist = new (service.assist().DockerAssist)(textDocument(doc), OFFLINE_REGISTRY, { snippetSupport: false, deprecatedSupport: true });
  const proposals = assist.computeProposals(doc.lines.positionAt(offset));
  // A promise only comes from image tag completion, which would need the registry: nothing to offer offline.
  if (!Array.isArray(proposals)) return [];
  completionDocs ??= new (service.completion().DockerCompletion)();
  return proposals.map((item, i) => toEntry(doc, offset, completionDocs!.resolveCompletionItem({ ...item }, ['markdown']), i));
}

function toEntry(doc: PreparedDocument, offset: number, item: CompletionItem, rank: number): CompletionEntry {
  const edit = item.textEdit;
  const range = edit ? ('range' in edit ? edit.range : edit.replace) : undefined;
  const span = range ? { start: doc.lines.offsetAt(range.start), end: doc.lines.offsetAt(range.end) } : wordAt(doc.text, offset);
  const documentation = typeof item.documentation === 'string' ? item.documentation : item.documentation?.value;
  return {
    label: item.label,
    kind: item.kind === KEYWORD ? 'keyword' : item.kind !== undefined && PROPERTY_LIKE.has(item.kind) ? 'property' : 'value',
    detail: item.detail,
    documentation: documentation || undefined,
    insertText: edit?.newText ?? item.insertText ?? item.label,
    span,
    deprecated: item.deprecated || item.tags?.includes(1) || undefined,
    sortText: item.sortText ?? String(rank).padStart(4, '0'),
  };
}

/** The service reads a TextDocument; Berth's line index answers the same questions. */
function textDocument(doc: PreparedDocument): ConstructorParameters<typeof DockerAssist>[0] {
  return {
    uri: doc.uri,
    languageId: 'dockerfile',
    version: 0,
    lineCount: doc.lines.lineCount,
    getText: (range) => (range ? doc.text.slice(doc.lines.offsetAt(range.start), doc.lines.offsetAt(range.end)) : doc.text),
    positionAt: (offset) => doc.lines.positionAt(offset),
    offsetAt: (position) => doc.lines.offsetAt(position),
  };
}

function wordAt(text: string, offset: number): Span {
  let start = offset;
  let end = offset;
  while (start > 0 && /[\w-]/.test(text[start - 1]!)) start--;
  while (end < text.length && /[\w-]/.test(text[end]!)) end++;
  return { start, end };
}

/**
 * One hover for a Dockerfile: the generic instruction doc first (when generic features are on), then
 * Berth's AWS explanation after a rule; either alone when only one applies.
 */
export function combineDockerfileHovers(generic: HoverResult | undefined, aws: HoverResult | undefined): HoverResult | undefined {
  if (!generic) return aws;
  if (!aws) return generic;
  return { markdown: `${generic.markdown}\n\n---\n\n${aws.markdown}`, span: generic.span };
}
