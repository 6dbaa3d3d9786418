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
