/** Reads the workspace for the language server's index (I/O): a breadth-first walk yielding readable text files. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatOf } from '../core/kinds/detect';
import { decodeBytes } from '../core/text/decode';

/** Files the workspace index reads: JSON/YAML/Dockerfile names, outside node_modules and .git. */
export interface ScanOptions {
  readonly maxFiles: number;
  readonly maxFileSize: number;
  readonly isExcluded: (absolutePath: string) => boolean;
  readonly log: (message: string) => void;
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.aws-sam', '.serverless', 'cdk.out', '.terraform']);

/** Walks a folder breadth-first, following no symlinked folders (no loops), and yields readable text files. */
export async function* scanFolder(root: string, options: ScanOptions): AsyncGenerator<{ uri: string; text: string }> {
  const queue = [root];
  let count = 0;
  while (queue.length) {
    const dir = queue.shift()!;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (error) {
      options.log(`Skipped folder ${dir}: ${(error as Error).message}`);
      continue;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (options.isExcluded(full)) continue;
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) queue.push(full);
        continue;
      }
      if (!entry.isFile()) continue;
      if (!formatOf(entry.name)) continue;
      if (++count > options.maxFiles) {
        options.log(`Stopped indexing after ${options.maxFiles} files.`);
        return;
      }
      try {
        const stat = await fs.stat(full);
        if (stat.size > options.maxFileSize) continue;
        const decoded = decodeBytes(await fs.readFile(full));
        if (!decoded.ok) continue;
        yield { uri: pathToFileURL(full).toString(), text: decoded.text };
      } catch (error) {
        options.log(`Skipped ${full}: ${(error as Error).message}`);
      }
    }
  }
}
