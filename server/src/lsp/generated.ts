/**
 * Findings in a template the CDK synthesized (cdk.out/*.template.json) are marked as generated: each names the
 * construct that made the resource, points at the line of the CDK app that created it when the synth kept the
 * trace (cdk synth --debug), and gets no quick fix, since the next synth rewrites the file.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PreparedDocument } from '../core/analyze';
import type { Span } from '../core/parse/tree';
import { isCdkTemplate } from '../core/template/cdk';
import { cdkConstructs } from '../io/cdk';

export interface GeneratedNote {
  readonly constructPath: string;
  /** The line of the app that created the construct (0-based, as LSP counts). */
  readonly source?: { readonly uri: string; readonly line: number; readonly character: number };
}

/** For a CDK template: the note of a finding at a span. Undefined for any other document. */
export function generatedNotes(doc: PreparedDocument): ((span: Span) => GeneratedNote | undefined) | undefined {
  const template = doc.uri.startsWith('file:') ? fileURLToPath(doc.uri) : doc.uri;
  const constructOf = cdkConstructs({ display: template, absolute: template }, doc);
  if (!constructOf) return undefined;
  return (span) => {
    const construct = constructOf(span);
    if (!construct) return undefined;
    const { path, source } = construct;
    return source ? { constructPath: path, source: { uri: pathToFileURL(source.absolute).href, line: source.line - 1, character: source.column - 1 } } : { constructPath: path };
  };
}

/** Whether the document is CDK output (no quick fixes there). */
export function isGenerated(doc: PreparedDocument): boolean {
  return doc.kind === 'cloudformation' && isCdkTemplate(doc.tree?.root);
}
