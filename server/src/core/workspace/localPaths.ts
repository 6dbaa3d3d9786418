/**
 * Local files and folders that configurations point at (a SAM CodeUri, an unpackaged CloudFormation Code path,
 * a serverless.yml package artifact). The core cannot read them; the edges (CLI, server) measure them and put
 * the sizes into the workspace index, where rules read them.
 */
import type { LambdaFunction } from '../model/lambda';
import type { Node } from '../parse/tree';
import { folderOf, resolveUri } from './references';

/** What an edge measured about a local path. */
export interface LocalPathInfo {
  readonly kind: 'file' | 'folder' | 'missing';
  /** Bytes on disk: the file's size, or the sum of the folder's files. */
  readonly bytes: number;
  /** For a .zip file: the sum of its entries' uncompressed sizes. */
  readonly unzippedBytes?: number;
  /** True when measuring stopped early (too many files); `bytes` is then a lower bound. */
  readonly partial?: boolean;
}

export interface LocalCodeReference {
  readonly uri: string;
  /** The path as written, for messages. */
  readonly written: string;
  /** The node to report on. */
  readonly node: Node;
}

/** The local deployment package a function names, if any (remote S3 locations and inline code are not local). */
export function localCodeOf(fn: LambdaFunction, documentUri: string): LocalCodeReference | undefined {
  // SAM InlineCode (and CloudFormation Code.ZipFile) is the source itself, never a path.
  if (fn.inlineCode) return undefined;
  let node: Node | undefined;
  if (fn.shape === 'sam' || fn.shape === 'cfn') node = fn.codePair?.value;
  else if (fn.shape === 'serverless') node = fn.raw.obj('package')?.value('artifact');
  // Terraform: `filename`, relative to the folder Terraform runs in (the root module's own).
  else if (fn.shape === 'terraform') node = fn.raw.value('Filename');
  if (node?.kind !== 'scalar' || typeof node.value !== 'string') return undefined;
  const written = node.value.trim();
  if (!written || /^(s3|https?):\/\//i.test(written) || written.includes('${')) return undefined;
  return { uri: resolveUri(folderOf(documentUri), written.replace(/^\.\/?$/, '.')), written, node };
}
