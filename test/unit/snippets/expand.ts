/**
 * Expands a VS Code snippet body the way the editor does when the user accepts every default:
 * placeholders give their default text, a choice its first option (or the option chosen for that tab stop),
 * mirrors (`$1` after `${1:web}`) repeat the value of their tab stop, `$0` and empty tab stops give nothing,
 * and variables (`$TM_FILENAME`, `${TM_FILENAME_BASE}`) take the values passed in.
 *
 * Grammar (VS Code's snippet syntax, src/vs/editor/contrib/snippet/browser/snippetParser.ts, described in the
 * "Snippet syntax" section of https://code.visualstudio.com/docs/editing/userdefinedsnippets):
 *   any         ::= tabstop | placeholder | choice | variable | text
 *   tabstop     ::= '$' int | '${' int '}'
 *   placeholder ::= '${' int ':' any '}'
 *   choice      ::= '${' int '|' text (',' text)* '|}'
 *   variable    ::= '$' var | '${' var '}' | '${' var ':' any '}'
 * `\` escapes `$`, `}` and `\` (and `,` and `|` inside a choice); any other `\` is literal, and so is a `$` that
 * starts none of the above. Transforms (`${1/regex/format/}`) are rejected: the snippets here do not use them.
 */

type Part =
  | { readonly type: 'text'; readonly value: string }
  | { readonly type: 'tabstop'; readonly index: number; readonly children?: readonly Part[]; readonly choices?: readonly string[] }
  | { readonly type: 'variable'; readonly name: string; readonly children?: readonly Part[] };

export interface ExpandOptions {
  /** Values of snippet variables (TM_FILENAME, …). An unknown variable is an error. */
  readonly variables?: Readonly<Record<string, string>>;
  /** For a choice tab stop: the option to pick instead of the first. */
  readonly choose?: ReadonlyMap<number, string>;
}

export class SnippetSyntaxError extends Error {}

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  parse(): Part[] {
    const parts = this.parseAny(false);
    if (this.pos !== this.src.length) throw new SnippetSyntaxError(`unexpected '${this.src[this.pos]}' at ${this.pos}`);
    return parts;
  }

  /** Parses until the end, or (inside a placeholder) until the unescaped `}` that closes it. */
  private parseAny(nested: boolean): Part[] {
    const parts: Part[] = [];
    let text = '';
    const flush = (): void => {
      if (text) parts.push({ type: 'text', value: text });
      text = '';
    };
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos]!;
      if (ch === '\\') {
        const next = this.src[this.pos + 1];
        if (next === '$' || next === '}' || next === '\\') {
          text += next;
          this.pos += 2;
        } else {
          text += ch;
          this.pos += 1;
        }
        continue;
      }
      if (ch === '}' && nested) break;
      if (ch === '$') {
        const part = this.tryDollar();
        if (part) {
          flush();
          parts.push(part);
          continue;
        }
      }
      text += ch;
      this.pos += 1;
    }
    flush();
    return parts;
  }

  private tryDollar(): Part | undefined {
    const start = this.pos;
    const rest = this.src.slice(start + 1);
    let m = /^(\d+)/.exec(rest);
    if (m) {
      this.pos = start + 1 + m[1]!.length;
      return { type: 'tabstop', index: Number(m[1]) };
    }
    m = /^([_a-zA-Z][_a-zA-Z0-9]*)/.exec(rest);
    if (m) {
      this.pos = start + 1 + m[1]!.length;
      return { type: 'variable', name: m[1]! };
    }
    if (!rest.startsWith('{')) return undefined;
    m = /^\{(\d+|[_a-zA-Z][_a-zA-Z0-9]*)/.exec(rest);
    if (!m) return undefined;
    const id = m[1]!;
    const isIndex = /^\d/.test(id);
    this.pos = start + 1 + m[0].length;
    const after = this.src[this.pos];
    if (after === '}') {
      this.pos += 1;
      return isIndex ? { type: 'tabstop', index: Number(id) } : { type: 'variable', name: id };
    }
    if (after === ':') {
      this.pos += 1;
      const children = this.parseAny(true);
      if (this.src[this.pos] !== '}') throw new SnippetSyntaxError(`unclosed \${${id}: at ${start}`);
      this.pos += 1;
      return isIndex ? { type: 'tabstop', index: Number(id), children } : { type: 'variable', name: id, children };
    }
    if (after === '|' && isIndex) {
      this.pos += 1;
      const choices: string[] = [];
      let current = '';
      for (;;) {
        const ch = this.src[this.pos];
        if (ch === undefined) throw new SnippetSyntaxError(`unclosed choice \${${id}| at ${start}`);
        if (ch === '\\' && /[,|\\$}]/.test(this.src[this.pos + 1] ?? '')) {
          current += this.src[this.pos + 1];
          this.pos += 2;
        } else if (ch === ',') {
          choices.push(current);
          current = '';
          this.pos += 1;
        } else if (ch === '|' && this.src[this.pos + 1] === '}') {
          choices.push(current);
          this.pos += 2;
          return { type: 'tabstop', index: Number(id), choices };
        } else {
          current += ch;
          this.pos += 1;
        }
      }
    }
    if (after === '/') throw new SnippetSyntaxError(`transforms are not supported (\${${id}/… at ${start})`);
    throw new SnippetSyntaxError(`malformed \${${id} at ${start}`);
  }
}

export function parseSnippet(body: string): Part[] {
  return new Parser(body).parse();
}

/** Every choice tab stop of a body with its options (the first is the default). */
export function choicesOf(body: string): Map<number, readonly string[]> {
  const out = new Map<number, readonly string[]>();
  const walk = (parts: readonly Part[]): void => {
    for (const p of parts) {
      if (p.type === 'tabstop' && p.choices && !out.has(p.index)) out.set(p.index, p.choices);
      if (p.type !== 'text' && p.children) walk(p.children);
    }
  };
  walk(parseSnippet(body));
  return out;
}

export function expandSnippet(body: string, options: ExpandOptions = {}): string {
  const parts = parseSnippet(body);
  // The value of each tab stop: from its first occurrence that has a default (placeholder or choice).
  const definitions = new Map<number, Part & { type: 'tabstop' }>();
  const collect = (list: readonly Part[]): void => {
    for (const p of list) {
      if (p.type === 'tabstop' && (p.children || p.choices) && !definitions.has(p.index)) definitions.set(p.index, p);
      if (p.type !== 'text' && p.children) collect(p.children);
    }
  };
  collect(parts);

  const rendering = new Set<number>();
  const valueOf = (index: number): string => {
    const def = definitions.get(index);
    if (!def) return '';
    if (def.choices) {
      const chosen = options.choose?.get(index);
      if (chosen !== undefined && !def.choices.includes(chosen)) throw new Error(`tab stop ${index} has no option ${chosen}`);
      return chosen ?? def.choices[0] ?? '';
    }
    if (rendering.has(index)) throw new SnippetSyntaxError(`tab stop ${index} contains itself`);
    rendering.add(index);
    const value = render(def.children ?? []);
    rendering.delete(index);
    return value;
  };
  const render = (list: readonly Part[]): string =>
    list
      .map((p) => {
        if (p.type === 'text') return p.value;
        if (p.type === 'tabstop') return valueOf(p.index);
        const value = options.variables?.[p.name];
        if (value !== undefined) return value;
        if (p.children) return render(p.children);
        throw new SnippetSyntaxError(`unknown variable ${p.name}: VS Code would insert its name`);
      })
      .join('');
  return render(parts);
}

/** The variables VS Code sets from the file the snippet is inserted into (the ones a snippet may use here). */
export function fileVariables(fileName: string): Record<string, string> {
  const dot = fileName.lastIndexOf('.');
  return {
    TM_FILENAME: fileName,
    TM_FILENAME_BASE: dot > 0 ? fileName.slice(0, dot) : fileName,
    TM_DIRECTORY: '/workspace',
    TM_FILEPATH: `/workspace/${fileName}`,
    RELATIVE_FILEPATH: fileName,
    WORKSPACE_NAME: 'workspace',
  };
}
