/**
 * Templates the AWS CDK synthesizes (cdk.out/*.template.json) are generated: each resource names the construct
 * that made it in `Metadata: { "aws:cdk:path": "Stack/Construct/Resource" }`, and a synth with --debug keeps the
 * stack trace that created each construct in the cloud assembly's metadata (`aws:cdk:creationStack` entries in
 * <stack>.metadata.json, or the `trace` of manifest.json's entries in older CDK versions). Pure: the edges read
 * manifest.json and the metadata files and pass their JSON in.
 */
import { asObject, getValue, scalarString, type Node } from '../parse/tree';

export const CDK_PATH_METADATA = 'aws:cdk:path';

/** The construct path of the resource whose definition contains `offset`, when the template carries one. */
export function constructPathAt(root: Node | undefined, offset: number): string | undefined {
  const resources = asObject(getValue(root, 'Resources'));
  const pair = resources?.pairs.find((p) => p.span.start <= offset && offset <= p.span.end);
  return pair ? scalarString(getValue(getValue(pair.value, 'Metadata'), CDK_PATH_METADATA)) : undefined;
}

/** True when a resource of the template names its construct: the CDK wrote it. */
export function isCdkTemplate(root: Node | undefined): boolean {
  const resources = asObject(getValue(root, 'Resources'));
  return resources?.pairs.some((p) => scalarString(getValue(getValue(p.value, 'Metadata'), CDK_PATH_METADATA)) !== undefined) ?? false;
}

/** The stack files a cloud assembly's manifest.json lists: template file and metadata for each stack. */
export interface AssemblyStack {
  readonly templateFile: string;
  /** Metadata entries by construct path (with its leading slash), from manifest.json itself. */
  readonly metadata: unknown;
  /** <stack>.metadata.json, read by the edge when named. */
  readonly additionalMetadataFile?: string;
}

export function assemblyStacks(manifest: unknown): AssemblyStack[] {
  const artifacts = (manifest as { artifacts?: Record<string, unknown> } | null)?.artifacts;
  if (!artifacts || typeof artifacts !== 'object') return [];
  const stacks: AssemblyStack[] = [];
  for (const artifact of Object.values(artifacts) as { type?: unknown; properties?: { templateFile?: unknown }; metadata?: unknown; additionalMetadataFile?: unknown }[]) {
    if (artifact?.type !== 'aws:cloudformation:stack' || typeof artifact.properties?.templateFile !== 'string') continue;
    stacks.push({
      templateFile: artifact.properties.templateFile,
      metadata: artifact.metadata,
      ...(typeof artifact.additionalMetadataFile === 'string' ? { additionalMetadataFile: artifact.additionalMetadataFile } : {}),
    });
  }
  return stacks;
}

/**
 * The stack trace that created each construct, by construct path without the leading slash, from metadata
 * objects (`{ "/Stack/Construct": [ { "type": …, "data": …, "trace"?: […] } ] }`). A creationStack entry wins over
 * the trace of another entry.
 */
export function constructTraces(...metadata: unknown[]): Map<string, readonly string[]> {
  const traces = new Map<string, readonly string[]>();
  for (const byPath of metadata) {
    if (!byPath || typeof byPath !== 'object') continue;
    for (const [path, entries] of Object.entries(byPath as Record<string, unknown>)) {
      if (!Array.isArray(entries)) continue;
      const key = path.replace(/^\//, '');
      for (const entry of entries as { type?: unknown; data?: unknown; trace?: unknown }[]) {
        const frames = entry?.type === 'aws:cdk:creationStack' ? entry.data : entry?.trace;
        if (!Array.isArray(frames) || !frames.every((f) => typeof f === 'string')) continue;
        if (entry.type === 'aws:cdk:creationStack' || !traces.has(key)) traces.set(key, frames as string[]);
      }
    }
  }
  return traces;
}

export interface SourceFrame {
  /** As the trace wrote it: an absolute path (or a file: URL made a path). */
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/**
 * The first frame of the app's own code: `new WebStack (/app/lib/web-stack.js:13:5)` or `at /app/bin/app.js:8:1`.
 * Frames the CDK shortened (`...aws-cdk-lib...`, `...node internals...`) and node_modules are skipped.
 */
export function userFrame(trace: readonly string[]): SourceFrame | undefined {
  for (const frame of trace) {
    const match = /(?:\(|^\s*(?:at\s+)?)((?:file:\/\/)?[^()\s][^()]*?):(\d+):(\d+)\)?\s*$/.exec(frame);
    if (!match) continue;
    let file = match[1]!;
    if (file.startsWith('file://')) file = decodeURIComponent(file.slice('file://'.length));
    if (file.startsWith('node:') || file.includes('/node_modules/') || file.includes('\\node_modules\\')) continue;
    return { file, line: Number(match[2]), column: Number(match[3]) };
  }
  return undefined;
}
