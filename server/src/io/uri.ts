/**
 * One spelling of a file's URI, for the keys of the workspace index and every URI the core compares. Clients spell
 * the same file differently (VS Code percent-encodes `@`, `+`, `!`, `(`, `)` and a Windows drive's colon, Node's
 * pathToFileURL does not), so the language server turns each URI it receives into this spelling before the core
 * sees it, and the CLI and the server's workspace walk make theirs with `fileUri`.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The URI of an absolute path. */
export function fileUri(absolutePath: string): string {
  return pathToFileURL(absolutePath).href;
}

/** A `file:` URI in the one spelling `fileUri` gives; any other URI (untitled:, a malformed one) as it is. */
export function normalizeUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return fileUri(fileURLToPath(uri));
  } catch {
    return uri;
  }
}
