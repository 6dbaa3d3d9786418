/**
 * Findings in a template the CDK synthesized (cdk.out/*.template.json) are marked as generated: each names the
 * construct that made the resource, points at the line of the CDK app that created it when the synth kept the
 * trace (cdk synth --debug), and gets no quick fix, since the next synth rewrites the file.
 */
import { isAbsolute } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PreparedDocument } from '../core/analyze';
import type { Span } from '../core/parse/tree';
import { constructPathAt, isCdkTemplate } from '../core/template/cdk';
import { CdkAssemblies } from '../io/cdk';

export interface GeneratedNote {
  readonly constructPath: string;
  /** The line of the app that created the construct (0-based, as LSP counts). */
  readonly source?: { readonly uri: string; readonly line: number; readonly character: number };
}

/** For a CDK template: the note of a finding at a span. Undefined for any other document. */
export function generatedNotes(doc: PreparedDocument): ((span: Span) => GeneratedNote | undefined) | undefined {
  const root = doc.tree?.root;
  if (doc.kind !== 'cloudformation' || !isCdkTemplate(root)) return undefined;
  const template = doc.uri.startsWith('file:') ? fileURLToPath(doc.uri) : undefined;
  const assemblies = new CdkAssemblies();
  return (span) => {
    const constructPath = constructPathAt(root, span.start);
    if (!constructPath) return undefined;
    const frame = template ? assemblies.sourceOf(template, constructPath) : undefined;
    if (!frame || !isAbsolute(frame.file)) return { constructPath };
    return { constructPath, source: { uri: pathToFileURL(frame.file).href, line: frame.line - 1, character: frame.column - 1 } };
  };
}

/** Whether the document is CDK output (no quick fixes there). */
export function isGenerated(doc: PreparedDocument): boolean {
  return doc.kind === 'cloudformation' && isCdkTemplate(doc.tree?.root);
}
