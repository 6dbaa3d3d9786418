import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../../server/src/core/text/lineIndex';

/** Independent reference: split on \r\n, \r or \n, as LSP and VS Code do. */
function reference(text: string): { line: number; character: number }[] {
  const out: { line: number; character: number }[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i <= text.length; i++) {
    out.push({ line, character });
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') {
      out.push({ line, character: character + 1 });
      i++;
      line++;
      character = 0;
    } else if (c === '\n' || c === '\r') {
      line++;
      character = 0;
    } else character++;
  }
  return out;
}

describe('LineIndex', () => {
  const samples: [string, string][] = [
    ['LF', 'family: web\ncpu: 256\n\nmemory: 512'],
    ['CRLF', 'family: web\r\ncpu: 256\r\n\r\nmemory: 512\r\n'],
    ['CR only', 'family: web\rcpu: 256\r\rmemory: 512'],
    ['mixed', 'a\nb\r\nc\rd\n\r\ne'],
    ['no line break', '{"a": 1}'],
    ['empty', ''],
    ['only breaks', '\n\r\n\r'],
    ['non-ASCII (UTF-16 code units)', 'name: "café"\nemoji: "🚢"\nx: 1'],
  ];

  for (const [name, text] of samples) {
    it(`${name}: positionAt matches an independent reference at every offset`, () => {
      const index = new LineIndex(text);
      const expected = reference(text);
      for (let offset = 0; offset <= text.length; offset++) {
        assert.deepEqual(index.positionAt(offset), expected[offset], `offset ${offset}`);
      }
    });

    it(`${name}: offsetAt(positionAt(o)) === o for every offset that is not inside a CRLF`, () => {
      const index = new LineIndex(text);
      for (let offset = 0; offset <= text.length; offset++) {
        const insideCrlf = text[offset - 1] === '\r' && text[offset] === '\n';
        if (insideCrlf) continue;
        assert.equal(index.offsetAt(index.positionAt(offset)), offset, `offset ${offset}`);
      }
    });
  }

  it('lineCount counts lines after each \\n, \\r\\n and lone \\r', () => {
    assert.equal(new LineIndex('').lineCount, 1);
    assert.equal(new LineIndex('a').lineCount, 1);
    assert.equal(new LineIndex('a\n').lineCount, 2);
    assert.equal(new LineIndex('a\r\nb').lineCount, 2);
    assert.equal(new LineIndex('a\rb\rc').lineCount, 3);
    assert.equal(new LineIndex('\n\r\n\r').lineCount, 4);
  });

  it('CRLF: the \\n belongs to the line it ends; the next line starts after it', () => {
    const text = 'ab\r\ncd';
    const index = new LineIndex(text);
    assert.deepEqual(index.positionAt(text.indexOf('\r')), { line: 0, character: 2 });
    assert.deepEqual(index.positionAt(text.indexOf('\n')), { line: 0, character: 3 });
    assert.deepEqual(index.positionAt(text.indexOf('c')), { line: 1, character: 0 });
    assert.equal(index.lineStart(1), text.indexOf('c'));
  });

  it('end of text: the last offset is addressable, with or without a final line break', () => {
    const withBreak = new LineIndex('a\nb\n');
    assert.deepEqual(withBreak.positionAt(4), { line: 2, character: 0 });
    assert.equal(withBreak.offsetAt({ line: 2, character: 0 }), 4);
    const without = new LineIndex('a\nbc');
    assert.deepEqual(without.positionAt(4), { line: 1, character: 2 });
    assert.equal(without.offsetAt({ line: 1, character: 2 }), 4);
  });

  it('clamps out-of-range offsets and positions', () => {
    const text = 'ab\ncd';
    const index = new LineIndex(text);
    assert.deepEqual(index.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(1000), { line: 1, character: 2 });
    assert.equal(index.offsetAt({ line: 9, character: 0 }), text.length);
    assert.equal(index.offsetAt({ line: -1, character: 3 }), 0);
    // A character past the end of its line stops at the start of the next line (LSP clamps to the line).
    assert.equal(index.offsetAt({ line: 0, character: 99 }), text.indexOf('c'));
    assert.equal(index.offsetAt({ line: 1, character: 99 }), text.length);
    assert.equal(index.lineStart(99), text.indexOf('c'));
    assert.equal(index.lineStart(-1), 0);
  });

  it('is fast enough for a 10k-line file (binary search, built once)', () => {
    const text = Array.from({ length: 10_000 }, (_, i) => `key${i}: value${i}`).join('\n');
    const index = new LineIndex(text);
    assert.equal(index.lineCount, 10_000);
    const offset = text.indexOf('key9876:');
    assert.deepEqual(index.positionAt(offset), { line: 9876, character: 0 });
    assert.equal(index.offsetAt({ line: 9876, character: 3 }), offset + 3);
  });
});
