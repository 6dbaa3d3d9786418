/**
 * Reads the workspace for the language server's index (I/O): the files io/walk.ts finds (the walk `berth lint`
 * uses), read as text. A file too large to analyse, or not text, has nothing to index and is skipped.
 */
import { promises as fs } from 'node:fs';
import { decodeBytes } from '../core/text/decode';
import type { Excluder } from './exclude';
import { surelyTooLarge } from './read';
import { fileUri } from './uri';
import { walkFolder } from './walk';

export interface ScanOptions {
  readonly maxFiles: number;
  /** limits.maxFileSize (characters) in force for a file: the size rule of every document. */
  readonly maxFileSize: (absolutePath: string) => number;
  readonly isExcluded: Excluder;
  readonly log: (message: string) => void;
}

/** The candidate files of a folder with their text, one at a time, each file once (symbolic links resolved). */
export async function* scanFolder(root: string, options: ScanOptions): AsyncGenerator<{ uri: string; text: string }> {
  const seen = new Set<string>();
  for (const file of walkFolder(root, '', { isExcluded: options.isExcluded })) {
    if (file.error !== undefined) {
      options.log(`Skipped ${file.absolute}: ${file.error}`);
      continue;
    }
    if (seen.has(file.real)) continue;
    seen.add(file.real);
    if (seen.size > options.maxFiles) {
      options.log(`Stopped indexing after ${options.maxFiles} files.`);
      return;
    }
    try {
      if (surelyTooLarge((await fs.stat(file.absolute)).size, options.maxFileSize(file.absolute))) continue;
      const decoded = decodeBytes(await fs.readFile(file.absolute));
      if (!decoded.ok) continue;
      yield { uri: fileUri(file.absolute), text: decoded.text };
    } catch (error) {
      options.log(`Skipped ${file.absolute}: ${(error as Error).message}`);
    }
  }
}
