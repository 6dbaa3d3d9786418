import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBytes } from '../../../server/src/core/text/decode';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : p)));

describe('decodeBytes', () => {
  it('decodes valid UTF-8, including multi-byte characters', () => {
    const text = 'name: "café 🚢 日本"\n';
    assert.deepEqual(decodeBytes(Buffer.from(text, 'utf8')), { ok: true, text });
  });

  it('keeps a BOM in the text, so offsets match the editor (which keeps it too)', () => {
    const result = decodeBytes(bytes([0xef, 0xbb, 0xbf], '{"a": 1}'));
    assert.deepEqual(result, { ok: true, text: '\uFEFF{"a": 1}' });
  });

  it('an empty file decodes to the empty string', () => {
    assert.deepEqual(decodeBytes(new Uint8Array()), { ok: true, text: '' });
  });

  it('a NUL byte means binary, at the NUL', () => {
    const result = decodeBytes(bytes('PK', [0x03, 0x04, 0x00, 0x00], 'rest'));
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.reason, 'binary');
    assert.equal(result.offset, 4);
    assert.match(result.message, /binary data \(a NUL byte at byte 4\)/);
  });

  it('binary wins over invalid UTF-8 (a PNG header has both)', () => {
    const result = decodeBytes(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    assert.equal(result.ok ? undefined : result.reason, 'binary');
  });

  const invalid: [string, Uint8Array, number][] = [
    ['a Latin-1 byte', bytes('name: caf', [0xe9], '\n'), 9],
    ['a lone continuation byte', bytes('ab', [0x80]), 2],
    ['an overlong encoding of "/"', bytes('a: ', [0xc0, 0xaf]), 3],
    ['an overlong three-byte form', bytes('x', [0xe0, 0x80, 0xaf]), 1],
    ['a UTF-16 surrogate encoded in UTF-8', bytes('a: ', [0xed, 0xa0, 0x80]), 3],
    ['a code point above U+10FFFF', bytes('a', [0xf4, 0x90, 0x80, 0x80]), 1],
    ['a sequence cut off at the end of the file', bytes('a: ', [0xe2, 0x82]), 3],
    ['a sequence cut off by an ASCII byte', bytes('a: ', [0xe2, 0x82], 'b'), 3],
    ['0xFF', bytes([0xff], 'abc'), 0],
    ['an error after valid multi-byte characters', bytes('é€🚢', [0xc3]), 9],
  ];
  for (const [name, input, offset] of invalid) {
    it(`invalid UTF-8: ${name} is reported at byte ${offset}`, () => {
      const result = decodeBytes(input);
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.equal(result.reason, 'encoding');
      assert.equal(result.offset, offset);
      assert.equal(result.message, `This file is not valid UTF-8 (first invalid byte at ${offset}); save it as UTF-8, which AWS tools expect.`);
    });
  }

  it('agrees with the platform decoder on every two-byte sequence', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true });
    for (let a = 0x80; a <= 0xff; a++) {
      for (let b = 0; b <= 0xff; b++) {
        if (b === 0) continue;
        const input = Uint8Array.from([0x61, a, b]);
        let valid = true;
        try {
          fatal.decode(input);
        } catch {
          valid = false;
        }
        const result = decodeBytes(input);
        assert.equal(result.ok, valid, `bytes 61 ${a.toString(16)} ${b.toString(16)}`);
        if (!result.ok) assert.equal(result.offset, 1, `bytes 61 ${a.toString(16)} ${b.toString(16)}`);
      }
    }
  });
});
