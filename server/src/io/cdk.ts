/**
 * Reads CDK cloud assemblies (cdk.out/): which stack a template is, and the stack traces a `cdk synth --debug`
 * kept for its constructs (core/template/cdk.ts reads the JSON). Also tells the file walk which folders are the
 * assembly's copies of asset sources (asset.<hash>/), which it skips: their files are linted where they live.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import type { PreparedDocument } from '../core/analyze';
import type { Span } from '../core/parse/tree';
import { assemblyStacks, constructPathAt, constructTraces, isCdkTemplate, userFrame, type SourceFrame } from '../core/template/cdk';

/** The construct behind a finding in CDK output, and the line of the app that created it when the synth kept it. */
export interface CdkConstruct {
  /** The aws:cdk:path, e.g. WebStack/Api/Resource. */
  readonly path: string;
  readonly source?: {
    /** Beside the template's path as given: relative stays relative (lib/web-stack.ts), absolute stays absolute. */
    readonly file: string;
    readonly absolute: string;
    readonly line: number;
    readonly column: number;
  };
}

/**
 * For a template the CDK synthesized: the construct of a finding at a span. Undefined for any other document.
 * `file` is the template as given (display) and as found (absolute).
 */
export function cdkConstructs(file: { readonly display: string; readonly absolute: string }, doc: PreparedDocument): ((span: Span) => CdkConstruct | undefined) | undefined {
  const root = doc.tree?.root;
  if (doc.kind !== 'cloudformation' || !isCdkTemplate(root)) return undefined;
  const assemblies = new CdkAssemblies();
  return (span) => {
    const path = constructPathAt(root, span.start);
    if (!path) return undefined;
    const frame = assemblies.sourceOf(file.absolute, path);
    if (!frame || !isAbsolute(frame.file)) return { path };
    const display = isAbsolute(file.display) ? frame.file : join(dirname(file.display), relative(dirname(file.absolute), frame.file));
    return { path, source: { file: display.split('\\').join('/'), absolute: frame.file, line: frame.line, column: frame.column } };
  };
}

/** A folder `cdk synth` made from an asset's sources, inside a cloud assembly (next to its manifest.json). */
export function isCdkAssetCopy(folder: string): boolean {
  return /^asset\.[0-9a-f]{64}$/.test(basename(folder)) && existsSync(join(dirname(folder), 'manifest.json'));
}

/** The creation traces of one template's constructs, read once per template. */
export class CdkAssemblies {
  private readonly traces = new Map<string, Map<string, readonly string[]>>();

  /** The line of the app that created the construct, when the synth kept its trace. Never throws. */
  sourceOf(templateAbsolute: string, constructPath: string): SourceFrame | undefined {
    let traces = this.traces.get(templateAbsolute);
    if (!traces) {
      traces = readTraces(templateAbsolute);
      this.traces.set(templateAbsolute, traces);
    }
    const trace = traces.get(constructPath);
    return trace ? userFrame(trace) : undefined;
  }
}

function readTraces(templateAbsolute: string): Map<string, readonly string[]> {
  const folder = dirname(templateAbsolute);
  const json = (file: string): unknown => {
    try {
      return JSON.parse(readFileSync(join(folder, file), 'utf8'));
    } catch {
      return undefined; // no assembly here, or a broken one: no traces
    }
  };
  const stack = assemblyStacks(json('manifest.json')).find((s) => s.templateFile === basename(templateAbsolute));
  if (!stack) return new Map();
  return constructTraces(stack.metadata, stack.additionalMetadataFile ? json(basename(stack.additionalMetadataFile)) : undefined);
}
