/**
 * The open documents' analyses (cf. json-language-features' languageModelCache): a document is prepared once per
 * version and linted once per generation. The generation counts changes to what findings depend on besides the
 * text (the workspace index, the settings, measured code folders); findings of an older generation are redone.
 * Preparing a document also keeps its entry in the workspace index current. The core and the index see a document
 * under its URI in the one spelling (io/uri.ts normalizeUri), whatever the client's; the client's URI keys the cache.
 * A Terraform document being edited (one of the last three) also keeps its tree-sitter tree between edits, with the
 * editor's changes since, so an edit re-parses incrementally; the tree is WASM memory, freed when it is replaced,
 * another document's takes its place, or the document closes.
 */
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { lint, prepare, toIndexed, type PreparedDocument } from '../core/analyze';
import { disposeHclSyntax, type HclSyntax } from '../core/parse/hcl';
import { MAX_TEXT_CHANGES, type TextChange } from '../core/parse/textChanges';
import { bomAsSpace } from '../core/parse/tree';
import { formatOf } from '../core/kinds/detect';
import type { Finding, Rule } from '../core/rules/types';
import type { LineIndex } from '../core/text/lineIndex';
import type { WorkspaceIndex } from '../core/workspace/index';
import { hclGrammarState, loadHclParser } from '../io/hclGrammar';
import { measureCodePathsOf } from '../io/measure';
import { normalizeUri } from '../io/uri';
import type { FolderSettings } from './folderSettings';

/** The languages whose syntax errors an editor with JSON support reports (InitializationOptions.editorReportsJsonSyntax). */
const JSON_LANGUAGES: ReadonlySet<string> = new Set(['json', 'jsonc']);
const SYNTAX_RULE = 'parse/syntax-error';
/** Terraform documents that keep their syntax tree between edits: the last ones edited. */
const MAX_KEPT_TREES = 3;

export interface CachedAnalysis {
  readonly version: number;
  readonly prepared: PreparedDocument;
  findings?: Finding[];
  /** The generation the findings were computed in. */
  generation?: number;
}

export interface DocumentCacheOptions {
  readonly index: WorkspaceIndex;
  readonly settings: FolderSettings;
  /** The rules to lint with (undefined: every rule); the test hooks add one. */
  readonly rules?: readonly Rule[];
  readonly log: (message: string) => void;
  readonly logError: (message: string) => void;
  /** Documents whose findings may have changed because another one did (cross-file links) or was measured. */
  readonly onDependentsChanged: (uris: readonly string[]) => void;
}

export class DocumentCache {
  private readonly entries = new Map<string, CachedAnalysis>();
  /** The client's URI of each open document, by the URI the core knows it under. */
  private readonly clientUris = new Map<string, string>();
  private generation = 0;
  private grammar?: Promise<void>;
  /** The last HCL parse of each open Terraform document (the client's URI). */
  private readonly hclSyntax = new Map<string, HclSyntax>();
  /** The editor's changes to those documents since that parse; null when one replaced the whole text. */
  private readonly hclChanges = new Map<string, TextChange[] | null>();

  constructor(private readonly options: DocumentCacheOptions) {}

  /**
   * Undefined when a document can be prepared now; else a promise that settles when it can. A Terraform file needs
   * the HCL grammar, loaded the first time one is opened or indexed (a JSON/YAML session never loads it), and waits
   * for it: nothing is prepared, published or answered for it before, so no "parser not loaded" finding flashes.
   * A grammar that failed to load is not retried; the file then gets that finding.
   */
  whenReady(uri: string, languageId?: string): Promise<void> | undefined {
    if (formatOf(uri, languageId) !== 'hcl' || hclGrammarState() !== 'not-loaded' && hclGrammarState() !== 'loading') return undefined;
    if (this.options.settings.of(uri).analyze.disabledKinds?.includes('terraform')) return undefined;
    this.grammar ??= this.loadGrammar();
    return this.grammar;
  }

  private async loadGrammar(): Promise<void> {
    const started = performance.now();
    try {
      await loadHclParser();
      this.options.log(`Loaded the Terraform grammar in ${Math.round(performance.now() - started)} ms.`);
    } catch (error) {
      this.options.logError(`Could not load the Terraform grammar, so Terraform files are not checked: ${(error as Error).message}`);
    }
  }

  /** The document prepared (parsed, modelled) for its current version. */
  analysisOf(doc: TextDocument): CachedAnalysis {
    const { index, settings } = this.options;
    const cached = this.entries.get(doc.uri);
    // The text too: a client that sends the same version twice with different text must not get stale results.
    if (cached && cached.version === doc.version && cached.prepared.text === doc.getText()) return cached;
    const uri = normalizeUri(doc.uri);
    this.clientUris.set(uri, doc.uri);
    // The previous version lets a YAML edit re-parse only the entry it touched, and a Terraform one incrementally.
    let kept: HclSyntax | undefined;
    let prepared: PreparedDocument;
    try {
      const hcl = { previous: this.hclSyntax.get(doc.uri), changes: this.hclChanges.get(doc.uri) ?? undefined, keep: (syntax: HclSyntax) => (kept = syntax) };
      prepared = prepare({ uri, text: doc.getText(), languageId: doc.languageId }, settings.of(doc.uri).analyze, cached?.prepared, hcl);
    } finally {
      // An opened document is parsed whole anyway: only one being edited keeps its tree for the next edit.
      this.keepSyntax(doc.uri, kept, cached !== undefined);
    }
    const entry: CachedAnalysis = { version: doc.version, prepared };
    this.entries.set(doc.uri, entry);
    const indexed = toIndexed(prepared);
    const dependents = indexed ? index.set(indexed) : index.delete(uri);
    this.generation++;
    this.options.onDependentsChanged(dependents.filter((dependent) => dependent !== uri));
    if (indexed?.model.lambdaFunctions.length) {
      // Local code folders and zips are measured once per session, off the request path; then re-check.
      setImmediate(() => {
        try {
          if (measureCodePathsOf(index, indexed, true)) {
            this.generation++;
            this.options.onDependentsChanged([uri]);
          }
        } catch (error) {
          this.options.log(`Could not measure the code paths of ${doc.uri}: ${(error as Error).message}`);
        }
      });
    }
    return entry;
  }

  /**
   * Applies an editor's changes to an open document (TextDocuments' update), noting them in offsets for the next
   * incremental parse of a Terraform document.
   */
  update(doc: TextDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): TextDocument {
    if (!this.hclSyntax.has(doc.uri)) return TextDocument.update(doc, [...changes], version);
    let noted = this.hclChanges.get(doc.uri) === null ? null : (this.hclChanges.get(doc.uri) ?? []);
    for (const change of changes) {
      if (noted && 'range' in change && noted.length < MAX_TEXT_CHANGES) noted.push({ start: doc.offsetAt(change.range.start), end: doc.offsetAt(change.range.end), text: change.text });
      else noted = null;
      doc = TextDocument.update(doc, [change], version);
    }
    this.hclChanges.set(doc.uri, noted);
    return doc;
  }

  /**
   * A new HCL parse replaces the document's last one, whose tree is freed; `keep` false (or no parse) frees both.
   * A tree takes ~1.3 MB of WASM memory per 1,000 lines, so only the documents edited last keep theirs.
   */
  private keepSyntax(uri: string, syntax: HclSyntax | undefined, keep = true): void {
    const old = this.hclSyntax.get(uri);
    this.hclSyntax.delete(uri);
    this.hclChanges.delete(uri);
    if (old && old !== syntax) disposeHclSyntax(old);
    if (!syntax) return;
    if (!keep) return disposeHclSyntax(syntax);
    this.hclSyntax.set(uri, syntax);
    for (const [other, tree] of this.hclSyntax) {
      if (this.hclSyntax.size <= MAX_KEPT_TREES) break;
      this.hclSyntax.delete(other);
      this.hclChanges.delete(other);
      disposeHclSyntax(tree);
    }
  }

  /**
   * The syntax tree of the document's current text when the document keeps one (a Terraform document being
   * edited), for features that read tree-sitter's tree itself (colouring); valid until the next edit.
   */
  syntaxTreeOf(doc: TextDocument): HclSyntax['syntaxTree'] | undefined {
    this.analysisOf(doc);
    const syntax = this.hclSyntax.get(doc.uri);
    return syntax && syntax.source === bomAsSpace(doc.getText()) ? syntax.syntaxTree : undefined;
  }

  /** The document's findings, linted again only when its version or the generation changed. */
  findingsOf(doc: TextDocument): { entry: CachedAnalysis; findings: Finding[] } {
    const entry = this.analysisOf(doc);
    if (entry.findings && entry.generation === this.generation) return { entry, findings: entry.findings };
    const findings = this.lintPrepared(doc.uri, entry.prepared, doc.languageId);
    entry.findings = findings;
    entry.generation = this.generation;
    return { entry, findings };
  }

  /**
   * Findings of a file that is not open, from its text on disk (berth.problems.scope `workspace`): prepared and
   * linted as an open document is, and not kept. Its syntax errors stay: no editor reports them for a closed file.
   */
  findingsOfClosed(uri: string, text: string): { prepared: PreparedDocument; findings: Finding[] } {
    const prepared = prepare({ uri, text }, this.options.settings.of(uri).analyze);
    return { prepared, findings: this.lintPrepared(uri, prepared, undefined) };
  }

  private lintPrepared(uri: string, prepared: PreparedDocument, languageId: string | undefined): Finding[] {
    const { index, settings, rules } = this.options;
    if (settings.isExcluded(uri)) return [];
    const analyze = { ...settings.of(uri).analyze, genericFeatures: settings.genericFeatures(uri) };
    // A plan's findings that move to a .tf file are shown there, with that file's own.
    let findings = lint(prepared, { settings: analyze, workspace: index, rules, ownDocumentOnly: true });
    // The editor shows a JSON syntax error itself: the same error twice at one place would only be noise.
    if (settings.editorReportsJsonSyntax && languageId && JSON_LANGUAGES.has(languageId)) findings = findings.filter((f) => f.ruleId !== SYNTAX_RULE);
    for (const f of findings) if (f.internalError) this.options.logError(`Rule failure in ${uri}: ${f.internalError}`);
    return findings;
  }

  /** Line offsets of an open or indexed document (for ranges that point into another file), by the core's URI. */
  linesOf(uri: string): LineIndex | undefined {
    return this.entries.get(this.clientUris.get(uri) ?? uri)?.prepared.lines ?? this.options.index.get(uri)?.lines;
  }

  /** The client's URI of the open document the core knows under `uri`, or undefined when it is not open. */
  openUri(uri: string): string | undefined {
    return this.clientUris.get(uri);
  }

  /** Something findings depend on changed (the index, the settings): every document is linted again. */
  invalidateFindings(): void {
    this.generation++;
  }

  /** The document was closed (the client's URI). */
  delete(uri: string): void {
    this.entries.delete(uri);
    this.keepSyntax(uri, undefined);
    this.clientUris.delete(normalizeUri(uri));
  }

  /** Drops every analysis (the settings changed what preparing a document means). */
  clear(): void {
    this.entries.clear();
    for (const uri of [...this.hclSyntax.keys()]) this.keepSyntax(uri, undefined);
  }
}
