/**
 * Reads one file for linting (I/O). Never throws and never hangs: a FIFO is opened non-blocking, a file too large
 * to analyse is only sampled, and bytes that are not UTF-8 text come back with the place of the first bad byte.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { decodeBytes } from '../core/text/decode';

/** Bytes sampled from a file too large to read whole, to decide whether it looks like an AWS config at all. */
const SAMPLE_BYTES = 64 * 1024;

export type ReadResult =
  | { readonly kind: 'text'; readonly text: string }
  /** Over `maxChars`: only the first bytes were read, leniently decoded. */
  | { readonly kind: 'too-large'; readonly bytes: number; readonly sample: string }
  /** Not text: `text` is a lenient decoding, `offset` the character where the first bad byte sits. */
  | { readonly kind: 'undecodable'; readonly text: string; readonly offset: number; readonly reason: 'binary' | 'encoding'; readonly message: string }
  | { readonly kind: 'unreadable'; readonly reason: string };

export function readForLint(absolute: string, maxChars: number): ReadResult {
  let fd: number;
  try {
    // O_NONBLOCK: a FIFO that slipped through must not hang the run.
    fd = openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { kind: 'unreadable', reason: describeError(error) };
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) return { kind: 'unreadable', reason: 'it is a directory, where a file was expected' };
    if (!stats.isFile()) return { kind: 'unreadable', reason: 'not a regular file' };
    if (surelyTooLarge(stats.size, maxChars)) {
      const sample = new TextDecoder('utf-8').decode(readBytes(fd, Math.min(stats.size, SAMPLE_BYTES)));
      return { kind: 'too-large', bytes: stats.size, sample };
    }
    const bytes = readBytes(fd, stats.size);
    const decoded = decodeBytes(bytes);
    if (decoded.ok) return { kind: 'text', text: decoded.text };
    // A lenient decoding too, so the finding lands on the right line and column.
    const lenient = new TextDecoder('utf-8');
    return {
      kind: 'undecodable',
      text: lenient.decode(bytes),
      offset: lenient.decode(bytes.subarray(0, decoded.offset)).length,
      reason: decoded.reason,
      message: decoded.message,
    };
  } catch (error) {
    return { kind: 'unreadable', reason: describeError(error) };
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether a file of `bytes` is over a limit of `maxChars` characters (limits.maxFileSize) without reading it: UTF-8
 * takes at most 3 bytes per UTF-16 code unit. A smaller file is read, and the core measures its text.
 */
export function surelyTooLarge(bytes: number, maxChars: number): boolean {
  return bytes > maxChars * 3;
}

function readBytes(fd: number, size: number): Uint8Array {
  const buffer = Buffer.alloc(size);
  let read = 0;
  while (read < size) {
    const n = readSync(fd, buffer, read, size - read, read);
    if (n === 0) break;
    read += n;
  }
  return buffer.subarray(0, read);
}

/** A small text file (history, a digest file, a config to extend), or undefined when it cannot be read. */
export function readTextIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** A short reason a path cannot be read, for a finding ("permission denied"). */
export function describeError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'a loop of symbolic links';
    case 'ENOENT':
      return 'a broken symbolic link or a file that vanished';
    case 'EISDIR':
      return 'it is a directory, where a file was expected';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    default:
      return e?.message ?? String(error);
  }
}
