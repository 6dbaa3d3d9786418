/**
 * The length of a string in UTF-8 bytes, as TextEncoder would encode it (a lone surrogate becomes U+FFFD, 3
 * bytes), without building the bytes: rules that measure documents against AWS byte limits call it once per
 * value on every edit, and encoding each value allocated an array per scalar.
 */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) {
      bytes += 1;
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // a surrogate pair: two UTF-16 units, four bytes
      i++;
    } else {
      bytes += 2;
    }
  }
  return bytes;
}

/**
 * The UTF-8 length of `JSON.stringify(value)`, without building the string (the task definition size rule measures
 * every value of every task definition on each edit). Strings: the quotes, `\"`, `\\` and the short escapes take 2
 * bytes, other control characters and lone surrogates `\uXXXX` (6), everything else its UTF-8 length.
 */
export function jsonTextLength(value: string | number | boolean | null): number {
  if (typeof value !== 'string') return JSON.stringify(value).length;
  let bytes = 2;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0x20 && code < 0x80) {
      bytes += code === 0x22 || code === 0x5c ? 2 : 1;
    } else if (code < 0x20) {
      bytes += code === 0x08 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d ? 2 : 6;
    } else if (code < 0x800) {
      bytes += 2;
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length && (value.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else {
      bytes += code >= 0xd800 && code <= 0xdfff ? 6 : 3;
    }
  }
  return bytes;
}
