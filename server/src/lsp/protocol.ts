/**
 * Berth's own LSP messages: their names and payload types, the one definition the server and the VS Code client
 * (and the protocol tests) import. Pure: only type imports and constants, so the client bundle takes no server
 * code from here. The descriptors play the part of vscode-jsonrpc's RequestType without its run-time class: the
 * client and the server bundle different copies of vscode-jsonrpc, and a RequestType made by one copy is not
 * understood by the other.
 */
import type { Article, ConceptSummary } from '../core/docs/articles';
import type { DocumentKind } from '../core/kinds/detect';

export type { Article, ConceptSummary } from '../core/docs/articles';
export type { DocumentKind } from '../core/kinds/detect';

/** A request's method name, typed with its params and result (the phantom field is never set). */
export interface RequestType<P, R> {
  readonly method: string;
  readonly _types?: (params: P) => R;
}

/** A notification's method name, typed with its params. */
export interface NotificationType<P> {
  readonly method: string;
  readonly _types?: (params: P) => void;
}

/** The kind Berth detected for an open document (the VS Code status bar shows it); null when it checks none. */
export const DOCUMENT_KIND_REQUEST: RequestType<{ readonly uri: string }, { readonly kind: DocumentKind | null }> = { method: 'berth/documentKind' };

/** The offline docs: the list of concepts, one concept article, one rule's page (null when there is none). */
export const CONCEPTS_REQUEST: RequestType<Record<string, never>, ConceptSummary[]> = { method: 'berth/concepts' };
export const CONCEPT_REQUEST: RequestType<{ readonly id: string }, Article | null> = { method: 'berth/concept' };
export const RULE_DOC_REQUEST: RequestType<{ readonly id: string }, Article | null> = { method: 'berth/ruleDoc' };

/**
 * Microsoft's Docker extension was installed or removed. It gives Dockerfile hover, completion and syntax
 * diagnostics itself, so `berth.dockerfile.genericFeatures: auto` turns Berth's off while it is there. The VS Code
 * client also reports it at start-up (`InitializationOptions.dockerExtensionInstalled`).
 */
export const DOCKER_EXTENSION_NOTIFICATION: NotificationType<{ readonly installed: boolean }> = { method: 'berth/dockerExtension' };

/** The client command an "Explain" code action runs; the server offers it only to clients that list it. */
export const SHOW_CONCEPT_COMMAND = 'berth.showConcept';

/** What a client may send as `initializationOptions` (every field optional; other LSP clients send none). */
export interface InitializationOptions {
  /** Editor settings (the `berth` section), for clients without workspace/configuration. */
  readonly settings?: unknown;
  /** Client commands the server may put in code actions (e.g. SHOW_CONCEPT_COMMAND). */
  readonly clientCommands?: readonly string[];
  readonly dockerExtensionInstalled?: boolean;
  /**
   * The editor reports JSON syntax errors itself in `json` and `jsonc` documents (VS Code's JSON language features,
   * unless `json.validate.enable` is off): Berth leaves those to it rather than report the same error twice.
   */
  readonly editorReportsJsonSyntax?: boolean;
  /**
   * The editor has no Terraform grammar (VS Code without HashiCorp's extension): the server colours `terraform` and
   * `terraform-vars` documents with semantic tokens. Off unless asked, so an editor's own colouring is never overlaid.
   */
  readonly terraformSemanticTokens?: boolean;
}

/** What sends requests and notifications: vscode-languageclient's LanguageClient, a test's ProtocolConnection. */
export interface MessageSender {
  sendRequest(method: string, params: unknown): Promise<unknown>;
  sendNotification(method: string, params: unknown): Promise<void>;
}

/** What answers them: the server's Connection. Params come from any client, so handlers get them unchecked. */
export interface MessageReceiver {
  onRequest(method: string, handler: (params: unknown) => unknown): unknown;
  onNotification(method: string, handler: (params: unknown) => void): unknown;
}

/** Answers a Berth request; the handler gets the params as sent (possibly malformed) and returns the typed result. */
export function onRequest<P, R>(receiver: MessageReceiver, type: RequestType<P, R>, handler: (params: Partial<P> | undefined) => R | Promise<R>): void {
  receiver.onRequest(type.method, (params) => handler(params as Partial<P> | undefined));
}

/** Handles a Berth notification; the params are as sent (possibly malformed). */
export function onNotification<P>(receiver: MessageReceiver, type: NotificationType<P>, handler: (params: Partial<P> | undefined) => void): void {
  receiver.onNotification(type.method, (params) => handler(params as Partial<P> | undefined));
}

/** Sends a Berth request, typed by its descriptor. */
export function sendRequest<P, R>(sender: Pick<MessageSender, 'sendRequest'>, type: RequestType<P, R>, params: P): Promise<R> {
  return sender.sendRequest(type.method, params) as Promise<R>;
}

/** Sends a Berth notification, typed by its descriptor. */
export function sendNotification<P>(sender: Pick<MessageSender, 'sendNotification'>, type: NotificationType<P>, params: P): Promise<void> {
  return sender.sendNotification(type.method, params);
}
