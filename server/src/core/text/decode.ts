/** Turns file bytes into text, or says clearly why it cannot (used by the CLI and the workspace scan). */

export type DecodeResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: 'binary' | 'encoding'; readonly message: string; readonly offset: number };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeBytes(bytes: Uint8Array): DecodeResult {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return {
      ok: false,
      reason: 'binary',
      offset: nul,
      message: `This file contains binary data (a NUL byte at byte ${nul}); Berth analyses text files only.`,
    };
  }
  try {
    return { ok: true, text: strictUtf8.decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    return {
      ok: false,
      reason: 'encoding',
      offset,
      message: `This file is not valid UTF-8 (first invalid byte at ${offset}); save it as UTF-8, which AWS tools expect.`,
    };
  }
}

/** Offset of the first byte that starts an ill-formed sequence (Unicode 15, table 3-7: no overlongs, surrogates or > U+10FFFF). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // [length, lowest and highest allowed second byte]
    const shape: [number, number, number] | undefined =
      b >= 0xc2 && b <= 0xdf ? [2, 0x80, 0xbf]
      : b === 0xe0 ? [3, 0xa0, 0xbf]
      : (b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef ? [3, 0x80, 0xbf]
      : b === 0xed ? [3, 0x80, 0x9f]
      : b === 0xf0 ? [4, 0x90, 0xbf]
      : b >= 0xf1 && b <= 0xf3 ? [4, 0x80, 0xbf]
      : b === 0xf4 ? [4, 0x80, 0x8f]
      : undefined;
    if (!shape) return i;
    const [length, low, high] = shape;
    if (i + length > bytes.length) return i;
    const second = bytes[i + 1]!;
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) {
      if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return 0;
}
