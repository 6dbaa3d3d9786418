/**
 * Measures local files and folders that configurations point at (I/O; the core only reads the results).
 * A folder is summed file by file, without following symbolic links, and stops early once it is over the
 * limit that matters; a .zip is read for the sum of its entries' uncompressed sizes (central directory).
 */
import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IndexedDocument, WorkspaceIndex } from '../core/workspace/index';
import { localCodeOf, type LocalPathInfo } from '../core/workspace/localPaths';

export interface MeasureOptions {
  /** Stop summing a folder once it holds more than this (the answer is then "more than"). */
  readonly stopAboveBytes: number;
  readonly maxFiles: number;
}

export const DEFAULT_MEASURE: MeasureOptions = { stopAboveBytes: 300 * 1024 * 1024, maxFiles: 200_000 };

export function measureLocalPath(path: string, options: MeasureOptions = DEFAULT_MEASURE): LocalPathInfo {
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return { kind: 'missing', bytes: 0 };
  }
  if (stat.isFile()) {
    const unzipped = /\.(zip|jar)$/i.test(path) ? zipUncompressedSize(path) : undefined;
    return unzipped === undefined ? { kind: 'file', bytes: stat.size } : { kind: 'file', bytes: stat.size, unzippedBytes: unzipped };
  }
  if (!stat.isDirectory()) return { kind: 'missing', bytes: 0 };
  let bytes = 0;
  let files = 0;
  const stack = [path];
  while (stack.length) {
    const dir = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if (entry.isFile()) {
        try {
          bytes += lstatSync(full).size;
        } catch {
          continue;
        }
        if (++files > options.maxFiles || bytes > options.stopAboveBytes) return { kind: 'folder', bytes, partial: true };
      }
    }
  }
  return { kind: 'folder', bytes };
}

/** Sum of uncompressed sizes from a zip's central directory; undefined when it cannot be read (not a zip, zip64). */
export function zipUncompressedSize(path: string): number | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    const tailLength = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLength);
    readSync(fd, tail, 0, tailLength, size - tailLength);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0) return undefined;
    const entries = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (cdOffset === 0xffffffff || entries === 0xffff) return undefined; // zip64: not needed for Lambda-sized files
    const cd = Buffer.alloc(cdSize);
    readSync(fd, cd, 0, cdSize, cdOffset);
    let total = 0;
    let at = 0;
    for (let i = 0; i < entries && at + 46 <= cd.length; i++) {
      if (cd.readUInt32LE(at) !== 0x02014b50) return undefined;
      total += cd.readUInt32LE(at + 24);
      at += 46 + cd.readUInt16LE(at + 28) + cd.readUInt16LE(at + 30) + cd.readUInt16LE(at + 32);
    }
    return total;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Measures the local code paths a document's Lambda functions name and records them in the index.
 * `skipKnown` leaves paths already measured alone (the editor measures each path once per session).
 * Returns true when a measurement was added.
 */
export function measureCodePathsOf(index: WorkspaceIndex, doc: IndexedDocument, skipKnown = false): boolean {
  let added = false;
  for (const fn of doc.model.lambdaFunctions) {
    const code = localCodeOf(fn, doc.uri);
    if (!code || !code.uri.startsWith('file:')) continue;
    if (skipKnown && index.localPath(code.uri)) continue;
    index.setLocalPath(code.uri, measureLocalPath(fileURLToPath(code.uri)));
    added = true;
  }
  return added;
}
