/**
 * HCL string literals: what a quoted string or a heredoc means, and where each character of that meaning sits in
 * the file (so JSON written inside a string can be parsed with its offsets in the `.tf` file). Pure.
 */

/**
 * The value of a quoted string's inner text (between the quotes) and, for each value index, its offset in that
 * raw text (one entry more than the value's length: the end). Escapes as HCL's spec lists them; `$${` and `%%{`
 * stand for a literal `${` and `%{`.
 */
export function unquote(raw: string): { value: string; offsets: number[] } {
  let value = '';
  const offsets: number[] = [];
  const push = (s: string, at: number) => {
    for (let k = 0; k < s.length; k++) offsets.push(at);
    value += s;
  };
  let i = 0;
  while (i < raw.length) {
    const ch = raw[i]!;
    if (ch === '\\' && i + 1 < raw.length) {
      const next = raw[i + 1]!;
      const simple = SIMPLE_ESCAPES[next];
      if (simple !== undefined) {
        push(simple, i);
        i += 2;
        continue;
      }
      const hex = next === 'u' ? 4 : next === 'U' ? 8 : 0;
      if (hex && /^[0-9a-fA-F]+$/.test(raw.slice(i + 2, i + 2 + hex)) && i + 2 + hex <= raw.length) {
        const code = parseInt(raw.slice(i + 2, i + 2 + hex), 16);
        push(code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd', i);
        i += 2 + hex;
        continue;
      }
    }
    if ((ch === '$' || ch === '%') && raw[i + 1] === ch && raw[i + 2] === '{') {
      push(`${ch}{`, i);
      i += 3;
      continue;
    }
    push(ch, i);
    i += 1;
  }
  offsets.push(raw.length);
  return { value, offsets };
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/**
 * A heredoc (`<<EOF` or `<<-EOF`, from `start` to the end of its closing marker): its content, and for each
 * content index its offset in `text`. The content runs from the line after the opening marker to the line of the
 * closing one; `<<-` removes the indentation the content lines share (blank lines do not count), as Terraform does.
 */
export function heredocContent(text: string, start: number, end: number): { value: string; offsets: Int32Array } | undefined;
/** Only the content (no offsets: a 1 MB heredoc would need a million of them). */
export function heredocContent(text: string, start: number, end: number, withOffsets: false): { value: string } | undefined;
export function heredocContent(text: string, start: number, end: number, withOffsets = true): { value: string; offsets?: Int32Array } | undefined {
  const firstBreak = text.indexOf('\n', start);
  if (firstBreak === -1 || firstBreak >= end) return undefined;
  const strip = text.startsWith('<<-', start);
  // The closing marker's line starts after the last line break before `end`.
  const closingLineStart = text.lastIndexOf('\n', end - 1) + 1;
  const bodyStart = firstBreak + 1;
  const bodyEnd = Math.max(bodyStart, closingLineStart);
  const lines: { start: number; end: number }[] = [];
  for (let at = bodyStart; at < bodyEnd; ) {
    const nl = text.indexOf('\n', at);
    const lineEnd = nl === -1 || nl >= bodyEnd ? bodyEnd : nl + 1;
    lines.push({ start: at, end: lineEnd });
    at = lineEnd;
  }
  let indent = 0;
  if (strip) {
    indent = Infinity;
    for (const line of lines) {
      const content = text.slice(line.start, line.end).replace(/\r?\n$/, '');
      if (content.trim() === '') continue;
      indent = Math.min(indent, content.length - content.trimStart().length);
    }
    if (indent === Infinity) indent = 0;
  }
  if (!withOffsets && indent === 0) return { value: text.slice(bodyStart, bodyEnd) };
  let value = '';
  // Typed: a 1 MB heredoc has a million offsets.
  const offsets = new Int32Array(withOffsets ? bodyEnd - bodyStart + 1 : 0);
  let count = 0;
  for (const line of lines) {
    let from = line.start;
    for (let k = 0; k < indent && from < line.end && (text[from] === ' ' || text[from] === '\t'); k++) from++;
    if (withOffsets) for (let at = from; at < line.end; at++) offsets[count++] = at;
    value += text.slice(from, line.end);
  }
  if (!withOffsets) return { value };
  offsets[count++] = bodyEnd;
  return { value, offsets: offsets.subarray(0, count) };
}
