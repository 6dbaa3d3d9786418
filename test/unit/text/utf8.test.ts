import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsonTextLength, utf8Length } from '../../../server/src/core/text/utf8';

describe('utf8Length', () => {
  it('counts the bytes TextEncoder produces, for every kind of UTF-16 unit', () => {
    const encoder = new TextEncoder();
    const samples = ['', 'plain ascii', '\u007f\u0080', 'é', '߿ࠀ', '€ and ✓', '\uffff', '😀', 'a😀b𝄞', '\ud83d', '\ude00', 'x\ud83dy', '\ude00\ud83d', '\ud83d\ud83d\ude00', `${'é'.repeat(100)}😀\u0000`];
    for (const s of samples) assert.equal(utf8Length(s), encoder.encode(s).length, JSON.stringify(s));
    // Every BMP unit and a run of surrogates in every order.
    let all = '';
    for (let c = 0; c < 0x10000; c += 7) all += String.fromCharCode(c);
    assert.equal(utf8Length(all), encoder.encode(all).length);
  });
});

describe('jsonTextLength', () => {
  it('is the UTF-8 length of JSON.stringify, for every kind of string and for numbers, booleans and null', () => {
    const encoder = new TextEncoder();
    const bytes = (v: string | number | boolean | null): number => encoder.encode(JSON.stringify(v)).length;
    const strings = ['', 'plain', 'a "quoted" \\ path', '\b\f\n\r\t', '\u0000\u0001\u001f', '\u007f', 'é€✓', '😀', '\ud83d', '\ude00x', '\u2028\u2029'];
    for (const s of strings) assert.equal(jsonTextLength(s), bytes(s), JSON.stringify(s));
    let all = '';
    for (let c = 0; c < 0x10000; c += 3) all += String.fromCharCode(c);
    assert.equal(jsonTextLength(all), bytes(all));
    for (const v of [0, -1.5, 1e21, 512, Number.NaN, true, false, null]) assert.equal(jsonTextLength(v), bytes(v), String(v));
  });
});
